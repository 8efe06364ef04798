/**
 * Serves the built pages of packages/dashboard (the dashboard, the explorer, the start page) for
 * people on weak connections: compressed (the explorer's editor is megabytes of JavaScript, a quarter
 * of that gzipped), and its content-hashed assets cached for good, so a second visit downloads nothing
 * but the page itself.
 */
import compression from "compression";
import express, { type RequestHandler } from "express";
import fs from "node:fs";
import path from "node:path";

/** gzip/deflate for clients that accept it (answers over 1 KB): pages, and GraphQL answers such as the schema. */
export const compress = compression();

/** Vite names every file under assets/ by its content: a changed file is a new name. */
const staticFiles = (dir: string) =>
  express.static(dir, {
    index: false,
    maxAge: "1h",
    setHeaders: (res, file) => {
      if (path.relative(dir, file).startsWith(`assets${path.sep}`)) res.setHeader("cache-control", "public, max-age=31536000, immutable");
    },
  });

export function dashboard(dir: string, what = "dashboard"): RequestHandler {
  const index = path.join(dir, "index.html");
  const files = staticFiles(dir);
  return (req, res, next) => {
    if (!fs.existsSync(index)) {
      res.status(503).type("text/plain").send(`The ${what} is not built: run \`npm run build\`.`);
      return;
    }
    compress(req, res, () =>
      files(req, res, () => {
        if (req.method !== "GET" && req.method !== "HEAD") return next();
        res.setHeader("cache-control", "no-cache");
        res.sendFile(index);
      }),
    );
  };
}

/**
 * The start page (`GET /` from a browser): the offline explorer, Apollo Sandbox (served by Apollo
 * Server at /graphql) and the dashboard. Other requests to `/` go on to the GraphQL endpoint.
 */
export function landingPage(explorerDir: string): RequestHandler {
  const page = path.join(explorerDir, "start.html");
  return (req, res, next) => {
    if (req.method !== "GET" || req.path !== "/" || req.accepts(["application/graphql-response+json", "application/json", "text/html"]) !== "text/html") return next();
    if (!fs.existsSync(page)) return next();
    compress(req, res, () => {
      res.setHeader("cache-control", "no-cache");
      res.sendFile(page);
    });
  };
}
