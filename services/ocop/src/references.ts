/** Federation reference resolvers: own entities through loaders; membership's entities are keys only. */
import type { ReferenceResolvers } from "@kttt/core";
import type { OcopContext } from "./context";
import { membership } from "./entities/external";

export const referenceResolvers: ReferenceResolvers = {
  OcopProduct: { __resolveReference: (reference: { id: string }, ctx: OcopContext) => ctx.loaders.product.load(reference.id) },
  OcopLocalOwner: { __resolveReference: (reference: { id: string }, ctx: OcopContext) => ctx.loaders.localOwner.load(reference.id) },
  ...membership.references,
};
