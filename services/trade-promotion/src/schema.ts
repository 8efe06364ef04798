import { auditTrailResolver, buildFederatedSchema, validateArgs, type FederatedSchema } from "@kttt/core";
import { AdminUnitRef, CollectiveEconomyRef, CooperativeGroupRef, CooperativeRef, CooperativeUnionRef, OcopLocalOwnerRef, OcopProductRef, SupportProgrammeRef } from "./entities/external";
import { referenceResolvers } from "./references";
import { TradeEventResolver } from "./resolvers/event.resolver";
import {
  AdminUnitTradeResolver,
  CollectiveEconomyTradeResolver,
  CooperativeGroupTradeResolver,
  CooperativeTradeResolver,
  CooperativeUnionTradeResolver,
  OcopLocalOwnerTradeResolver,
  OcopProductTradeResolver,
  SupportProgrammeTradeResolver,
} from "./resolvers/external.resolver";
import { EcommerceListingResolver, SupplyDemandLinkResolver } from "./resolvers/listing.resolver";
import { TradePromotionMutationResolver } from "./resolvers/mutation.resolver";
import { TradeParticipationResolver } from "./resolvers/participation.resolver";
import { TradePromotionStatisticsResolver } from "./resolvers/statistics.resolver";

/** The trade-promotion subgraph schema; needs no database, so the SDL can be emitted anywhere. */
export function buildTradePromotionSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        auditTrailResolver("tradePromotionAuditTrail", "the trade-promotion subgraph"),
        TradeEventResolver,
        TradeParticipationResolver,
        EcommerceListingResolver,
        SupplyDemandLinkResolver,
        TradePromotionStatisticsResolver,
        CooperativeTradeResolver,
        CooperativeGroupTradeResolver,
        CooperativeUnionTradeResolver,
        OcopLocalOwnerTradeResolver,
        OcopProductTradeResolver,
        AdminUnitTradeResolver,
        CollectiveEconomyTradeResolver,
        SupportProgrammeTradeResolver,
        TradePromotionMutationResolver,
      ],
      orphanedTypes: [CooperativeRef, CooperativeGroupRef, CooperativeUnionRef, OcopLocalOwnerRef, OcopProductRef, AdminUnitRef, CollectiveEconomyRef, SupportProgrammeRef],
      validateFn: validateArgs,
    },
    referenceResolvers,
  );
}
