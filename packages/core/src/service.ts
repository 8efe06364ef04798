/**
 * What every subgraph does to start: open (create, migrate) its database, load the demo data when
 * asked, build its schema, and serve it with logs, metrics, readiness and the gateway's proof.
 */
import type { DataSource } from "typeorm";
import type { ServiceConfig } from "./config";
import { databaseReadiness, openDatabase, poolOf, redactUrl, type EntityList, type MigrationList, type StatementCounter } from "./database";
import type { FederatedSchema } from "./federation";
import { startSubgraphServer, type RequestInfo, type RunningServer } from "./http";
import { createMetrics, registerPoolMetrics, type Logger } from "./observability";

export interface SubgraphService {
  server: RunningServer;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

export interface SubgraphServiceSpec<TContext extends object> {
  config: ServiceConfig;
  logger: Logger;
  entities: EntityList;
  migrations: MigrationList;
  /** Loads the demo data into an empty database; false when there was data already. */
  seed: (dataSource: DataSource) => Promise<boolean>;
  schema: () => Promise<FederatedSchema>;
  /** This request's context: the caller and request id, plus what the resolvers need. */
  context: (request: RequestInfo, dataSource: DataSource) => TContext;
  /** Said after the address in the "listening" line, e.g. where a look-up goes. */
  note?: string;
}

export async function startSubgraphService<TContext extends object>(spec: SubgraphServiceSpec<TContext>): Promise<SubgraphService> {
  const { config, logger } = spec;
  const { dataSource, statements } = await openDatabase({
    url: config.databaseUrl,
    entities: spec.entities,
    migrations: spec.migrations,
    poolSize: config.poolSize,
    applicationName: `kttt-${config.name}`,
    logSql: config.logSql,
  });
  if (config.seedDemoData) {
    const started = Date.now();
    if (await spec.seed(dataSource)) logger.info(`${config.name}: demo data loaded in ${Date.now() - started} ms`);
  }
  const { schema } = await spec.schema();
  const metrics = createMetrics(config.name);
  registerPoolMetrics(metrics, () => poolOf(dataSource));
  const server = await startSubgraphServer<TContext & { requestId: string }>({
    schema,
    host: config.host,
    port: config.port,
    production: config.nodeEnv === "production",
    logger,
    metrics,
    ready: () => databaseReadiness(dataSource),
    gatewaySecret: config.gatewaySecret,
    context: (request) => ({ ...spec.context(request, dataSource), requestId: request.requestId }),
  });
  logger.info(`${config.name}: listening on ${server.url} (database ${redactUrl(config.databaseUrl)}${spec.note ? `, ${spec.note}` : ""})`);
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
