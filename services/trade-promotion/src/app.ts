/** The trade-promotion subgraph: events, participations, listings and supply-demand links, on core's one subgraph skeleton. */
import { defineSubgraph, type SubgraphService } from "@kttt/core";
import { entities } from "./entities";
import { membership, OcopLocalOwnerRef, OcopProductRef, SupportProgrammeRef } from "./entities/external";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { referenceResolvers } from "./references";
import * as economy from "./resolvers/economy.resolver";
import * as events from "./resolvers/event.resolver";
import * as external from "./resolvers/external.resolver";
import * as listings from "./resolvers/listing.resolver";
import * as mutations from "./resolvers/mutation.resolver";
import * as participations from "./resolvers/participation.resolver";
import * as statistics from "./resolvers/statistics.resolver";
import { loadTradeDemoData } from "./seed/load";

export const tradePromotion = defineSubgraph({
  name: "trade-promotion",
  // Ocop's `ocopProduct(id) { owner }` and membership's `organization(id)`, asked before a participation or listing names them.
  lookup: { operation: "TradePromotionLookup", what: "product and organisation" },
  database: { entities, migrations, seed: loadTradeDemoData },
  auditTrail: { field: "tradePromotionAuditTrail", label: "the trade-promotion subgraph" },
  resolvers: [economy, events, external, listings, mutations, participations, statistics],
  orphanedTypes: [...membership.types, OcopLocalOwnerRef, OcopProductRef, SupportProgrammeRef],
  references: referenceResolvers,
  loaders: createLoaders,
});

export type TradePromotionService = SubgraphService;
export const startTradePromotionService = tradePromotion.start;
export const loadTradePromotionConfig = tradePromotion.loadConfig;
