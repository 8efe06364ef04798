/** Starts the trade-promotion subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, startSubgraphService, type Logger, type SubgraphService } from "@kttt/core";
import type { TradePromotionConfig } from "./config";
import type { TradePromotionContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildTradePromotionSchema } from "./schema";
import { loadTradeDemoData } from "./seed/load";
import { ProductOwnerLookup } from "./services/product-owner-lookup";

export type TradePromotionService = SubgraphService;

export function startTradePromotionService(config: TradePromotionConfig, logger: Logger = createLogger("trade-promotion", config.logLevel)): Promise<TradePromotionService> {
  const products = new ProductOwnerLookup(config.lookupUrl, config.gatewaySecret);
  return startSubgraphService<TradePromotionContext>({
    config,
    logger,
    entities,
    migrations,
    seed: loadTradeDemoData,
    schema: buildTradePromotionSchema,
    context: ({ requestId, principal }, dataSource) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), products }),
    note: `product look-up ${config.lookupUrl}`,
  });
}
