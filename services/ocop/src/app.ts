/** Starts the ocop subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, GatewayLookup, startSubgraphService, type Logger, type SubgraphService } from "@kttt/core";
import type { OcopConfig } from "./config";
import type { OcopContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildOcopSchema } from "./schema";
import { loadOcopDemoData } from "./seed/load";

export type OcopService = SubgraphService;

export function startOcopService(config: OcopConfig, logger: Logger = createLogger("ocop", config.logLevel)): Promise<OcopService> {
  const lookup = new GatewayLookup(config.organizationLookupUrl, config.gatewaySecret, "ocop", "OcopOwnerLookup");
  return startSubgraphService<OcopContext>({
    config,
    logger,
    entities,
    migrations,
    seed: loadOcopDemoData,
    schema: buildOcopSchema,
    context: ({ requestId, principal, authorization }, dataSource) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), lookup: lookup.forCaller({ requestId, principal, authorization }) }),
    note: `organisation look-up ${config.organizationLookupUrl}`,
  });
}
