/**
 * The gateway: one GraphQL endpoint over the subgraphs, planned from the static supergraph file
 * that is composed ahead of time and committed (IntrospectAndCompose only as a development opt-in).
 */
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import { formatError, listen, SUBGRAPHS, type GatewayConfig, type RunningServer } from "@kttt/core";
import express from "express";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { SUPERGRAPH_FILE } from "./compose";

interface GatewayContext {
  requestId: string;
}

/** Forwards the request id to every subgraph fetch, so one id follows a query everywhere. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
  }
}

export interface GatewayServer extends RunningServer {
  gateway: ApolloGateway;
}

export async function startGateway(config: GatewayConfig): Promise<GatewayServer> {
  const known = new Map(SUBGRAPHS.map((s) => [s.name, s]));
  const gateway = config.introspectAndCompose
    ? new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: SUBGRAPHS.map((s) => ({ name: s.name, url: config.subgraphUrls[s.name] ?? `http://localhost:${s.port}/graphql` })),
        }),
        buildService: ({ url }) => new SubgraphDataSource({ url }),
      })
    : new ApolloGateway({
        supergraphSdl: fs.readFileSync(config.supergraphPath ?? SUPERGRAPH_FILE, "utf8"),
        buildService: ({ name, url }) => {
          if (!known.has(name)) throw new Error(`The supergraph names an unknown subgraph "${name}"`);
          return new SubgraphDataSource({ url: config.subgraphUrls[name] ?? url });
        },
      });

  const app = express();
  const httpServer = http.createServer(app);
  const production = config.nodeEnv === "production";
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway as never,
    formatError: formatError(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: { endpointIsEditable: false } }),
    ],
  });
  await apollo.start();
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  const graphql = expressMiddleware(apollo, {
    context: async ({ req }) => ({ requestId: (req.headers["x-request-id"] as string | undefined) ?? randomUUID() }),
  });
  app.use("/graphql", express.json({ limit: "1mb" }), graphql);
  app.use("/", express.json({ limit: "1mb" }), graphql);
  const server = await listen(httpServer, config.host, config.port, () => apollo.stop());
  return { ...server, gateway };
}
