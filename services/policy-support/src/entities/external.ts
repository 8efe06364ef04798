/**
 * Entities owned by membership that this subgraph extends: keys only, made by core's
 * `membershipKeys()`, so membership keeps every other field; policy support adds `supportReceived` and
 * `policySupport` (resolvers/external.resolver.ts, economy.resolver.ts).
 */
import { membershipKeys } from "@kttt/core";
import { adminUnitIdOf } from "@kttt/reference";

/** Units by version id: beneficiaries keep communes with dates. */
export const membership = membershipKeys({ adminUnitKey: "id", unitIdOf: adminUnitIdOf });
/** The unit key class and its references, which most resolvers use, by name. */
export const { AdminUnitRef, adminUnitRef, adminUnitVersionRef } = membership;
export type AdminUnitRef = InstanceType<typeof AdminUnitRef>;
