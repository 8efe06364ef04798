/**
 * What the gateway serves besides GraphQL answers, with the headers a careful operator checks: the
 * built pages of packages/dashboard (the dashboard at /dashboard, the offline explorer at /explorer,
 * the start page at /) under a strict Content-Security-Policy, and the API routes, whose Apollo
 * Sandbox page brings its own policy. For people on weak connections the pages are compressed (the
 * explorer's editor is megabytes of JavaScript, a quarter of that gzipped) and their content-hashed
 * assets cached for good, so a second visit downloads nothing but the page itself.
 */
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import fs from "node:fs";
import path from "node:path";

/** Content-Security-Policy directives, by name. */
export type CspDirectives = Record<string, string[] | typeof helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc>;

/**
 * A bundled page loads only its own files and talks only to its own origin: no inline script or
 * style, no script from elsewhere, no plugin, and only this site may frame it.
 */
export const PAGE_CSP: CspDirectives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'self'"],
};

/**
 * Helmet's headers without Strict-Transport-Security: TLS ends at the proxy in front (which decides
 * HSTS), and on a plain-HTTP intranet the header means nothing; `upgrade-insecure-requests` is left out
 * for the same reason (it would send such a page's own scripts to an https:// that does not exist).
 */
function securityHeaders(
  directives: CspDirectives,
  referrer: "no-referrer" | "strict-origin-when-cross-origin",
  opener: "same-origin" | "same-origin-allow-popups",
): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: false,
    referrerPolicy: { policy: referrer },
    crossOriginOpenerPolicy: { policy: opener },
  });
}

/**
 * The headers of a bundled page: PAGE_CSP with `extra` directives in place of its own (a page that
 * needs, say, `worker-src blob:` names it), `X-Content-Type-Options: nosniff`, no referrer, framing by
 * this site only.
 */
export function pageSecurityHeaders(extra: CspDirectives = {}): RequestHandler {
  return securityHeaders({ ...PAGE_CSP, ...extra }, "no-referrer", "same-origin");
}

/**
 * The headers of every other answer (GraphQL, the landing page, operations). Apollo's landing page
 * writes its own policy in a `<meta>` tag — scripts by nonce and from Apollo's CDN, styles, images and
 * Sandbox's iframe from there — which a browser applies together with this header, so the header adds
 * only what a `<meta>` policy cannot say (`frame-ancestors`) and what no page here needs (plugins,
 * another base URL, forms posting elsewhere). The referrer keeps the browser's default for Sandbox's
 * CDN and iframe, and a window Sandbox opens (Apollo's sign-in) may still report back to it.
 */
export function apiSecurityHeaders(): RequestHandler {
  return securityHeaders(
    {
      // The fetch directives are the landing page's own (its `<meta>`): a default here would block them.
      "default-src": helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
      "frame-ancestors": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
    },
    "strict-origin-when-cross-origin",
    "same-origin-allow-popups",
  );
}

/** gzip/deflate for clients that accept it (answers over 1 KB): pages, and GraphQL answers such as the schema. */
export const compress = compression();

/**
 * `compress` for GraphQL answers. A client that accepts no encoding (curl, most API clients) gets the
 * answer as it was, but without the compression wrapper around its response (it hooks the response's
 * head, writes and end for every request: 2 % of the gateway's CPU under load); `Vary: Accept-Encoding`
 * is still set, as compression sets it on every compressible answer.
 */
export const compressAnswers: RequestHandler = (req, res, next) => {
  if (req.headers["accept-encoding"]) return compress(req, res, next);
  res.vary("Accept-Encoding");
  next();
};

/** Vite names every file under assets/ by its content: a changed file is a new name. */
const staticFiles = (dir: string) =>
  express.static(dir, {
    index: false,
    maxAge: "1h",
    setHeaders: (res, file) => {
      if (path.relative(dir, file).startsWith(`assets${path.sep}`)) res.setHeader("cache-control", "public, max-age=31536000, immutable");
    },
  });

/**
 * A built single-page app in `dir`: its files, and its index.html for its own routes (the browser's
 * history paths), all with the page headers, compressed. `name` says what is missing when it was not built.
 */
export function singlePageApp(dir: string, name: string, extraCsp: CspDirectives = {}): RequestHandler[] {
  const index = path.join(dir, "index.html");
  const files = staticFiles(dir);
  return [
    pageSecurityHeaders(extraCsp),
    (req, res, next) => {
      if (!fs.existsSync(index)) {
        res.status(503).type("text/plain").send(`The ${name} is not built: run \`npm run build\`.`);
        return;
      }
      compress(req, res, () =>
        files(req, res, () => {
          if (req.method !== "GET" && req.method !== "HEAD") return next();
          res.setHeader("cache-control", "no-cache");
          res.sendFile(index);
        }),
      );
    },
  ];
}

/** The explorer's editor (Monaco) runs its language services in workers of its own build and sets styles on its elements; its fonts are inlined. */
export const EXPLORER_CSP: CspDirectives = {
  "style-src": ["'self'", "'unsafe-inline'"],
  "font-src": ["'self'", "data:"],
  "worker-src": ["'self'"],
};

/** Where Apollo Server's landing page loads Sandbox from: the start page probes it (packages/dashboard/explorer/start.ts). */
export const SANDBOX_CDN = "https://embeddable-sandbox.cdn.apollographql.com";

/**
 * The start page (`GET /` from a browser): the offline explorer, Apollo Sandbox (served by Apollo
 * Server at /graphql) and the dashboard. Other requests to `/` go on to the GraphQL endpoint.
 */
export function landingPage(explorerDir: string): RequestHandler {
  const page = path.join(explorerDir, "start.html");
  const headers = pageSecurityHeaders({ "connect-src": ["'self'", SANDBOX_CDN] });
  return (req, res, next) => {
    if (req.method !== "GET" || req.path !== "/" || req.accepts(["application/graphql-response+json", "application/json", "text/html"]) !== "text/html")
      return next();
    if (!fs.existsSync(page)) return next();
    headers(req, res, () =>
      compress(req, res, () => {
        res.setHeader("cache-control", "no-cache");
        res.sendFile(page);
      }),
    );
  };
}
