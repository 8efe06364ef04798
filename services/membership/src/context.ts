import type { Principal } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";

/** What every membership resolver receives: the request id, the database and this request's loaders. */
export interface MembershipContext {
  requestId: string;
  /** Who is asking (anonymous public without a token). */
  principal: Principal;
  dataSource: DataSource;
  loaders: Loaders;
}
