/**
 * Starts a subgraph's HTTP server: `/graphql` (Apollo Server), `/health` (liveness). Every
 * subgraph calls this, so they all behave the same behind the gateway.
 */
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { getOperationAST, GraphQLError, parse, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { JWTVerifyGetKey } from "jose";
import { DomainError } from "./errors";
import {
  gatewaySecretMatches,
  GATEWAY_PROOF_HEADER,
  GATEWAY_SECRET_HEADER,
  principalOf,
  requestIdOf,
  ROUTER_SECRET_HEADER,
  verifyGatewayProof,
  type Principal,
} from "./auth";
import type { RouterContract } from "./config";
import { remoteKeys } from "./signing-keys";
import { ErrorCode, isDomainError } from "./errors";
import { enterRequest, type RequestContext } from "./request-context";
import { observabilityPlugin, type Logger, type ServiceMetrics } from "./observability";
import { fieldAtFaultPlugin } from "./field-at-fault";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface RequestInfo {
  requestId: string;
  headers: http.IncomingHttpHeaders;
  /** The caller, from the bearer token the gateway passed on (anonymous public without one). */
  principal: Principal;
  /** The caller's own `Authorization` header, for look-ups made on their behalf (see `RequestContext`). */
  authorization?: string;
}

/** Operation types of documents seen, by operation name and text (the gateway sends the same few again and again). */
const operationTypes = new Map<string, string | null>();

/**
 * True unless the request is surely a query: a mutation (its audit record reads the request scope), a
 * document that does not parse or names no single operation (Apollo Server refuses those anyway).
 */
function mayWrite(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string") return true;
  const key = `${typeof operationName === "string" ? operationName : ""}\u0000${query}`;
  let type = operationTypes.get(key);
  if (type === undefined) {
    try {
      type = getOperationAST(parse(query), typeof operationName === "string" ? operationName : undefined)?.operation ?? null;
    } catch {
      type = null;
    }
    if (operationTypes.size >= 1000) operationTypes.clear();
    operationTypes.set(key, type);
  }
  return type !== "query";
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P02", "57P03", "53300"]);
const CONNECTION_MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection error|not queryable|terminating connection|shutting down|starting up|timeout exceeded when trying to connect|Connection ended unexpectedly|query runner (?:was )?already released/iu;

/** True when the database cannot be reached right now (down, restarting, out of connections). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  if (code && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  return CONNECTION_MESSAGES.test(`${e?.message ?? ""} ${e?.driverError?.message ?? ""}`);
}

/** Keeps clients' errors as they are and hides the internals of anything unexpected in production. */
export function formatError(production: boolean, logger?: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const known = code && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (!known) {
      if (isDatabaseUnavailable(original)) {
        return { ...formatted, message: "The database is not reachable right now. Try again shortly.", extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
      }
      if (logger) logger.error({ err: original, path: formatted.path }, "unexpected error");
      else console.error("[error]", original);
      if (production) {
        return {
          message: "Internal server error",
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        };
      }
    }
    if (production && formatted.extensions?.stacktrace) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    return formatted;
  };
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  host: string;
  port: number;
  production: boolean;
  context: (request: RequestInfo) => Promise<TContext> | TContext;
  plugins?: ApolloServerPlugin<TContext>[];
  logger: Logger;
  metrics: ServiceMetrics;
  /** Readiness: each check answers "ok" or what is wrong. */
  ready: () => Promise<Record<string, string>>;
  /** Our gateway's proof key; null: only a router may call. */
  gatewaySecret: string | null;
  /** The router contract (ROUTER_SECRET + the issuer's JWKS); null: only our gateway may call. */
  router: RouterContract | null;
}

const ONLY_GATEWAY_OR_ROUTER =
  "This service answers only the KTTT Graph gateway (its signed proof) or a federation router that sends the router secret header with the caller's token.";

/**
 * Everything but /health answers only the gateway or the router: `/graphql` a request with the gateway's
 * signed proof or the router secret (checked where the caller is read, see `callerOfRequest`), `/ready`
 * and `/metrics` a request with either secret header (what a readiness probe or a Prometheus scrape can send).
 */
export function requireGateway(secret: string | null, routerSecret: string | null = null): express.RequestHandler {
  return (req, res, next) => {
    const gateway = secret !== null && gatewaySecretMatches(req.headers[GATEWAY_SECRET_HEADER], secret);
    const router = routerSecret !== null && gatewaySecretMatches(req.headers[ROUTER_SECRET_HEADER], routerSecret);
    if (req.path === "/health" || req.path === "/graphql" || gateway || router) return next();
    res.status(401).json({ errors: [{ message: ONLY_GATEWAY_OR_ROUTER, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
  };
}

/**
 * Who asks and which request this is, by either contract: our gateway's proof when the request carries
 * one, else (when this subgraph has a router secret) the router secret header and the caller's own bearer
 * token verified with the issuer's JWKS (no token: the public), with the router's `x-request-id`.
 */
export function callerOfRequest(
  gatewaySecret: string | null,
  router: RouterContract | null,
): (headers: http.IncomingHttpHeaders) => Promise<{ principal: Principal; requestId: string }> {
  const keys: JWTVerifyGetKey | null = router ? remoteKeys(router.jwksUrl, router.jwksCooldownMs) : null;
  return async (headers) => {
    if (gatewaySecret !== null && headers[GATEWAY_PROOF_HEADER] !== undefined)
      return verifyGatewayProof(headers[GATEWAY_PROOF_HEADER], gatewaySecret, headers["x-request-id"]);
    if (router && keys && headers[ROUTER_SECRET_HEADER] !== undefined) {
      if (!gatewaySecretMatches(headers[ROUTER_SECRET_HEADER], router.secret))
        throw new DomainError(ErrorCode.UNAUTHENTICATED, "The router secret is not valid.", { reason: "ROUTER_SECRET_INVALID" });
      return { principal: await principalOf(headers.authorization, { keys }), requestId: requestIdOf(headers["x-request-id"]) };
    }
    throw new DomainError(ErrorCode.UNAUTHENTICATED, ONLY_GATEWAY_OR_ROUTER, { reason: "NOT_FROM_GATEWAY_OR_ROUTER" });
  };
}

/** `/health` (the process answers), `/ready` (it can do its work) and `/metrics` (Prometheus). */
export function operationsRoutes(app: express.Express, metrics: ServiceMetrics, ready: () => Promise<Record<string, string>>): void {
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    const checks = await ready().catch((error: unknown) => ({ ready: String(error instanceof Error ? error.message : error) }));
    const ok = Object.values(checks).every((v) => v === "ok");
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "not ready", checks });
  });
  app.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  // Nothing tells a caller which framework answers.
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    // The process's signals are runUntilStopped's: it stops the server, then the pools, then exits.
    stopOnTerminationSignals: false,
    formatError: formatError(options.production, options.logger),
    includeStacktraceInErrorResponses: !options.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo Server installs cache control by default: it wraps every field of every row to collect
      // cache hints nobody sends (no Cache-Control on subgraph answers, none asked by the gateway).
      ApolloServerPluginCacheControlDisabled(),
      observabilityPlugin<TContext & { requestId?: string }>(options.logger, options.metrics),
      // The gateway passes a document's literals on: a subgraph's scalar refuses them in its validation.
      fieldAtFaultPlugin<TContext>(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  app.use(requireGateway(options.gatewaySecret, options.router?.secret ?? null));
  const callerOf = callerOfRequest(options.gatewaySecret, options.router);
  operationsRoutes(app, options.metrics, options.ready);
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      let proof: Awaited<ReturnType<typeof callerOf>>;
      try {
        proof = await callerOf(req.headers);
      } catch (error) {
        if (!isDomainError(error)) return next(error);
        res
          .status(error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : 401)
          .json({ errors: [{ message: error.message, extensions: error.extensions }] });
        return;
      }
      const request: RequestContext = { requestId: proof.requestId, principal: proof.principal, authorization: req.headers.authorization };
      res.locals.request = request;
      // Who asks and which request this is, for the whole of a write (the audit trail reads it).
      if (mayWrite(req.body))
        res.once(
          "close",
          enterRequest(request, () => next()),
        );
      else next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const request = res.locals.request as RequestContext;
        return options.context({ requestId: request.requestId, headers: req.headers, principal: request.principal, authorization: request.authorization });
      },
    }),
  );
  return listen(httpServer, options.host, options.port, () => apollo.stop());
}

/** Listens, and describes the server by its `/graphql` URL (port 0 picks a free port). */
export async function listen(httpServer: http.Server, host: string, port: number, close: () => Promise<void>): Promise<RunningServer> {
  // Keep idle connections open longer than clients and proxies do (undici 4 s, load balancers 60 s), so
  // the server never closes a connection a client is just reusing (ECONNRESET on a healthy server).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actual = (httpServer.address() as AddressInfo).port;
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host;
  return { url: `http://${reachable}:${actual}/graphql`, port: actual, close };
}
