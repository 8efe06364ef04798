/** Starts the trade-promotion subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, createMetrics, databaseReadiness, openDatabase, poolOf, redactUrl, registerPoolMetrics, startSubgraphServer, type Logger, type RunningServer, type StatementCounter } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { TradePromotionConfig } from "./config";
import type { TradePromotionContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildTradePromotionSchema } from "./schema";
import { loadTradeDemoData } from "./seed/load";
import { ProductOwnerLookup } from "./services/product-owner-lookup";

export interface TradePromotionService {
  server: RunningServer;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

export async function startTradePromotionService(config: TradePromotionConfig, logger: Logger = createLogger("trade-promotion", config.logLevel)): Promise<TradePromotionService> {
  const log = (message: string) => logger.info(message);
  const { dataSource, statements } = await openDatabase({
    url: config.databaseUrl,
    entities,
    migrations,
    poolSize: config.poolSize,
    applicationName: "kttt-trade-promotion",
    logSql: config.logSql,
  });
  if (config.seedDemoData) {
    const started = Date.now();
    if (await loadTradeDemoData(dataSource)) log(`trade-promotion: demo data loaded in ${Date.now() - started} ms`);
  }
  const { schema } = await buildTradePromotionSchema();
  const products = new ProductOwnerLookup(config.lookupUrl, config.gatewaySecret);
  const metrics = createMetrics("trade-promotion");
  registerPoolMetrics(metrics, () => poolOf(dataSource));
  const server = await startSubgraphServer<TradePromotionContext>({
    logger,
    metrics,
    ready: () => databaseReadiness(dataSource),
    authSecret: config.authSecret,
    gatewaySecret: config.gatewaySecret,
    schema,
    host: config.host,
    port: config.port,
    production: config.nodeEnv === "production",
    context: ({ requestId, principal }) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), products }),
  });
  log(`trade-promotion: listening on ${server.url} (database ${redactUrl(config.databaseUrl)}, product look-up ${config.lookupUrl})`);
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
