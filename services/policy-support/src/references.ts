/**
 * Federation reference resolvers. Membership owns organisations and units: this subgraph only
 * needs their keys, so a reference resolves to itself and the new fields batch through loaders.
 */
import type { ReferenceResolvers } from "@kttt/core";
import { adminUnitRef, CollectiveEconomyRef, organizationRef } from "./entities/external";
import { OrganizationKind } from "./domain/enums";

export const referenceResolvers: ReferenceResolvers = {
  Cooperative: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id, OrganizationKind.COOPERATIVE) },
  CooperativeGroup: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id, OrganizationKind.COOPERATIVE_GROUP) },
  CooperativeUnion: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id, OrganizationKind.COOPERATIVE_UNION) },
  AdminUnit: { __resolveReference: (reference: { code: string }) => adminUnitRef(reference.code) },
  CollectiveEconomy: { __resolveReference: (reference: { id: string }) => Object.assign(new CollectiveEconomyRef(), { id: reference.id }) },
};
