/**
 * Federation reference resolvers. Support programmes are this subgraph's own: many references are
 * one `WHERE id = ANY($1)` through the request's loader. Membership owns organisations and units:
 * this subgraph only needs their keys, so a reference resolves to itself and the new fields batch
 * through loaders.
 */
import type { ReferenceResolvers } from "@kttt/core";
import type { PolicySupportContext } from "./context";
import { adminUnitVersionRef, CollectiveEconomyRef, organizationRef } from "./entities/external";
import { OrganizationKind } from "./domain/enums";

export const referenceResolvers: ReferenceResolvers = {
  SupportProgramme: { __resolveReference: (reference: { id: string }, ctx: PolicySupportContext) => ctx.loaders.programme.load(reference.id) },
  Cooperative: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id, OrganizationKind.COOPERATIVE) },
  CooperativeGroup: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id, OrganizationKind.COOPERATIVE_GROUP) },
  CooperativeUnion: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id, OrganizationKind.COOPERATIVE_UNION) },
  AdminUnit: { __resolveReference: (reference: { id: string }) => adminUnitVersionRef(reference.id) },
  CollectiveEconomy: { __resolveReference: (reference: { id: string }) => Object.assign(new CollectiveEconomyRef(), { id: reference.id }) },
};
