import type { LookupContext } from "@kttt/core";
import type { Loaders } from "./loaders";

/** What every ocop resolver receives: the request id, the caller, the database, this request's loaders and the look-up of membership owners through the gateway. */
export type OcopContext = LookupContext<Loaders>;
