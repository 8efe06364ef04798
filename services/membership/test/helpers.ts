import { createLogger, loadServiceConfig } from "@kttt/core";
import { createTestDatabase, graphql, type TestDatabase } from "@kttt/testkit";
import { startMembershipService, type MembershipService } from "../src/app";

export interface TestMembership {
  service: MembershipService;
  database: TestDatabase;
  url: string;
  /** Sends a GraphQL operation to the subgraph over HTTP. */
  query: <T = any>(query: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  stop(): Promise<void>;
}

/** A membership subgraph on its own fresh database (demo data or empty), listening on a free port. */
export async function startTestMembership(variant: "demo" | "empty" = "demo", env: Record<string, string> = {}): Promise<TestMembership> {
  const database = await createTestDatabase("membership", variant);
  const config = { ...loadServiceConfig("membership", { MEMBERSHIP_DATABASE_URL: database.url, NODE_ENV: "test", ...env }), port: 0, poolSize: 4 };
  const service = await startMembershipService(config, createLogger("membership", "silent"));
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

/** The one error of a response, which must have failed. */
export function onlyError(response: { errors?: { message: string; extensions?: Record<string, any> }[] }) {
  expect(response.errors).toHaveLength(1);
  return response.errors![0];
}
