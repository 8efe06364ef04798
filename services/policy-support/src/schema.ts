import { auditTrailResolver, buildFederatedSchema, validateArgs, type FederatedSchema } from "@kttt/core";
import { AdminUnitRef, CollectiveEconomyRef, CooperativeGroupRef, CooperativeRef, CooperativeUnionRef } from "./entities/external";
import { referenceResolvers } from "./references";
import { CollectiveEconomySupportResolver } from "./resolvers/economy.resolver";
import { LegalDocumentResolver } from "./resolvers/document.resolver";
import { AdminUnitSupportResolver, CooperativeGroupSupportResolver, CooperativeSupportResolver, CooperativeUnionSupportResolver } from "./resolvers/external.resolver";
import { PolicySupportMutationResolver } from "./resolvers/mutation.resolver";
import { DevelopmentPlanResolver } from "./resolvers/plan.resolver";
import { AgencyResolver, SupportPolicyResolver } from "./resolvers/policy.resolver";
import { SupportBeneficiaryResolver, SupportProgrammeResolver } from "./resolvers/programme.resolver";
import { PolicySupportStatisticsResolver } from "./resolvers/statistics.resolver";

/** The policy-support subgraph schema; needs no database, so the SDL can be emitted anywhere. */
export function buildPolicySupportSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        auditTrailResolver("policySupportAuditTrail", "the policy-support subgraph"),
        CollectiveEconomySupportResolver,
        LegalDocumentResolver,
        SupportPolicyResolver,
        AgencyResolver,
        SupportProgrammeResolver,
        SupportBeneficiaryResolver,
        DevelopmentPlanResolver,
        PolicySupportStatisticsResolver,
        CooperativeSupportResolver,
        CooperativeGroupSupportResolver,
        CooperativeUnionSupportResolver,
        AdminUnitSupportResolver,
        PolicySupportMutationResolver,
      ],
      orphanedTypes: [CooperativeRef, CooperativeGroupRef, CooperativeUnionRef, AdminUnitRef, CollectiveEconomyRef],
      validateFn: validateArgs,
    },
    referenceResolvers,
  );
}
