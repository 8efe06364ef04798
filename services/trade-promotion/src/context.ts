import type { LookupContext } from "@kttt/core";
import type { Loaders } from "./loaders";

/** What every trade-promotion resolver receives: the request id, the caller, the database, this request's loaders and the look-up of OCOP products and membership organisations through the gateway. */
export type TradePromotionContext = LookupContext<Loaders>;
