/**
 * The gateway: one GraphQL endpoint over the subgraphs, planned from the static supergraph file
 * that is composed ahead of time and committed (IntrospectAndCompose only as a development opt-in).
 */
// Before @apollo/gateway loads (see the file).
import "./flat-exports";
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import {
  ANONYMOUS,
  createLogger,
  createMetrics,
  DomainError,
  ErrorCode,
  fieldAtFaultPlugin,
  formatError,
  GATEWAY_PROOF_HEADER,
  isDomainError,
  issueToken,
  requestIdOf,
  gatewayProofFor,
  listen,
  principalOf,
  type Principal,
  observabilityPlugin,
  operationsRoutes,
  SUBGRAPHS,
  type GatewayConfig,
  type Logger,
  type RunningServer,
} from "@kttt/core";
import express from "express";
import { Counter } from "prom-client";
import { GraphQLError } from "graphql";
import { randomUUID } from "node:crypto";
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { repositoryRoot, SUPERGRAPH_FILE } from "./compose";
import { SUBGRAPH_UNAVAILABLE, subgraphUnavailableMessage } from "./gateway-rules";
import { fragmentExpansionLimit, QUERY_LIMITS, queryArmor, rateLimitStore, requestRateLimit } from "./hardening";
import { API_KEY_TOKEN_TTL_SECONDS, mountIssuer, openIssuer } from "./issuer";
import { responseMediaType, responseStatusPlugin, type ResponseMediaType } from "./http-status";
import { schemaAccessPlugin } from "./schema-access";
import { spreadsheetFiles } from "./spreadsheet-files";
import { subgraphFetcher, subgraphFetchMetrics } from "./fetcher";
import { apiSecurityHeaders, compressAnswers, EXPLORER_CSP, landingPage, singlePageApp } from "./static-pages";
import { collapseIdenticalQueries, stringifyResult } from "./collapse";
import { expressMiddleware } from "@as-integrations/express5";
import { installResultShaping } from "./result-shaping";

// @apollo/gateway's last step on every answer, as it does it, with each selection read once (see the file).
installResultShaping();

interface GatewayContext {
  requestId: string;
  /** The caller's verified bearer token, passed on to the subgraphs as it came. */
  authorization: string | null;
  principal: Principal;
  /** What the answer is written as, which decides the status of a request error (http-status.ts). */
  mediaType: ResponseMediaType;
}

/**
 * A subgraph as the gateway calls it: forwards the request id, so one id follows a query
 * everywhere, and turns a failed fetch into an error that names the subgraph, so a client sees which
 * part of its answer is missing while the other parts still arrive.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    private readonly gatewaySecret: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    // The caller as the gateway verified it, in a proof reused for a while; schema fetches run as the public.
    const requestId = context?.requestId ?? randomUUID();
    headers.set(GATEWAY_PROOF_HEADER, await gatewayProofFor(context?.principal ?? ANONYMOUS, this.gatewaySecret));
    headers.set("x-request-id", requestId);
    // The caller's own token goes along for look-ups a subgraph makes through the gateway on their behalf.
    if (context?.authorization) headers.set("authorization", context.authorization);
  }

  override didEncounterError(error: Error): void {
    // A subgraph that refused the request (HTTP 400, e.g. a literal its scalar rejects) explains why:
    // pass its first error on as the client's mistake, not as a failure of the graph.
    const refused = (error as GraphQLError).extensions?.response as
      { status?: number; body?: { errors?: { message: string; extensions?: { code?: string; field?: string } }[] } } | undefined;
    const first = refused?.status === 400 ? refused.body?.errors?.[0] : undefined;
    if (first) {
      const code = !first.extensions?.code || first.extensions.code === "GRAPHQL_VALIDATION_FAILED" ? "BAD_USER_INPUT" : first.extensions.code;
      // The field at fault, as the subgraph named it (its fieldAtFaultPlugin: the argument path of the literal).
      const field = typeof first.extensions?.field === "string" ? { field: first.extensions.field } : {};
      throw new GraphQLError(first.message, { extensions: { code, ...field, serviceName: this.subgraphName } });
    }
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(subgraphUnavailableMessage(this.subgraphName, error.message), {
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.subgraphName },
    });
  }
}

/** What `sendRequest` is given: the GraphQL request with the HTTP method, URL and headers `process` prepared. */
interface SubgraphRequest {
  http?: { method: string; url: string; headers: Iterable<[string, string]> };
  [field: string]: unknown;
}

/**
 * RemoteGraphQLDataSource's `sendRequest` (@apollo/gateway 2.14) without the node-fetch `Request` it builds
 * per subgraph call only to hand to `parseBody` and `didEncounterError`, which read nothing of it here
 * (the base `parseBody` and our `didEncounterError`): URL parsing, header copies and a body stream per
 * fetch, 2–3 % of the gateway's CPU on a page of cooperatives (bench profile). The same request is sent,
 * the same answer read, and a failure goes through `didEncounterError` as before. `sendRequest` is private
 * in the package's types, so it is replaced on the prototype rather than overridden in the class.
 */
