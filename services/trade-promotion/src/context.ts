import type { Principal } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";
import type { ProductOwnerLookup } from "./services/product-owner-lookup";

/** What every trade-promotion resolver receives: the request id, the database, this request's loaders and the OCOP look-up. */
export interface TradePromotionContext {
  requestId: string;
  /** Who is asking (anonymous public without a token). */
  principal: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  products: ProductOwnerLookup;
}
