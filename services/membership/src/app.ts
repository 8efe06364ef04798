/** The membership subgraph: organisations, members, reports and ratings, on core's one subgraph skeleton. */
import { defineSubgraph, type SubgraphService } from "@kttt/core";
import { entities } from "./entities";
import { Cooperative, CooperativeGroup, CooperativeUnion } from "./entities/organization";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { referenceResolvers } from "./references";
import * as adminUnits from "./resolvers/admin-unit.resolver";
import * as economy from "./resolvers/economy.resolver";
import * as mutations from "./resolvers/mutation.resolver";
import * as organizations from "./resolvers/organization.resolver";
import * as statistics from "./resolvers/statistics.resolver";
import { loadDemoData } from "./seed/load";

export const membership = defineSubgraph({
  name: "membership",
  database: { entities, migrations, seed: loadDemoData },
  auditTrail: { field: "membershipAuditTrail", label: "the membership subgraph" },
  resolvers: [adminUnits, economy, mutations, organizations, statistics],
  orphanedTypes: [Cooperative, CooperativeGroup, CooperativeUnion],
  references: referenceResolvers,
  loaders: createLoaders,
});

export type MembershipService = SubgraphService;
export const startMembershipService = membership.start;
