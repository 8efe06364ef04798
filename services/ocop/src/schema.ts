import { auditTrailResolver, buildFederatedSchema, validateArgs, type FederatedSchema } from "@kttt/core";
import { CollectiveEconomy } from "./entities/external";
import { OcopLocalOwner } from "./entities/owner";
import { referenceResolvers } from "./references";
import { CollectiveEconomyOcopResolver } from "./resolvers/economy.resolver";
import { OcopMutationResolver } from "./resolvers/mutation.resolver";
import { AdminUnitOcopResolver, CooperativeGroupOcopResolver, CooperativeOcopResolver, CooperativeUnionOcopResolver, OcopLocalOwnerResolver } from "./resolvers/parents.resolver";
import { OcopCertificationResolver, OcopProductResolver } from "./resolvers/product.resolver";
import { OcopStatisticsResolver } from "./resolvers/statistics.resolver";

/** The ocop subgraph schema; needs no database, so the SDL can be emitted anywhere. */
export function buildOcopSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        auditTrailResolver("ocopAuditTrail", "the OCOP subgraph"),
        CollectiveEconomyOcopResolver,
        OcopProductResolver,
        OcopCertificationResolver,
        CooperativeOcopResolver,
        CooperativeGroupOcopResolver,
        CooperativeUnionOcopResolver,
        AdminUnitOcopResolver,
        OcopLocalOwnerResolver,
        OcopStatisticsResolver,
        OcopMutationResolver,
      ],
      orphanedTypes: [OcopLocalOwner, CollectiveEconomy],
      validateFn: validateArgs,
    },
    referenceResolvers,
  );
}
