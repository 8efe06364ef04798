/** Starts the trade-promotion subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, GatewayLookup, startSubgraphService, type Logger, type SubgraphService } from "@kttt/core";
import type { TradePromotionConfig } from "./config";
import type { TradePromotionContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildTradePromotionSchema } from "./schema";
import { loadTradeDemoData } from "./seed/load";

export type TradePromotionService = SubgraphService;

export function startTradePromotionService(config: TradePromotionConfig, logger: Logger = createLogger("trade-promotion", config.logLevel)): Promise<TradePromotionService> {
  const lookup = new GatewayLookup(config.lookupUrl, config.gatewaySecret, "trade-promotion", "TradePromotionLookup");
  return startSubgraphService<TradePromotionContext>({
    config,
    logger,
    entities,
    migrations,
    seed: loadTradeDemoData,
    schema: buildTradePromotionSchema,
    context: ({ requestId, principal, authorization }, dataSource) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), lookup: lookup.forCaller({ requestId, principal, authorization }) }),
    note: `product and organisation look-up ${config.lookupUrl}`,
  });
}
