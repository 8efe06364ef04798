/**
 * Entities of other subgraphs this subgraph extends: membership's, keys only, declared once in core
 * (descriptions as membership's, so composition keeps one); membership resolves every other field.
 * The OCOP fields are added by resolvers/external.resolver.ts.
 */
export { AdminUnitRef, adminUnitRef, CollectiveEconomyRef, CooperativeGroupRef, CooperativeRef, CooperativeUnionRef, organizationRef, type OrganizationRef } from "@kttt/core";

/**
 * The names these keys had here before they took the shared `…Ref` names (issue 12): kept only so
 * branches written meanwhile merge; use the `…Ref` names, and drop these once nothing imports them.
 */
export { AdminUnitRef as AdminUnit, CollectiveEconomyRef as CollectiveEconomy, CooperativeRef as Cooperative, CooperativeGroupRef as CooperativeGroup, CooperativeUnionRef as CooperativeUnion } from "@kttt/core";
