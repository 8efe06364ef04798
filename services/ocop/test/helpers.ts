import { createLogger } from "@kttt/core";
import { createTestDatabase, graphql, type TestDatabase } from "@kttt/testkit";
import { startOcopService, type OcopService } from "../src/app";
import { loadOcopConfig } from "../src/app";

export interface TestOcop {
  service: OcopService;
  database: TestDatabase;
  url: string;
  query: <T = any>(query: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  stop(): Promise<void>;
}

/** An ocop subgraph on its own fresh database, asking `lookupUrl` about membership organisations. */
export async function startTestOcop(variant: "demo" | "empty" = "demo", lookupUrl = "http://127.0.0.1:9/graphql", env: Record<string, string> = {}): Promise<TestOcop> {
  const database = await createTestDatabase("ocop", variant);
  const config = { ...loadOcopConfig({ OCOP_DATABASE_URL: database.url, NODE_ENV: "test", OCOP_ORGANIZATION_LOOKUP_URL: lookupUrl, ...env }), port: 0, poolSize: 4 };
  const service = await startOcopService(config, createLogger("ocop", "silent"));
  return {
    service,
    database,
    url: service.server.url,
    query: (query, variables) => graphql(service.server.url, query, variables),
    async stop() {
      await service.stop();
      await database.drop();
    },
  };
}

export const SEED_DATE = "2024-07-15";
