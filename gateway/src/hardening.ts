/**
 * Limits on what one request may ask, enforced at the gateway before any subgraph is called:
 * tokens (graphql-js's parser), query depth, aliases, directives and cost (GraphQL Armor), the depth
 * of introspection, the body size, and a request rate per client. The values leave room above the
 * largest operation the dashboard and the README use and above a full introspection
 * (tests/test/hostile.test.ts and http-conformance.test.ts run those and a corpus of hostile ones).
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit, type Store } from "express-rate-limit";
import { Redis } from "ioredis";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import { GATEWAY_MAX_ALIASES } from "@kttt/core";
import { GraphQLError, parse, type DocumentNode, type ParseOptions, type ValidationRule } from "graphql";
import { responseMediaType } from "./http-status";
import { expandedSelections, introspectionLimitsRule } from "./gateway-rules";

export { expandedSelections, introspectionLimitsRule };

export const QUERY_LIMITS = {
  depth: 12,
  aliases: GATEWAY_MAX_ALIASES,
  directives: 20,
  tokens: 3000,
  cost: 1_000_000,
  /**
   * Levels below `__schema` / `__type`, where the depth limit above does not look (Armor leaves
   * introspection out of it). A full introspection (GraphiQL's, graphql-js's `getIntrospectionQuery`
   * with every option) needs 15, most of them a chain of `ofType`. Nested lists of types
   * (`fields`, `interfaces`, `possibleTypes`, `inputFields`) are capped at 3 by graphql-js's
   * MaxIntrospectionDepthRule, one of the rules every validation runs.
   */
  introspectionDepth: 20,
  /** `__schema` fields an operation may hold (each is the whole schema, about 360 kB here). */
  introspectionSchemas: 1,
  /**
   * Fields and inline fragments of a document once its fragments are spread, checked before validation
   * (fragmentExpansionLimit): a full introspection is about 350, the dashboard's largest operation less.
   */
  expandedSelections: 10_000,
} as const;

/**
 * Refuses, before Apollo Server validates it, a document whose fragments fan out (each spreading the
 * next twice, a few dozen deep: 2^40 selections from 1 kB). graphql-js's own validation walks such a
 * document spread by spread — its MaxIntrospectionDepthRule, which Apollo Server always runs, takes
 * seconds at 24 levels and doubles with each — and would hold the gateway's only thread, whatever the
 * limits that run beside it say. A document that does not parse is left to Apollo Server to answer.
 */
export function fragmentExpansionLimit(max: number): RequestHandler {
  return (req, res, next) => {
    const query: unknown = req.method === "GET" ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== "string" || !query.includes("...")) return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: QUERY_LIMITS.tokens, noLocation: true });
    } catch {
      return next();
    }
    const found = expandedSelections(document);
    if (found <= max) return next();
    // A request error: 400, or 200 for a client that asked for plain JSON (http-status.ts).
    const mediaType = responseMediaType(req);
    res
      .status(mediaType === "application/json" ? 200 : 400)
      .type(mediaType)
      .json({
        errors: [
          {
            message: `The operation's fragments expand to ${found} fields; at most ${max} are allowed. Spread each fragment fewer times.`,
            extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "expandedSelections", max, found },
          },
        ],
      });
  };
}

/**
 * The parser's and validation's limits. The token limit is graphql-js's own (`parse(…, { maxTokens })`),
 * so a document over it is a parse error (HTTP 400, GRAPHQL_PARSE_FAILED) like any other: Armor's
 * token plugin runs its own parser in a hook where any failure, even a plain syntax error, becomes an
 * HTTP 500. Armor's field-suggestion blocking is the same for every caller, so it is off too:
 * schemaAccessPlugin (schema-access.ts) removes suggestions per caller instead.
 */
export function queryArmor(): { parseOptions: ParseOptions; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: QUERY_LIMITS.aliases, exposeLimits: true },
    maxDirectives: { n: QUERY_LIMITS.directives, exposeLimits: true },
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.cost, exposeLimits: true },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    validationRules: [...armor.validationRules, introspectionLimitsRule(QUERY_LIMITS.introspectionDepth, QUERY_LIMITS.introspectionSchemas, GraphQLError)],
  };
}

/** The client a rate limit counts: its API key when it sends one, else its address. */
function clientKey(req: Request): string {
  const key = req.headers["x-api-key"];
  return typeof key === "string" && key ? `key:${key.slice(0, 16)}` : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
}

/**
 * Where the rate limit counts: a Redis shared by every gateway replica when REDIS_URL is set (several
 * gateways behind one address then limit a client together), else this process's memory.
 */
export interface RateLimitStore {
  store: Store | undefined;
  close(): Promise<void>;
}

export function rateLimitStore(redisUrl: string | null, prefix: string): RateLimitStore {
  if (!redisUrl) return { store: undefined, close: async () => undefined };
  const client = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true });
  // ioredis logs unhandled "error" events itself; reconnecting is its business, counting is ours.
  client.on("error", () => undefined);
  return {
    store: new RedisStore({
      prefix: `${prefix}rl:`,
      sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply>,
    }),
    close: async () => void (await client.quit().catch(() => client.disconnect())),
  };
}

export function requestRateLimit(perMinute: number, store?: Store): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    store,
    // Redis unreachable: serve the request rather than refuse everyone (the limit protects, it does not authorise).
    passOnStoreError: true,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: clientKey,
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        errors: [
          {
            message: `Too many requests: at most ${perMinute} a minute from one client. Wait a moment (see the Retry-After header) and try again.`,
            extensions: { code: "RATE_LIMITED", limitPerMinute: perMinute },
          },
        ],
      });
    },
  });
}
