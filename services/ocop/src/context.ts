import type { GatewayLookup, Principal } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";

/** What every ocop resolver receives: the request id, the database, this request's loaders and the look-up of membership owners through the gateway. */
export interface OcopContext {
  requestId: string;
  /** Who is asking (anonymous public without a token). */
  principal: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  lookup: GatewayLookup;
}
