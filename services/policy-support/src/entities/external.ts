/**
 * Entities owned by membership that this subgraph extends: keys only, made by core's
 * `membershipKeys()`, so membership keeps every other field; policy support adds `supportReceived` and
 * `policySupport` (resolvers/external.resolver.ts, economy.resolver.ts).
 */
import { membershipKeys } from "@kttt/core";
import { adminUnitIdOf } from "@kttt/reference";

/** Units by version id: beneficiaries keep communes with dates. */
const membership = membershipKeys({ adminUnitKey: "id", unitIdOf: adminUnitIdOf });
export const {
  CooperativeRef,
  CooperativeGroupRef,
  CooperativeUnionRef,
  AdminUnitRef,
  CollectiveEconomyRef,
  organizationRef,
  adminUnitRef,
  adminUnitVersionRef,
} = membership;
export type CooperativeRef = InstanceType<typeof CooperativeRef>;
export type CooperativeGroupRef = InstanceType<typeof CooperativeGroupRef>;
export type CooperativeUnionRef = InstanceType<typeof CooperativeUnionRef>;
export type AdminUnitRef = InstanceType<typeof AdminUnitRef>;
export type CollectiveEconomyRef = InstanceType<typeof CollectiveEconomyRef>;
export type OrganizationRef = CooperativeRef | CooperativeGroupRef | CooperativeUnionRef;
/** Their reference resolvers (keys only) and classes (orphaned types). */
export const MEMBERSHIP_KEYS = { references: membership.references, types: membership.types };
