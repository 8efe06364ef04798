/**
 * The gateway: one GraphQL endpoint over the subgraphs, planned from the static supergraph file
 * that is composed ahead of time and committed (IntrospectAndCompose only as a development opt-in).
 */
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import { createLogger, createMetrics, formatError, listen, observabilityPlugin, operationsRoutes, SUBGRAPHS, type GatewayConfig, type Logger, type RunningServer } from "@kttt/core";
import express from "express";
import { GraphQLError } from "graphql";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { repositoryRoot, SUPERGRAPH_FILE } from "./compose";
import { dashboard } from "./dashboard";
import { subgraphFetcher, subgraphFetchMetrics } from "./fetcher";

interface GatewayContext {
  requestId: string;
}

/**
 * A subgraph as the gateway calls it: forwards the request id, so one id follows a query
 * everywhere, and turns a failed fetch into an error that names the subgraph, so a client sees which
 * part of its answer is missing while the other parts still arrive.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`The ${this.subgraphName} service is unavailable right now (${error.message}); the fields it serves are missing from this answer.`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: this.subgraphName },
    });
  }
}

export interface GatewayServer extends RunningServer {
  gateway: ApolloGateway;
}

export async function startGateway(config: GatewayConfig, logger: Logger = createLogger("gateway", config.logLevel)): Promise<GatewayServer> {
  const known = new Map(SUBGRAPHS.map((s) => [s.name, s]));
  const metrics = createMetrics("gateway");
  const fetchMetrics = subgraphFetchMetrics(metrics);
  const fetchOptions = { timeoutMs: config.subgraphTimeoutMs, retryDelayMs: 100 };
  /** The URL each subgraph is called on, for readiness. */
  const urls = new Map<string, string>();
  const dataSource = (name: string, url: string) => {
    urls.set(name, url);
    return new SubgraphDataSource(name, { url, fetcher: subgraphFetcher(name, fetchOptions, fetchMetrics) as never });
  };
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
  const httpServer = http.createServer(app);
  const production = config.nodeEnv === "production";
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway as never,
    formatError: formatError(production, logger),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      observabilityPlugin<GatewayContext>(logger, metrics),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: { endpointIsEditable: false } }),
    ],
  });
  await apollo.start();
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
  app.use("/dashboard", dashboard(config.dashboardDir ?? path.join(repositoryRoot, "packages", "dashboard", "dist")));
  const graphql = expressMiddleware(apollo, {
    context: async ({ req }) => ({ requestId: (req.headers["x-request-id"] as string | undefined) ?? randomUUID() }),
  });
  app.use("/graphql", express.json({ limit: "1mb" }), graphql);
  app.use("/", express.json({ limit: "1mb" }), graphql);
  const server = await listen(httpServer, config.host, config.port, () => apollo.stop());
  return { ...server, gateway };
}