async function sendRequest(this: SubgraphDataSource, request: SubgraphRequest, context: GatewayContext): Promise<Record<string, unknown>> {
  if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
  const { http, ...requestWithoutHttp } = request;
  const requestInit = { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify(requestWithoutHttp) };
  try {
    const fetchResponse = await this.fetcher(http.url, requestInit);
    if (!fetchResponse.ok) throw await this.errorFromResponse(fetchResponse);
    const body: unknown = await this.parseBody(fetchResponse, undefined, context);
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    return { ...body, http: fetchResponse };
  } catch (error) {
    this.didEncounterError(error as Error);
    throw error;
  }
}
Object.defineProperty(SubgraphDataSource.prototype, "sendRequest", { value: sendRequest, writable: true, configurable: true });

/** The query Sandbox opens with in development: the mid-2024 review of the province (see README). */
export const SANDBOX_FIRST_QUERY = `# Signed in as the demo Alliance staff member of this run (see the Headers tab).
query MidYearReview {
  collectiveEconomy(period: { year: 2024, half: H1, asOf: "2024-07-15" }) {
    period { label }
    membership { cooperativeCount unionCount groupCount revenue { average } }
    ocop { activeProducts collectiveOwnedProducts collectiveOwners }
    tradePromotion { events participations onlineSellingShare }
    policySupport { planned disbursed implementationRate }
  }
}
`;

export interface GatewayServer extends RunningServer {
  gateway: ApolloGateway;
}

/**
 * @apollo/gateway 2.14 reports usage to Apollo by default, and first probes the cloud metadata address
 * (169.254.169.254) for its resource attributes: a gateway of the province's data sends nothing out.
 */
function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
}

