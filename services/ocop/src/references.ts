/** Federation reference resolvers: own entities through loaders; membership's entities are keys only. */
import { MEMBERSHIP_KEY_REFERENCES, type ReferenceResolvers } from "@kttt/core";
import type { OcopContext } from "./context";

export const referenceResolvers: ReferenceResolvers = {
  OcopProduct: { __resolveReference: (reference: { id: string }, ctx: OcopContext) => ctx.loaders.product.load(reference.id) },
  OcopLocalOwner: { __resolveReference: (reference: { id: string }, ctx: OcopContext) => ctx.loaders.localOwner.load(reference.id) },
  ...MEMBERSHIP_KEY_REFERENCES,
};
