/**
 * KTTT Graph on Hive Gateway (The Guild), by configuration only: the committed supergraph, the router
 * contract to the subgraphs (the caller's own bearer token, verified here with the issuer's JWKS and
 * forwarded as it came, plus the static router secret header), request ids, the same query limits as our
 * gateway (GraphQL Armor with gateway/src/hardening.ts's numbers), CSRF prevention, masked errors in
 * production and /health, /ready. Started by `npm run start:hive` or `startHiveGateway` (@kttt/testkit):
 *
 *   hive-gateway supergraph ../../gateway/supergraph.graphql -c gateway.config.ts --port 4100
 *
 * Environment: ROUTER_SECRET and AUTH_JWKS_URL (required), MEMBERSHIP_URL, OCOP_URL, TRADE_PROMOTION_URL,
 * POLICY_SUPPORT_URL (default: the supergraph's), SUBGRAPH_TIMEOUT_MS, NODE_ENV, INTROSPECTION,
 * FIELD_SUGGESTIONS (authenticated | off), RATE_LIMIT_PER_MINUTE (600), REDIS_URL and REDIS_PREFIX (a rate limit
 * shared by every replica; without them, each process counts alone), as our gateway reads them, and
 * HIVE_ROUTER_RUNTIME (default true: plans and executes with Hive Router's Rust query planner,
 * @graphql-hive/router-runtime; `false`: Hive Gateway's JavaScript planner, the stitching runtime).
 *
 * The document checks are our gateway's own code (gateway/src/gateway-rules.ts), loaded with Hive's graphql-js.
 */
import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { createRemoteJwksSigningKeyProvider, defineConfig, type GatewayPlugin } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from "graphql";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import {
  expandedSelections,
  INTROSPECTION_SIGN_IN_MESSAGE,
  introspectionLimitsRule,
  SUBGRAPH_UNAVAILABLE,
  subgraphUnavailableMessage,
  withoutSuggestions,
} from "../../gateway/src/gateway-rules";

const env = process.env;
const production = env.NODE_ENV === "production";

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set: see deploy/hive-gateway/gateway.config.ts and docs/running-at-scale.md.`);
  return value;
}

const routerSecret = required("ROUTER_SECRET");
const jwksUrl = required("AUTH_JWKS_URL");
if (production && routerSecret.length < 32) throw new Error("ROUTER_SECRET must be a random secret of at least 32 characters in production.");

/** The limits of our gateway (gateway/src/hardening.ts QUERY_LIMITS); tests/test/e2e-both-gateways.test.ts holds both to them. */
const QUERY_LIMITS = {
  depth: 12,
  aliases: 30,
  directives: 20,
  tokens: 3000,
  cost: 1_000_000,
  introspectionDepth: 20,
  introspectionSchemas: 1,
  expandedSelections: 10_000,
} as const;

/** Where each subgraph is, when not where the supergraph says (containers, tests, replicas behind one address). */
const SUBGRAPH_URL_VARIABLES: Record<string, string> = {
  membership: "MEMBERSHIP_URL",
  ocop: "OCOP_URL",
  "trade-promotion": "TRADE_PROMOTION_URL",
  "policy-support": "POLICY_SUPPORT_URL",
};
const transportEntries = Object.fromEntries(
  Object.entries(SUBGRAPH_URL_VARIABLES)
    .filter(([, variable]) => env[variable])
    .map(([subgraph, variable]) => [subgraph, { location: env[variable] }]),
);

const armor = new EnvelopArmor({
  maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true, exposeLimits: true },
  maxAliases: { n: QUERY_LIMITS.aliases, exposeLimits: true },
  maxDirectives: { n: QUERY_LIMITS.directives, exposeLimits: true },
  maxTokens: { n: QUERY_LIMITS.tokens, exposeLimits: true },
  costLimit: { maxCost: QUERY_LIMITS.cost, exposeLimits: true },
  // Suggestions are taken out per caller below (suggestionGuard), as our gateway does.
  blockFieldSuggestion: { enabled: false },
}).protect();

const signedIn = (context: unknown) => !!(context as { jwt?: unknown }).jwt;

/**
 * Our gateway's document checks, before graphql-js validates: a document whose fragments fan out is refused
 * before any rule walks it (graphql-js's own introspection-depth rule would take seconds on 1 kB), then the
 * introspection limits run beside the other rules.
 */
const documentGuard: GatewayPlugin = {
  onValidate({ params, addValidationRule, setResult }) {
    const found = expandedSelections(params.documentAST as never);
    if (found > QUERY_LIMITS.expandedSelections) {
      const max = QUERY_LIMITS.expandedSelections;
      setResult([
        new GraphQLError(`The operation's fragments expand to ${found} fields; at most ${max} are allowed. Spread each fragment fewer times.`, {
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "expandedSelections", max, found },
        }),
      ]);
      return;
    }
    // The rule is written against the project's copy of graphql-js's types; at run time it only reads the syntax tree.
    addValidationRule(introspectionLimitsRule(QUERY_LIMITS.introspectionDepth, QUERY_LIMITS.introspectionSchemas, GraphQLError as never) as never);
  },
};

/** graphql-js's "Did you mean …?" for signed-in callers only (FIELD_SUGGESTIONS=authenticated) or for no one (off). */
const fieldSuggestions = env.FIELD_SUGGESTIONS === "off" || env.FIELD_SUGGESTIONS === "false" ? "off" : "authenticated";
const suggestionGuard: GatewayPlugin = {
  // On the answer, not in validation: Hive Gateway caches validation results by document, for every caller.
  onResultProcess({ result, setResult, serverContext }) {
    if (Array.isArray(result) || Symbol.asyncIterator in result || !result.errors) return;
    if (fieldSuggestions === "authenticated" && signedIn(serverContext)) return;
    if (result.errors.every((error) => error.message === withoutSuggestions(error.message))) return;
    const errors = result.errors.map((error) =>
      error.message === withoutSuggestions(error.message)
        ? error
        : new GraphQLError(withoutSuggestions(error.message), {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions: error.extensions,
          }),
    );
    setResult({ ...result, errors });
  },
};

