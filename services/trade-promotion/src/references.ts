/**
 * Federation reference resolvers. Events and participations are this subgraph's own (through
 * loaders); organisations, units, products, local owners, support programmes and the overview
 * belong to others, so a reference resolves to itself and the fields added here batch through loaders.
 */
import { keyOnly, type ReferenceResolvers } from "@kttt/core";
import { membership, OcopLocalOwnerRef, OcopProductRef, SupportProgrammeRef } from "./entities/external";

export const referenceResolvers: ReferenceResolvers = {
  ...membership.references,
  OcopLocalOwner: keyOnly(OcopLocalOwnerRef),
  OcopProduct: keyOnly(OcopProductRef),
  SupportProgramme: keyOnly(SupportProgrammeRef),
};
