/**
 * Limits on what one request may ask, enforced at the gateway before any subgraph is called:
 * query depth, aliases, directives, tokens and cost (GraphQL Armor), the body size, and a request rate
 * per client. The values leave room above the largest operation the dashboard and the README use
 * (tests/test/hostile.test.ts runs those and a corpus of hostile ones).
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit, type Store } from "express-rate-limit";
import { Redis } from "ioredis";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import { GATEWAY_MAX_ALIASES } from "@kttt/core";

export const QUERY_LIMITS = {
  depth: 12,
  aliases: GATEWAY_MAX_ALIASES,
  directives: 20,
  tokens: 3000,
  cost: 1_000_000,
} as const;

/**
 * Armor's validation rules and plugins. Its field-suggestion blocking is the same for every caller,
 * so it is off here: schemaAccessPlugin (schema-access.ts) removes suggestions per caller instead.
 */
export function queryArmor() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: QUERY_LIMITS.aliases, exposeLimits: true },
    maxDirectives: { n: QUERY_LIMITS.directives, exposeLimits: true },
    maxTokens: { n: QUERY_LIMITS.tokens, exposeLimits: true },
    costLimit: { maxCost: QUERY_LIMITS.cost, exposeLimits: true },
    blockFieldSuggestion: { enabled: false },
  }).protect();
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
    store: new RedisStore({ prefix: `${prefix}rl:`, sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply> }),
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
