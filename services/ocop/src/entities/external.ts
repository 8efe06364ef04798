/**
 * Entities of other subgraphs this subgraph extends: membership's, keys only, made by core's
 * `membershipKeys()` (descriptions as membership's, so composition keeps one); membership resolves
 * every other field. The OCOP fields are added by resolvers/external.resolver.ts and economy.resolver.ts.
 */
import { membershipKeys } from "@kttt/core";
import { adminUnitIdOf } from "@kttt/reference";

/** Units by version id, as trade promotion and policy support: owners and products keep communes with dates. */
export const membership = membershipKeys({ adminUnitKey: "id", unitIdOf: adminUnitIdOf });
/** The unit key class and its references, which most resolvers use, by name. */
export const { AdminUnitRef, adminUnitRef, adminUnitVersionRef } = membership;
export type AdminUnitRef = InstanceType<typeof AdminUnitRef>;
