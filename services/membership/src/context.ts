import type { SubgraphContext } from "@kttt/core";
import type { Loaders } from "./loaders";

/** What every membership resolver receives: the request id, the caller, the database and this request's loaders. */
export type MembershipContext = SubgraphContext<Loaders>;
