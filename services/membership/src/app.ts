/** Starts the membership subgraph: database (migrated, demo data on request), schema, HTTP server. */
import { createLogger, startSubgraphService, type Logger, type ServiceConfig, type SubgraphService } from "@kttt/core";
import type { MembershipContext } from "./context";
import { entities } from "./entities";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { buildMembershipSchema } from "./schema";
import { loadDemoData } from "./seed/load";

export type MembershipService = SubgraphService;

export function startMembershipService(config: ServiceConfig, logger: Logger = createLogger("membership", config.logLevel)): Promise<MembershipService> {
  return startSubgraphService<MembershipContext>({
    config,
    logger,
    entities,
    migrations,
    seed: (dataSource) => loadDemoData(dataSource, config.demoDataScale),
    schema: buildMembershipSchema,
    context: ({ requestId, principal }, dataSource) => ({ requestId, principal, dataSource, loaders: createLoaders(dataSource) }),
  });
}
