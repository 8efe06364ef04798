import { createUnionType } from "type-graphql";
import { CooperativeGroupRef, CooperativeRef, CooperativeUnionRef, OcopLocalOwnerRef } from "../entities/external";

export const TradeParticipant = createUnionType({
  name: "TradeParticipant",
  description:
    "Who took part or sells (chủ thể tham gia): a cooperative, group or union of the membership subgraph, or an enterprise or household business that owns OCOP products (ocop subgraph).",
  types: () => [CooperativeRef, CooperativeGroupRef, CooperativeUnionRef, OcopLocalOwnerRef] as const,
  resolveType: (value) =>
    value instanceof CooperativeGroupRef
      ? "CooperativeGroup"
      : value instanceof CooperativeUnionRef
        ? "CooperativeUnion"
        : value instanceof OcopLocalOwnerRef
          ? "OcopLocalOwner"
          : "Cooperative",
});
