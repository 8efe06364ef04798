import type { LookupContext } from "@kttt/core";
import type { Loaders } from "./loaders";

/** What every policy-support resolver receives: the request id, the caller, the database, this request's loaders and the look-up of membership organisations through the gateway. */
export type PolicySupportContext = LookupContext<Loaders>;
