/** Serves a built page of packages/dashboard (the dashboard, the explorer): static files, index.html for its own routes. */
import express, { type RequestHandler } from "express";
import fs from "node:fs";
import path from "node:path";

export function dashboard(dir: string, what = "dashboard"): RequestHandler {
  const index = path.join(dir, "index.html");
  const files = express.static(dir, { index: false, maxAge: "1h" });
  return (req, res, next) => {
    if (!fs.existsSync(index)) {
      res.status(503).type("text/plain").send(`The ${what} is not built: run \`npm run build\`.`);
      return;
    }
    files(req, res, () => {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      res.setHeader("cache-control", "no-cache");
      res.sendFile(index);
    });
  };
}

/**
 * The landing page (`GET /` from a browser): the offline explorer, Apollo Sandbox (served by Apollo
 * Server at /graphql) and the dashboard. Other requests to `/` go on to the GraphQL endpoint.
 */
export function landingPage(explorerDir: string): RequestHandler {
  const page = path.join(explorerDir, "start.html");
  return (req, res, next) => {
    if (req.method !== "GET" || req.path !== "/" || req.accepts(["application/graphql-response+json", "application/json", "text/html"]) !== "text/html") return next();
    if (!fs.existsSync(page)) return next();
    res.setHeader("cache-control", "no-cache");
    res.sendFile(page);
  };
}
