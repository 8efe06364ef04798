/**
 * What the gateway serves besides GraphQL answers, with the headers a careful operator checks: the
 * built single-page apps (the dashboard at /dashboard; any other bundled page mounts the same way)
 * under a strict Content-Security-Policy, and the API routes, whose landing page (Apollo Sandbox)
 * brings its own policy.
 */
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
function securityHeaders(directives: CspDirectives, referrer: "no-referrer" | "strict-origin-when-cross-origin", opener: "same-origin" | "same-origin-allow-popups"): RequestHandler {
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

/**
 * A built single-page app in `dir`: its files, and its index.html for its own routes (the browser's
 * history paths), all with the page headers. `name` says what is missing when it was not built.
 */
export function singlePageApp(dir: string, name: string, extraCsp: CspDirectives = {}): RequestHandler[] {
  const index = path.join(dir, "index.html");
  const files = express.static(dir, { index: false, maxAge: "1h" });
  return [
    pageSecurityHeaders(extraCsp),
    (req, res, next) => {
      if (!fs.existsSync(index)) {
        res.status(503).type("text/plain").send(`The ${name} is not built: run \`npm run build\`.`);
        return;
      }
      files(req, res, () => {
        if (req.method !== "GET" && req.method !== "HEAD") return next();
        res.setHeader("cache-control", "no-cache");
        res.sendFile(index);
      });
    },
  ];
}
