import { createUnionType } from "type-graphql";
import { membership } from "../entities/external";

export const SupportedOrganization = createUnionType({
  name: "SupportedOrganization",
  description: "An organisation that received support: a cooperative, a cooperative group or a union (tổ chức được hỗ trợ).",
  types: () => [membership.CooperativeRef, membership.CooperativeGroupRef, membership.CooperativeUnionRef] as const,
  resolveType: (value) =>
    value instanceof membership.CooperativeGroupRef ? "CooperativeGroup" : value instanceof membership.CooperativeUnionRef ? "CooperativeUnion" : "Cooperative",
});
