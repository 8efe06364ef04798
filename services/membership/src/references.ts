/** Federation reference resolvers: other subgraphs hand us keys, one batched query answers them all. */
import { parseEconomyId, type ReferenceResolvers } from "@kttt/core";
import { collectiveEconomy } from "./resolvers/collective-economy.resolver";
import type { MembershipContext } from "./context";
import { OrganizationKind } from "./domain/enums";

function organizationReference(kind: OrganizationKind) {
  return {
    async __resolveReference(reference: { id: string }, ctx: MembershipContext) {
      const org = await ctx.loaders.organization.load(reference.id);
      // A key of another legal form is not this entity.
      return org && org.kind === kind ? org : null;
    },
  };
}

export const referenceResolvers: ReferenceResolvers = {
  Cooperative: organizationReference(OrganizationKind.COOPERATIVE),
  CooperativeGroup: organizationReference(OrganizationKind.COOPERATIVE_GROUP),
  CooperativeUnion: organizationReference(OrganizationKind.COOPERATIVE_UNION),
  CollectiveEconomy: {
    __resolveReference(reference: { id: string }) {
      const { period, adminUnitCode } = parseEconomyId(reference.id);
      return collectiveEconomy(period, adminUnitCode);
    },
  },
  AdminUnit: {
    /** By `id`, the version itself (other subgraphs name historical communes so); by bare `code`, the latest unit bearing it. */
    __resolveReference(reference: { code?: string; id?: string }, ctx: MembershipContext) {
      return reference.id !== undefined ? ctx.loaders.adminUnitById.load(reference.id) : ctx.loaders.adminUnit.load(reference.code!);
    },
  },
};
