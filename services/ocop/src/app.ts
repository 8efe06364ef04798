/** Starts the ocop subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, createMetrics, databaseReadiness, openDatabase, poolOf, redactUrl, registerPoolMetrics, startSubgraphServer, type Logger, type RunningServer, type StatementCounter } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { OcopConfig } from "./config";
import type { OcopContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildOcopSchema } from "./schema";
import { loadOcopDemoData } from "./seed/load";
import { OrganizationLookup } from "./services/organization-lookup";

export interface OcopService {
  server: RunningServer;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

export async function startOcopService(config: OcopConfig, logger: Logger = createLogger("ocop", config.logLevel)): Promise<OcopService> {
  const log = (message: string) => logger.info(message);
  const { dataSource, statements } = await openDatabase({
    url: config.databaseUrl,
    entities,
    migrations,
    poolSize: config.poolSize,
    applicationName: "kttt-ocop",
    logSql: config.logSql,
  });
  if (config.seedDemoData) {
    const started = Date.now();
    if (await loadOcopDemoData(dataSource)) log(`ocop: demo data loaded in ${Date.now() - started} ms`);
  }
  const { schema } = await buildOcopSchema();
  const organizations = new OrganizationLookup(config.organizationLookupUrl, config.gatewaySecret);
  const metrics = createMetrics("ocop");
  registerPoolMetrics(metrics, () => poolOf(dataSource));
  const server = await startSubgraphServer<OcopContext>({
    logger,
    metrics,
    ready: () => databaseReadiness(dataSource),
    authSecret: config.authSecret,
    gatewaySecret: config.gatewaySecret,
    schema,
    host: config.host,
    port: config.port,
    production: config.nodeEnv === "production",
    context: ({ requestId, principal }) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), organizations }),
  });
  log(`ocop: listening on ${server.url} (database ${redactUrl(config.databaseUrl)}, organisation look-up ${config.organizationLookupUrl})`);
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
