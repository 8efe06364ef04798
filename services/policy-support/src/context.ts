import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";

/** What every policy-support resolver receives: the request id, the database and this request's loaders. */
export interface PolicySupportContext {
  requestId: string;
  dataSource: DataSource;
  loaders: Loaders;
}