export async function startGateway(config: GatewayConfig, logger: Logger = createLogger("gateway", config.logLevel)): Promise<GatewayServer> {
  disableApolloTelemetry();
  const known = new Map(SUBGRAPHS.map((s) => [s.name, s]));
  const metrics = createMetrics("gateway");
  const fetchMetrics = subgraphFetchMetrics(metrics);
  const collapsed = new Counter({
    name: "gateway_collapsed_queries_total",
    help: "Queries answered by joining an identical query of the same access already in flight (no plan, no subgraph fetch of their own).",
    registers: [metrics.registry],
  });
  const fetchOptions = { timeoutMs: config.subgraphTimeoutMs, retryDelayMs: 100 };
  /** The URL each subgraph is called on, for readiness. */
  const urls = new Map<string, string>();
  const dataSource = (name: string, url: string) => {
    urls.set(name, url);
    return new SubgraphDataSource(name, config.gatewaySecret, { url, fetcher: subgraphFetcher(name, fetchOptions, fetchMetrics) });
  };
  // @apollo/gateway sends Apollo the host's CPU and memory figures every minute (OTLP to
  // usage-reporting.api.apollographql.com) unless this is set: a provincial graph has no business calling
  // out, and where it cannot, the retries over TLS showed in the gateway's CPU profile.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = config.introspectAndCompose
    ? new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: SUBGRAPHS.map((s) => ({ name: s.name, url: config.subgraphUrls[s.name] ?? `http://localhost:${s.port}/graphql` })),
        }),
        buildService: ({ name, url }) => dataSource(name, url!),
      })
    : new ApolloGateway({
        supergraphSdl: fs.readFileSync(config.supergraphPath ?? SUPERGRAPH_FILE, "utf8"),
        buildService: ({ name, url }) => {
          if (!known.has(name)) throw new Error(`The supergraph names an unknown subgraph "${name}"`);
          return dataSource(name, config.subgraphUrls[name] ?? url!);
        },
      });

  const app = express();
  app.disable("x-powered-by");
  // No ETag on answers: Express would hash every GraphQL answer (SHA-1 of a 100 KB page, 2 % of the
  // gateway's CPU under load) for a header no client here revalidates with; POST answers are never
  // revalidated anyway. Static files keep theirs (express.static has its own).
  app.disable("etag");
  app.set("trust proxy", config.trustProxy);
  app.use(apiSecurityHeaders());
  const httpServer = http.createServer(app);
  const production = config.nodeEnv === "production";
  const armor = queryArmor();
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway,
    // The process's signals are runUntilStopped's: it stops the server, then the pools, then exits.
    stopOnTerminationSignals: false,
    formatError: formatError(production, logger),
    includeStacktraceInErrorResponses: !production,
    // Who may introspect is decided per request by schemaAccessPlugin; Apollo Server's switch is only the `off`.
    introspection: config.introspection !== "off",
    // CSRF prevention is on (Apollo Server's default): a request must be JSON or carry a preflight header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: armor.parseOptions,
    stringifyResult,
    validationRules: armor.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      observabilityPlugin<GatewayContext>(logger, metrics),
      responseStatusPlugin<GatewayContext>(),
      fieldAtFaultPlugin<GatewayContext>(),
      schemaAccessPlugin<GatewayContext>({ introspection: config.introspection, fieldSuggestions: config.fieldSuggestions }),
      collapseIdenticalQueries<GatewayContext>(() => collapsed.inc()),
      // Sandbox works wherever introspection does; where only signed-in callers may, they paste their token into its headers.
      config.introspection !== "off"
        ? ApolloServerPluginLandingPageLocalDefault({
            footer: false,
            embed: { endpointIsEditable: false },
            // Development: Sandbox opens signed in as the run's demo staff member, with a first query to run.
            ...(config.sandboxToken ? { headers: { Authorization: `Bearer ${config.sandboxToken}` }, document: SANDBOX_FIRST_QUERY } : {}),
          })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();
  const issuer = await openIssuer(config);
  const { apiKeys, signingKeys, tokenKeys } = issuer;
  const limitStore = rateLimitStore(config.redisUrl, config.redisPrefix);
  const limit = requestRateLimit(config.rateLimitPerMinute, limitStore.store);
  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const requestId = requestIdOf(req.headers["x-request-id"]);
      // The caller can quote it when asking about this request; the subgraphs and logs carry the same id.
      res.setHeader("x-request-id", requestId);
      let authorization = req.headers.authorization ?? null;
      const apiKey = req.headers["x-api-key"];
      let principal: Principal;
      try {
        if (typeof apiKey === "string" && apiKey) {
          if (authorization) throw new DomainError(ErrorCode.UNAUTHENTICATED, "Send either an API key or a bearer token, not both.");
          if (!apiKeys) throw new DomainError(ErrorCode.UNAUTHENTICATED, "This gateway has no database for API keys; use a bearer token.");
          principal = await apiKeys.verify(apiKey);
          // Subgraphs see the key's principal as a short-lived token, like any caller's.
          authorization = `Bearer ${await issueToken(principal, signingKeys, API_KEY_TOKEN_TTL_SECONDS)}`;
        } else {
          principal = await principalOf(authorization ?? undefined, tokenKeys);
        }
      } catch (error) {
        if (!isDomainError(error)) throw error;
        throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
      }
      return { requestId, authorization, principal, mediaType: responseMediaType(req) };
    },
  });
  const body = express.json({
    limit: config.maxBodyBytes,
    // JSON is UTF-8: a body that is not is refused, rather than read with its bad bytes replaced.
    verify: (_req, _res, buffer, encoding) => {
      if (encoding === "utf-8" && !isUtf8(buffer)) throw Object.assign(new Error("invalid UTF-8"), { status: 400, type: "encoding.invalid" });
    },
  });
  const expansion = fragmentExpansionLimit(QUERY_LIMITS.expandedSelections);
  // Answers are compressed for clients that accept it: the explorer's schema is 330 KB of JSON, 40 KB gzipped.
  // First in the app: every other route is a path of its own, and a query then passes no other route on its way.
  app.use("/graphql", limit, compressAnswers, body, expansion, graphql);
  operationsRoutes(app, metrics, async () => {
    const checks: Record<string, string> = { supergraph: urls.size > 0 ? "ok" : "not loaded" };
    await Promise.all(
      [...urls].map(async ([name, url]) => {
        const health = url.replace(/\/graphql\/?$/u, "/health");
        try {
          const response = await fetch(health, { signal: AbortSignal.timeout(1000) });
          checks[`subgraph:${name}`] = response.ok ? "ok" : `answered ${response.status}`;
        } catch {
          checks[`subgraph:${name}`] = `unreachable at ${health}`;
        }
      }),
    );
    return checks;
  });
  mountIssuer(app, issuer, limit);
  const dashboardDir = config.dashboardDir ?? path.join(repositoryRoot, "packages", "dashboard", "dist");
  // The explorer is built beside the dashboard (packages/dashboard, vite.explorer.config.ts).
  const explorerDir = path.join(dashboardDir, "..", "dist-explorer");
  app.use("/dashboard", ...singlePageApp(dashboardDir, "dashboard"));
  app.use("/explorer", ...singlePageApp(explorerDir, "explorer", EXPLORER_CSP));
  app.use("/files", limit, spreadsheetFiles(httpServer, tokenKeys, apiKeys ?? null));
  // A browser at `/` gets the start page (explorer, Sandbox, dashboard); Sandbox itself is at GET /graphql.
  app.use("/", landingPage(explorerDir), limit, compressAnswers, body, expansion, graphql);
  // Refused bodies (too large, not UTF-8, not JSON) get a GraphQL-shaped error, never a stack trace.
  app.use((error: { status?: number; type?: string; message?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error?.status) return next(error);
    const [code, message] =
      error.type === "entity.too.large"
        ? ["REQUEST_TOO_LARGE", `The request is larger than ${config.maxBodyBytes} bytes.`]
        : error.type === "encoding.invalid"
          ? ["BAD_REQUEST", "The request body is not valid UTF-8: send the JSON encoded as UTF-8."]
          : error.type === "entity.parse.failed"
            ? ["BAD_REQUEST", "The request body is not valid JSON."]
            : ["BAD_REQUEST", `The request body could not be read (${error.message ?? error.type}).`];
    res.status(error.status).json({ errors: [{ message, extensions: { code } }] });
  });
  const server = await listen(httpServer, config.host, config.port, async () => {
    await apollo.stop();
    await issuer.close();
    await limitStore.close();
  });
  return { ...server, gateway };
}
