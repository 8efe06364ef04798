/**
 * Entities owned by membership that this subgraph extends: keys only, declared once in core, so
 * membership keeps every other field; policy support adds `supportReceived` and `policySupport`
 * (resolvers/external.resolver.ts).
 */
export { AdminUnitRef, adminUnitRef, CollectiveEconomyRef, CooperativeGroupRef, CooperativeRef, CooperativeUnionRef, organizationRef, type OrganizationRef } from "@kttt/core";
