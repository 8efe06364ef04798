/** The policy-support subgraph: legal documents, policies, programmes, allocations and plans, on core's one subgraph skeleton. */
import { defineSubgraph, type SubgraphService } from "@kttt/core";
import { entities } from "./entities";
import { MEMBERSHIP_KEYS } from "./entities/external";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { referenceResolvers } from "./references";
import { LegalDocumentResolver } from "./resolvers/document.resolver";
import { CollectiveEconomySupportResolver } from "./resolvers/economy.resolver";
import {
  AdminUnitSupportResolver,
  CooperativeGroupSupportResolver,
  CooperativeSupportResolver,
  CooperativeUnionSupportResolver,
} from "./resolvers/external.resolver";
import { PolicySupportMutationResolver } from "./resolvers/mutation.resolver";
import { DevelopmentPlanResolver } from "./resolvers/plan.resolver";
import { AgencyResolver, SupportPolicyResolver } from "./resolvers/policy.resolver";
import { DisbursementResolver, SupportBeneficiaryResolver, SupportProgrammeResolver } from "./resolvers/programme.resolver";
import { PolicySupportStatisticsResolver } from "./resolvers/statistics.resolver";
import { loadDemoData } from "./seed/load";

export const policySupport = defineSubgraph({
  name: "policy-support",
  // Membership's `organization(id)`, asked before an allocation names its beneficiary.
  lookup: { operation: "PolicySupportOrganizationLookup", what: "organisation" },
  database: { entities, migrations, seed: loadDemoData },
  auditTrail: { field: "policySupportAuditTrail", label: "the policy-support subgraph" },
  resolvers: [
    CollectiveEconomySupportResolver,
    LegalDocumentResolver,
    SupportPolicyResolver,
    AgencyResolver,
    SupportProgrammeResolver,
    SupportBeneficiaryResolver,
    DisbursementResolver,
    DevelopmentPlanResolver,
    PolicySupportStatisticsResolver,
    CooperativeSupportResolver,
    CooperativeGroupSupportResolver,
    CooperativeUnionSupportResolver,
    AdminUnitSupportResolver,
    PolicySupportMutationResolver,
  ],
  orphanedTypes: MEMBERSHIP_KEYS.types,
  references: referenceResolvers,
  loaders: createLoaders,
});

export type PolicySupportService = SubgraphService;
export const startPolicySupportService = policySupport.start;
export const loadPolicySupportConfig = policySupport.loadConfig;
