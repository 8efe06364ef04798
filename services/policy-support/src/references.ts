/**
 * Federation reference resolvers. Support programmes are this subgraph's own: many references are
 * one `WHERE id = ANY($1)` through the request's loader. Membership owns organisations and units:
 * this subgraph only needs their keys, so a reference resolves to itself and the new fields batch
 * through loaders.
 */
import type { ReferenceResolvers } from "@kttt/core";
import type { PolicySupportContext } from "./context";
import { membership } from "./entities/external";

export const referenceResolvers: ReferenceResolvers = {
  SupportProgramme: { __resolveReference: (reference: { id: string }, ctx: PolicySupportContext) => ctx.loaders.programme.load(reference.id) },
  ...membership.references,
};
