import { auditTrailResolver, buildFederatedSchema, validateArgs, type FederatedSchema } from "@kttt/core";
import { Cooperative, CooperativeGroup, CooperativeUnion } from "./entities/organization";
import { referenceResolvers } from "./references";
import { AdminUnitResolver } from "./resolvers/admin-unit.resolver";
import { AdminUnitEconomyResolver, CollectiveEconomyResolver } from "./resolvers/collective-economy.resolver";
import { MembershipMutationResolver } from "./resolvers/mutation.resolver";
import { MemberResolver, OrganizationResolver } from "./resolvers/organization.resolver";
import { StatisticsResolver } from "./resolvers/statistics.resolver";

/** The membership subgraph schema; needs no database, so the SDL can be emitted anywhere. */
export function buildMembershipSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        auditTrailResolver("membershipAuditTrail", "the membership subgraph"),OrganizationResolver, MemberResolver, AdminUnitResolver, StatisticsResolver, MembershipMutationResolver, CollectiveEconomyResolver, AdminUnitEconomyResolver],
      orphanedTypes: [Cooperative, CooperativeGroup, CooperativeUnion],
      validateFn: validateArgs,
    },
    referenceResolvers,
  );
}
