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
 * POLICY_SUPPORT_URL (default: the supergraph's), SUBGRAPH_TIMEOUT_MS, NODE_ENV, INTROSPECTION, HIVE_ROUTER_RUNTIME
 * (default true: plans and executes with Hive Router's Rust query planner, @graphql-hive/router-runtime;
 * `false`: Hive Gateway's JavaScript planner, the stitching runtime).
 */
import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { createRemoteJwksSigningKeyProvider, defineConfig, type GatewayPlugin } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from "graphql";

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
const QUERY_LIMITS = { depth: 12, aliases: 30, directives: 20, tokens: 3000, cost: 1_000_000 } as const;

/** Where each subgraph is, when not where the supergraph says (containers, tests, replicas behind one address). */
const SUBGRAPH_URL_VARIABLES: Record<string, string> = { membership: "MEMBERSHIP_URL", ocop: "OCOP_URL", "trade-promotion": "TRADE_PROMOTION_URL", "policy-support": "POLICY_SUPPORT_URL" };
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
  // Our gateway keeps suggestions for signed-in callers; a router blocks them for everyone (simpler, never less safe).
  blockFieldSuggestion: { enabled: true },
}).protect();

/** Introspection for signed-in callers only in production (INTROSPECTION=authenticated), as our gateway does. */
const introspection = env.INTROSPECTION ?? (production ? "authenticated" : "everyone");
const introspectionGuard: GatewayPlugin = {
  onValidate({ context, params }) {
    if (introspection === "everyone") return;
    const signedIn = !!(context as { jwt?: unknown }).jwt;
    if (introspection === "authenticated" && signedIn) return;
    if (validate(params.schema, params.documentAST, [NoSchemaIntrospectionCustomRule]).length === 0) return;
    throw new GraphQLError("Sign in to explore the schema: introspection (__schema, __type) is for signed-in callers.", {
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
  plugins: () => [...(armor.plugins as GatewayPlugin[]), introspectionGuard],
});
