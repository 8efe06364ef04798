/** Federation reference resolvers: own entities through loaders; membership's entities are keys only. */
import type { ReferenceResolvers } from "@kttt/core";
import type { OcopContext } from "./context";
import { AdminUnit, CollectiveEconomy, Cooperative, CooperativeGroup, CooperativeUnion } from "./entities/external";

const keyOnly = <T extends object>(Class: new () => T) => ({
  __resolveReference: (reference: Partial<T>) => Object.assign(new Class(), reference),
});

export const referenceResolvers: ReferenceResolvers = {
  OcopProduct: { __resolveReference: (reference: { id: string }, ctx: OcopContext) => ctx.loaders.product.load(reference.id) },
  OcopLocalOwner: { __resolveReference: (reference: { id: string }, ctx: OcopContext) => ctx.loaders.localOwner.load(reference.id) },
  Cooperative: keyOnly(Cooperative),
  CooperativeGroup: keyOnly(CooperativeGroup),
  CooperativeUnion: keyOnly(CooperativeUnion),
  AdminUnit: keyOnly(AdminUnit),
  CollectiveEconomy: keyOnly(CollectiveEconomy),
};
