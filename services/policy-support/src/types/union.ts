import { createUnionType } from "type-graphql";
import { CooperativeGroupRef, CooperativeRef, CooperativeUnionRef } from "../entities/external";

export const SupportedOrganization = createUnionType({
  name: "SupportedOrganization",
  description: "An organisation that received support: a cooperative, a cooperative group or a union (tổ chức được hỗ trợ).",
  types: () => [CooperativeRef, CooperativeGroupRef, CooperativeUnionRef] as const,
  resolveType: (value) =>
    value instanceof CooperativeGroupRef ? "CooperativeGroup" : value instanceof CooperativeUnionRef ? "CooperativeUnion" : "Cooperative",
});
