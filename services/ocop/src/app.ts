/** Starts the ocop subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, startSubgraphService, type Logger, type SubgraphService } from "@kttt/core";
import type { OcopConfig } from "./config";
import type { OcopContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildOcopSchema } from "./schema";
import { loadOcopDemoData } from "./seed/load";
import { OrganizationLookup } from "./services/organization-lookup";

export type OcopService = SubgraphService;

export function startOcopService(config: OcopConfig, logger: Logger = createLogger("ocop", config.logLevel)): Promise<OcopService> {
  const organizations = new OrganizationLookup(config.organizationLookupUrl, config.gatewaySecret);
  return startSubgraphService<OcopContext>({
    config,
    logger,
    entities,
    migrations,
    seed: loadOcopDemoData,
    schema: buildOcopSchema,
    context: ({ requestId, principal }, dataSource) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource), organizations }),
    note: `organisation look-up ${config.organizationLookupUrl}`,
  });
}