/**
 * A subgraph that could not be reached (refused, reset, timed out) is reported as our gateway reports it:
 * SUBGRAPH_UNAVAILABLE with its name and the cause, not masked as "Unexpected error." (nor, in development, with
 * the subrequest's body). Errors the subgraph itself answered keep their own code.
 */
const subgraphUnavailable: GatewayPlugin = {
  onSubgraphExecute({ subgraphName }) {
    return ({ result, setResult }) => {
      if (Symbol.asyncIterator in result || !result.errors?.some((e) => e.extensions?.code === "SUBREQUEST_HTTP_ERROR")) return;
      // Hive's transport reports a request that failed (refused, reset, timed out, not 2xx) as SUBREQUEST_HTTP_ERROR.
      const errors = result.errors.map((error) =>
        error.extensions?.code === "SUBREQUEST_HTTP_ERROR"
          ? new GraphQLError(subgraphUnavailableMessage(subgraphName, error.message), {
              path: error.path,
              extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: subgraphName },
            })
          : error,
      );
      setResult({ ...result, errors });
    };
  },
};

/**
 * Requests per minute per client address, as our gateway counts a client without an API key (a router only ever
 * sees bearer tokens): in Redis when REDIS_URL is set, so every replica counts together; in memory without it.
 * Redis unreachable: the request is served (the limit protects, it does not authorise).
 */
const perMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? 600);
const limiter = env.REDIS_URL
  ? new RateLimiterRedis({
      storeClient: new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: true }).on("error", () => undefined),
      keyPrefix: `${env.REDIS_PREFIX ?? "kttt:"}hive-rl`,
      points: perMinute,
      duration: 60,
    })
  : new RateLimiterMemory({ points: perMinute, duration: 60 });
const rateLimit: GatewayPlugin = {
  async onRequest({ request, serverContext, endResponse, fetchAPI }) {
    if (!new URL(request.url).pathname.startsWith("/graphql")) return;
    const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress ?? "unknown";
    try {
      await limiter.consume(`ip:${address}`);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) return;
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      const message = `Too many requests: at most ${perMinute} a minute from one client. Wait a moment (see the Retry-After header) and try again.`;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: "RATE_LIMITED", limitPerMinute: perMinute } }] }), {
          status: 429,
          headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfter) },
        }),
      );
    }
  },
};

/** Introspection for signed-in callers only in production (INTROSPECTION=authenticated), as our gateway does. */
const introspection = env.INTROSPECTION ?? (production ? "authenticated" : "everyone");
const introspectionGuard: GatewayPlugin = {
  onValidate({ context, params }) {
    if (introspection === "everyone") return;
    if (introspection === "authenticated" && signedIn(context)) return;
    if (validate(params.schema, params.documentAST, [NoSchemaIntrospectionCustomRule]).length === 0) return;
    throw new GraphQLError(INTROSPECTION_SIGN_IN_MESSAGE, {
      extensions: { code: "UNAUTHENTICATED", reason: "INTROSPECTION_REQUIRES_SIGN_IN", http: { status: 401 } },
    });
  },
};

/** Hive Router's runtime (Rust query planner through a native addon) unless HIVE_ROUTER_RUNTIME=false. */
const routerRuntime = !["false", "0", "no"].includes((env.HIVE_ROUTER_RUNTIME ?? "true").toLowerCase());

export const gatewayConfig = defineConfig({
  ...(routerRuntime ? { unifiedGraphHandler } : {}),
  transportEntries,
  graphqlEndpoint: "/graphql",
  healthCheckEndpoint: "/health",
  readinessCheckEndpoint: "/ready",
  landingPage: !production,
  graphiql: !production,
  // Unexpected errors become "Unexpected error." in production; the subgraphs' own errors keep their code.
  maskedErrors: production ? true : { isDev: true },
  batching: false,
  // As Apollo Server's: a request must be JSON or carry one of these headers (no "simple" cross-site request).
  csrfPrevention: { requestHeaders: ["x-apollo-operation-name", "apollo-require-preflight"] },
  // A caller's x-request-id (or a new one) follows the request to every subgraph and back in the answer.
  requestId: { headerName: "x-request-id" },
  upstreamTimeout: Number(env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
  jwt: {
    // Refetched on an unknown kid (jwks-rsa), so the issuer's key rotation needs nothing here.
    signingKeyProviders: [createRemoteJwksSigningKeyProvider({ jwksUri: jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5000 })],
    tokenVerification: { algorithms: ["ES256"], issuer: "kttt-graph", audience: "kttt-graph" },
    // No token is the public (the subgraphs decide what it may read); a bad token is refused here with 401.
    reject: { missingToken: false, invalidToken: true },
  },
  propagateHeaders: {
    fromClientToSubgraphs({ request, context }) {
      const requestId = (context as { requestId?: string }).requestId ?? request.headers.get("x-request-id");
      return {
        authorization: request.headers.get("authorization"),
        "x-request-id": requestId,
        "x-kttt-router-secret": routerSecret,
      };
    },
  },
  plugins: () => [rateLimit, documentGuard, ...(armor.plugins as GatewayPlugin[]), introspectionGuard, suggestionGuard, subgraphUnavailable],
});
