/**
 * Entities of other subgraphs this subgraph extends: membership's, keys only, made by core's
 * `membershipKeys()` (descriptions as membership's, so composition keeps one); membership resolves
 * every other field. The OCOP fields are added by resolvers/external.resolver.ts and economy.resolver.ts.
 */
import { membershipKeys } from "@kttt/core";

const membership = membershipKeys();
export const { CooperativeRef, CooperativeGroupRef, CooperativeUnionRef, AdminUnitRef, CollectiveEconomyRef, organizationRef, adminUnitRef } = membership;
export type CooperativeRef = InstanceType<typeof CooperativeRef>;
export type CooperativeGroupRef = InstanceType<typeof CooperativeGroupRef>;
export type CooperativeUnionRef = InstanceType<typeof CooperativeUnionRef>;
export type AdminUnitRef = InstanceType<typeof AdminUnitRef>;
export type CollectiveEconomyRef = InstanceType<typeof CollectiveEconomyRef>;
export type OrganizationRef = CooperativeRef | CooperativeGroupRef | CooperativeUnionRef;
/** Their reference resolvers (keys only) and classes (orphaned types). */
export const MEMBERSHIP_KEYS = { references: membership.references, types: membership.types };

/**
 * The names these keys had here before they took the shared `…Ref` names (issue 12): kept only so
 * branches written meanwhile merge; use the `…Ref` names, and drop these once nothing imports them.
 */
export { AdminUnitRef as AdminUnit, CollectiveEconomyRef as CollectiveEconomy, CooperativeRef as Cooperative, CooperativeGroupRef as CooperativeGroup, CooperativeUnionRef as CooperativeUnion };
