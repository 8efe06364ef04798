import { createLogger } from "@kttt/core";
import { createTestDatabase, graphql, type TestDatabase } from "@kttt/testkit";
import { startPolicySupportService, type PolicySupportService } from "../src/app";
import { loadPolicySupportConfig } from "../src/app";

export interface TestPolicySupport {
  service: PolicySupportService;
  database: TestDatabase;
  url: string;
  /** Sends a GraphQL operation to the subgraph over HTTP. */
  query: <T = any>(query: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  stop(): Promise<void>;
}

/**
 * A policy-support subgraph on its own fresh database (demo data or empty), listening on a free port,
 * asking `lookupUrl` about membership organisations (by default a closed port: look-ups fail).
 */
export async function startTestPolicySupport(variant: "demo" | "empty" = "demo", lookupUrl = "http://127.0.0.1:9/graphql", env: Record<string, string> = {}): Promise<TestPolicySupport> {
  const database = await createTestDatabase("policy-support", variant);
  const config = { ...loadPolicySupportConfig({ POLICY_SUPPORT_DATABASE_URL: database.url, NODE_ENV: "test", POLICY_SUPPORT_LOOKUP_URL: lookupUrl, ...env }), port: 0, poolSize: 4 };
  const service = await startPolicySupportService(config, createLogger("policy-support", "silent"));
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
