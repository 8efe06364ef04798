/** Starts the policy-support subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, createMetrics, databaseReadiness, openDatabase, poolOf, redactUrl, registerPoolMetrics, startSubgraphServer, type Logger, type RunningServer, type ServiceConfig, type StatementCounter } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { PolicySupportContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildPolicySupportSchema } from "./schema";
import { loadDemoData } from "./seed/load";

export interface PolicySupportService {
  server: RunningServer;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

export async function startPolicySupportService(config: ServiceConfig, logger: Logger = createLogger("policy-support", config.logLevel)): Promise<PolicySupportService> {
  const log = (message: string) => logger.info(message);
  const { dataSource, statements } = await openDatabase({
    url: config.databaseUrl,
    entities,
    migrations,
    poolSize: config.poolSize,
    applicationName: "kttt-policy-support",
    logSql: config.logSql,
  });
  if (config.seedDemoData) {
    const started = Date.now();
    if (await loadDemoData(dataSource)) log(`policy-support: demo data loaded in ${Date.now() - started} ms`);
  }
  const { schema } = await buildPolicySupportSchema();
  const metrics = createMetrics("policy-support");
  registerPoolMetrics(metrics, () => poolOf(dataSource));
  const server = await startSubgraphServer<PolicySupportContext>({
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
  log(`policy-support: listening on ${server.url} (database ${redactUrl(config.databaseUrl)})`);
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
