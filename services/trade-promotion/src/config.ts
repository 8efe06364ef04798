/** The trade-promotion subgraph's configuration: the common service settings plus where to ask ocop who owns a product. */
import { loadServiceConfig, type ServiceConfig } from "@kttt/core";

export interface TradePromotionConfig extends ServiceConfig {
  /** A GraphQL endpoint answering ocop's `ocopProduct(id) { owner }`: the gateway by default. */
  lookupUrl: string;
}

export const DEFAULT_LOOKUP_URL = "http://127.0.0.1:4000/graphql";

export function loadTradePromotionConfig(env: NodeJS.ProcessEnv = process.env): TradePromotionConfig {
  const url = env.TRADE_PROMOTION_LOOKUP_URL || DEFAULT_LOOKUP_URL;
  try {
    new URL(url);
  } catch {
    throw new Error(`TRADE_PROMOTION_LOOKUP_URL is not a URL: ${url}`);
  }
  return { ...loadServiceConfig("trade-promotion", env), lookupUrl: url };
}
