/**
 * Starts a subgraph's HTTP server: `/graphql` (Apollo Server), `/health` (liveness). Every
 * subgraph calls this, so they all behave the same behind the gateway.
 */
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { ErrorCode } from "./errors";
import { observabilityPlugin, type Logger, type ServiceMetrics } from "./observability";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface RequestInfo {
  requestId: string;
  headers: http.IncomingHttpHeaders;
}

/** Keeps clients' errors as they are and hides the internals of anything unexpected in production. */
export function formatError(production: boolean, logger?: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const known = code && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (!known) {
      const pgCode = (original as { code?: string } | undefined)?.code;
      if (pgCode === "ECONNREFUSED" || pgCode === "57P01" || pgCode === "57P03" || /Connection terminated|timeout exceeded when trying to connect/u.test(String((original as Error | undefined)?.message))) {
        return { ...formatted, message: "The database is not reachable right now. Try again shortly.", extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
      }
      if (logger) logger.error({ err: original, path: formatted.path }, "unexpected error");
      else console.error("[error]", original);
      if (production) {
        return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
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
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: formatError(options.production, options.logger),
    includeStacktraceInErrorResponses: !options.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      observabilityPlugin<TContext & { requestId?: string }>(options.logger, options.metrics),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  operationsRoutes(app, options.metrics, options.ready);
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        options.context({
          requestId: (req.headers["x-request-id"] as string | undefined) ?? randomUUID(),
          headers: req.headers,
        }),
    }),
  );
  return listen(httpServer, options.host, options.port, () => apollo.stop());
}

/** Listens, and describes the server by its `/graphql` URL (port 0 picks a free port). */
export async function listen(httpServer: http.Server, host: string, port: number, close: () => Promise<void>): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actual = (httpServer.address() as AddressInfo).port;
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host;
  return { url: `http://${reachable}:${actual}/graphql`, port: actual, close };
}
