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
import { GraphQLError, Kind, parse, type ASTNode, type DocumentNode, type ParseOptions, type ValidationRule } from "graphql";
import { responseMediaType } from "./http-status";

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

/** A fragment by name, as the validation context knows it. */
type Fragments = (name: string) => ASTNode | undefined;

/**
 * Folds `node`'s selections bottom-up, a fragment spread standing for its fragment. A fragment is folded
 * once per validation (`folded`), so a fan-out of spreads (each fragment spreading the next twice) costs
 * no more than its text; a spread already being followed counts as nothing, since graphql-js's own rules
 * refuse cycles.
 */
function foldSelections<T>(node: ASTNode, fragment: Fragments, visit: (node: ASTNode, children: T[]) => T, folded: Map<string, T>, seen: Set<string> = new Set()): T {
  if (node.kind === Kind.FRAGMENT_SPREAD) {
    const name = node.name.value;
    const known = folded.get(name);
    if (known !== undefined) return known;
    const target = fragment(name);
    if (!target || seen.has(name)) return visit(node, []);
    seen.add(name);
    const result = foldSelections(target, fragment, visit, folded, seen);
    seen.delete(name);
    folded.set(name, result);
    return result;
  }
  const children = "selectionSet" in node && node.selectionSet ? node.selectionSet.selections.map((child) => foldSelections(child, fragment, visit, folded, seen)) : [];
  return visit(node, children);
}

/** How deep `node`'s fields go, a fragment counting as the fields it holds. */
const selectionDepth = (node: ASTNode, fragment: Fragments, folded: Map<string, number>) =>
  foldSelections<number>(node, fragment, (n, children) => (n.kind === Kind.FIELD ? 1 : 0) + Math.max(0, ...children), folded);

/** How many times the field `name` is asked for in `node`, through fragments as often as they are spread. */
const fieldCount = (node: ASTNode, name: string, fragment: Fragments, folded: Map<string, number>) =>
  foldSelections<number>(node, fragment, (n, children) => (n.kind === Kind.FIELD && n.name.value === name ? 1 : 0) + children.reduce((a, b) => a + b, 0), folded);

/** The fields and inline fragments of `document` with every fragment spread where it is spread. */
export function expandedSelections(document: DocumentNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const folded = new Map<string, number>();
  const count = (node: ASTNode) =>
    foldSelections<number>(node, (name) => fragments.get(name), (n, children) => (n.kind === Kind.FIELD || n.kind === Kind.INLINE_FRAGMENT ? 1 : 0) + children.reduce((a, b) => a + b, 0), folded);
  return document.definitions.reduce((total, d) => total + (d.kind === Kind.OPERATION_DEFINITION ? count(d) : 0), 0);
}

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

const refusal = (message: string, node: ASTNode, limit: string, max: number, found: number) =>
  new GraphQLError(message, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, max, found } });

/**
 * Limits on introspection, which the query limits above leave out: no deeper than `maxDepth` levels
 * from `__schema` / `__type` down, so a chain of `ofType` (which no list-nesting rule counts) cannot
 * grow without end, and at most `maxSchemas` `__schema` an operation, since each is the whole schema
 * (aliases would otherwise multiply it: 30 of them are about 6 MB and seconds of work for one
 * request of 3 kB). `isOneOf` is refused here too, as a request error: graphql-js knows the field,
 * but Apollo Gateway's query planner does not and would fail the request as a server error.
 */
export function introspectionLimitsRule(maxDepth: number, maxSchemas: number): ValidationRule {
  return (context) => {
    const fragment: Fragments = (name) => context.getFragment(name) ?? undefined;
    // Per validation: the depth below each fragment and the __schema fields in it.
    const depths = new Map<string, number>();
    const schemaCounts = new Map<string, number>();
    return {
      OperationDefinition(node) {
        const schemas = fieldCount(node, "__schema", fragment, schemaCounts);
        if (schemas > maxSchemas) {
          context.reportError(refusal(`An operation may ask for __schema at most ${maxSchemas === 1 ? "once" : `${maxSchemas} times`} (found ${schemas}): it is the whole schema each time.`, node, "introspectionSchemas", maxSchemas, schemas));
        }
      },
      Field(node) {
        if (node.name.value === "isOneOf" && context.getParentType()?.name === "__Type") {
          context.reportError(new GraphQLError("__Type.isOneOf is not served by this gateway (its query planner does not know it yet): leave it out of the introspection query.", { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
        }
        if (node.name.value !== "__schema" && node.name.value !== "__type") return undefined;
        const depth = selectionDepth(node, fragment, depths);
        if (depth <= maxDepth) return undefined;
        context.reportError(
          refusal(`Introspection nested ${depth} levels deep below ${node.name.value}; at most ${maxDepth} are allowed (a full introspection, such as GraphiQL's, needs 15).`, node, "introspectionDepth", maxDepth, depth),
        );
        return false;
      },
    };
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
    validationRules: [...armor.validationRules, introspectionLimitsRule(QUERY_LIMITS.introspectionDepth, QUERY_LIMITS.introspectionSchemas)],
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
