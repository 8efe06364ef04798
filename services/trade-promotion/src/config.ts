/** The trade-promotion subgraph's configuration: the common service settings plus where to ask about OCOP products and membership organisations. */
import { loadServiceConfig, lookupUrlFrom, type ServiceConfig } from "@kttt/core";

export interface TradePromotionConfig extends ServiceConfig {
  /** A GraphQL endpoint answering ocop's `ocopProduct(id) { owner }` and membership's `organization(id)`: the gateway by default. */
  lookupUrl: string;
}

export function loadTradePromotionConfig(env: NodeJS.ProcessEnv = process.env): TradePromotionConfig {
  return { ...loadServiceConfig("trade-promotion", env), lookupUrl: lookupUrlFrom(env, "TRADE_PROMOTION_LOOKUP_URL") };
}
