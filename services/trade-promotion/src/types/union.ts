import { createUnionType } from "type-graphql";
import { membership, OcopLocalOwnerRef } from "../entities/external";

export const TradeParticipant = createUnionType({
  name: "TradeParticipant",
  description:
    "Who took part or sells (chủ thể tham gia): a cooperative, group or union of the membership subgraph, or an enterprise or household business that owns OCOP products (ocop subgraph).",
  types: () => [membership.CooperativeRef, membership.CooperativeGroupRef, membership.CooperativeUnionRef, OcopLocalOwnerRef] as const,
  resolveType: (value) =>
    value instanceof membership.CooperativeGroupRef
      ? "CooperativeGroup"
      : value instanceof membership.CooperativeUnionRef
        ? "CooperativeUnion"
        : value instanceof OcopLocalOwnerRef
          ? "OcopLocalOwner"
          : "Cooperative",
});
