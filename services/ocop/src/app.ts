/** The ocop subgraph: OCOP products, their owners and certifications, on core's one subgraph skeleton. */
import { defineSubgraph, type SubgraphService } from "@kttt/core";
import { entities } from "./entities";
import { membership } from "./entities/external";
import { OcopLocalOwner } from "./entities/owner";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { referenceResolvers } from "./references";
import * as economy from "./resolvers/economy.resolver";
import * as external from "./resolvers/external.resolver";
import * as mutations from "./resolvers/mutation.resolver";
import * as owners from "./resolvers/owner.resolver";
import * as products from "./resolvers/product.resolver";
import * as statistics from "./resolvers/statistics.resolver";
import { loadOcopDemoData } from "./seed/load";

export const ocop = defineSubgraph({
  name: "ocop",
  // Membership's `organization(id)`, asked before a product names its owner.
  lookup: { operation: "OcopOwnerLookup", what: "organisation" },
  database: { entities, migrations, seed: loadOcopDemoData },
  auditTrail: { field: "ocopAuditTrail", label: "the OCOP subgraph" },
  resolvers: [economy, external, mutations, owners, products, statistics],
  orphanedTypes: [OcopLocalOwner, membership.CollectiveEconomyRef],
  references: referenceResolvers,
  loaders: createLoaders,
});

export type OcopService = SubgraphService;
export const startOcopService = ocop.start;
export const loadOcopConfig = ocop.loadConfig;
