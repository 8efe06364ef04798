/** The policy-support subgraph: legal documents, policies, programmes, allocations and plans, on core's one subgraph skeleton. */
import { defineSubgraph, type SubgraphService } from "@kttt/core";
import { entities } from "./entities";
import { membership } from "./entities/external";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { referenceResolvers } from "./references";
import * as documents from "./resolvers/document.resolver";
import * as economy from "./resolvers/economy.resolver";
import * as external from "./resolvers/external.resolver";
import * as mutations from "./resolvers/mutation.resolver";
import * as plans from "./resolvers/plan.resolver";
import * as policies from "./resolvers/policy.resolver";
import * as programmes from "./resolvers/programme.resolver";
import * as statistics from "./resolvers/statistics.resolver";
import { loadDemoData } from "./seed/load";

export const policySupport = defineSubgraph({
  name: "policy-support",
  // Membership's `organization(id)`, asked before an allocation names its beneficiary.
  lookup: { operation: "PolicySupportOrganizationLookup", what: "organisation" },
  database: { entities, migrations, seed: loadDemoData },
  auditTrail: { field: "policySupportAuditTrail", label: "the policy-support subgraph" },
  resolvers: [documents, economy, external, mutations, plans, policies, programmes, statistics],
  orphanedTypes: membership.types,
  references: referenceResolvers,
  loaders: createLoaders,
});

export type PolicySupportService = SubgraphService;
export const startPolicySupportService = policySupport.start;
export const loadPolicySupportConfig = policySupport.loadConfig;
