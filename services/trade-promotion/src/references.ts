/**
 * Federation reference resolvers. Events and participations are this subgraph's own (through
 * loaders); organisations, units, products, local owners, support programmes and the overview
 * belong to others, so a reference resolves to itself and the fields added here batch through loaders.
 */
import type { ReferenceResolvers } from "@kttt/core";
import { AdminUnitRef, CollectiveEconomyRef, CooperativeGroupRef, CooperativeRef, CooperativeUnionRef, OcopLocalOwnerRef, OcopProductRef, SupportProgrammeRef } from "./entities/external";

const keyOnly = <T extends object>(Class: new () => T) => ({
  __resolveReference: (reference: Partial<T>) => Object.assign(new Class(), reference),
});

export const referenceResolvers: ReferenceResolvers = {
  Cooperative: keyOnly(CooperativeRef),
  CooperativeGroup: keyOnly(CooperativeGroupRef),
  CooperativeUnion: keyOnly(CooperativeUnionRef),
  OcopLocalOwner: keyOnly(OcopLocalOwnerRef),
  OcopProduct: keyOnly(OcopProductRef),
  AdminUnit: keyOnly(AdminUnitRef),
  CollectiveEconomy: keyOnly(CollectiveEconomyRef),
  SupportProgramme: keyOnly(SupportProgrammeRef),
};
