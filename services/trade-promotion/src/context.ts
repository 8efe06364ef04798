import type { GatewayLookup, Principal } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";

/** What every trade-promotion resolver receives: the request id, the database, this request's loaders and the look-up of OCOP products and membership organisations through the gateway. */
export interface TradePromotionContext {
  requestId: string;
  /** Who is asking (anonymous public without a token). */
  principal: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  lookup: GatewayLookup;
}
