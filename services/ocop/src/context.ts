import type { Principal } from "@kttt/core";
import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders";
import type { OrganizationLookup } from "./services/organization-lookup";

/** What every ocop resolver receives: the request id, the database, this request's loaders and the membership look-up. */
export interface OcopContext {
  requestId: string;
  /** Who is asking (anonymous public without a token). */
  principal: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  organizations: OrganizationLookup;
}
