/**
 * Apollo Server behind Express, as @as-integrations/express5 does it, but writing a complete answer
 * with `res.end` instead of Express's `res.send`, which re-parses and re-formats the Content-Type Apollo
 * Server already wrote (`; charset=utf-8` included; 1 % of the gateway's CPU under load, bench profile)
 * and checks freshness for conditional requests. The answer is the same: status, Apollo Server's
 * headers, Content-Length, body. With ETags off (app.ts) and no Last-Modified, `res.send` never answered
 * 304 here; anything but a UTF-8 answer to GET or POST still goes through it.
 */
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";

export interface GraphQLHttpOptions<T extends BaseContext> {
  context: (args: { req: Request; res: Response }) => Promise<T>;
}

/** A Content-Type that already says UTF-8, which `res.send` would write unchanged. */
const UTF8_TYPE = /;\s*charset=utf-8$/iu;

/** `?…` of a request target, up to a `#` (what `url.parse(url).search` gives, "" for none). */
function searchOf(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return "";
  const end = url.indexOf("#", start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

export function graphqlHttp<T extends BaseContext>(server: ApolloServer<T>, options: GraphQLHttpOptions<T>): RequestHandler {
  server.assertStarted("graphqlHttp()");
  return async (req, res) => {
    if (!("body" in req)) {
      res.status(500).send("`req.body` is not set; this probably means you forgot to set up the `json` middleware before the Apollo Server middleware.");
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const request: HTTPGraphQLRequest = { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body };
    const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => options.context({ req, res }) });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      const text = response.body.string;
      // Anything else (the landing page's bare `text/html`, a HEAD) as Express writes it.
      if (req.method === "HEAD" || !UTF8_TYPE.test(String(res.getHeader("content-type") ?? ""))) {
        res.send(text);
        return;
      }
      // Encoded once: its length is the header, its bytes the body (a string would be measured, then encoded again).
      const bytes = Buffer.from(text, "utf8");
      res.setHeader("Content-Length", bytes.length);
      res.end(bytes);
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      (res as Response & { flush?: () => void }).flush?.();
    }
    res.end();
  };
}
