/** Starts the membership subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, createMetrics, databaseReadiness, openDatabase, poolOf, redactUrl, registerPoolMetrics, startSubgraphServer, type Logger, type RunningServer, type ServiceConfig } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { MembershipContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildMembershipSchema } from "./schema";
import { loadDemoData } from "./seed/load";
import type { StatementCounter } from "@kttt/core";

export interface MembershipService {
  server: RunningServer;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

export async function startMembershipService(config: ServiceConfig, logger: Logger = createLogger("membership", config.logLevel)): Promise<MembershipService> {
  const log = (message: string) => logger.info(message);
  const { dataSource, statements } = await openDatabase({
    url: config.databaseUrl,
    entities,
    migrations,
    poolSize: config.poolSize,
    applicationName: "kttt-membership",
    logSql: config.logSql,
  });
  if (config.seedDemoData) {
    const started = Date.now();
    if (await loadDemoData(dataSource)) log(`membership: demo data loaded in ${Date.now() - started} ms`);
  }
  const { schema } = await buildMembershipSchema();
  const metrics = createMetrics("membership");
  registerPoolMetrics(metrics, () => poolOf(dataSource));
  const server = await startSubgraphServer<MembershipContext>({
    logger,
    metrics,
    ready: () => databaseReadiness(dataSource),
    authSecret: config.authSecret,
    gatewaySecret: config.gatewaySecret,
    schema,
    host: config.host,
    port: config.port,
    production: config.nodeEnv === "production",
    context: ({ requestId, principal }) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource) }),
  });
  log(`membership: listening on ${server.url} (database ${redactUrl(config.databaseUrl)})`);
  return {
    server,
    dataSource,
    statements,
    async stop() {
      await server.close();
      await dataSource.destroy();
    },
  };
}
