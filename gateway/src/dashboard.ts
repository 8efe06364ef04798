/** Serves the built dashboard at /dashboard: static files, index.html for its own routes. */
import express, { type RequestHandler } from "express";
import fs from "node:fs";
import path from "node:path";

export function dashboard(dir: string): RequestHandler {
  const index = path.join(dir, "index.html");
  const files = express.static(dir, { index: false, maxAge: "1h" });
  return (req, res, next) => {
    if (!fs.existsSync(index)) {
      res.status(503).type("text/plain").send("The dashboard is not built: run `npm run build`.");
      return;
    }
    files(req, res, () => {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      res.setHeader("cache-control", "no-cache");
      res.sendFile(index);
    });
  };
}
