import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";

/** What every membership resolver receives: the request id, the database and this request's loaders. */
export interface MembershipContext {
  requestId: string;
  dataSource: DataSource;
  loaders: Loaders;
}
