/** Starts the policy-support subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, GatewayLookup, startSubgraphService, type Logger, type SubgraphService } from "@kttt/core";
import type { PolicySupportConfig } from "./config";
import type { PolicySupportContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildPolicySupportSchema } from "./schema";
import { loadDemoData } from "./seed/load";

export type PolicySupportService = SubgraphService;

export function startPolicySupportService(config: PolicySupportConfig, logger: Logger = createLogger("policy-support", config.logLevel)): Promise<PolicySupportService> {
  const lookup = new GatewayLookup(config.lookupUrl, config.gatewaySecret, "policy-support", "PolicySupportOrganizationLookup");
  return startSubgraphService<PolicySupportContext>({
    config,
    logger,
    entities,
    migrations,
    seed: loadDemoData,
    schema: buildPolicySupportSchema,
    context: ({ requestId, principal, authorization }, dataSource) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), lookup: lookup.forCaller({ requestId, principal, authorization }) }),
    note: `organisation look-up ${config.lookupUrl}`,
  });
}
