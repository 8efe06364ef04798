/**
 * The one test harness for a subgraph: any of the four (given its `defineSubgraph` definition, from
 * the service's public entry) on its own fresh database, listening on a free port, asked over HTTP.
 * A service's tests start other subgraphs with it too (ocop's tests start membership for the owner
 * look-up), so no test imports another service's test helpers.
 */
import { createLogger, envPrefix, type ServiceConfig, type Subgraph, type SubgraphService } from "@kttt/core";
import { createTestDatabase, type TestDatabase } from "./database";
import { graphql } from "./graphql";

/** A closed port: a subgraph's look-ups of other subgraphs fail unless a test names a real endpoint. */
export const CLOSED_LOOKUP_URL = "http://127.0.0.1:9/graphql";

export interface TestSubgraph {
  service: SubgraphService;
  database: TestDatabase;
  url: string;
  /** Sends a GraphQL operation to the subgraph over HTTP (as the test administrator). */
  // Tests read answers as untyped JSON, as `graphql` does; a test may name the type it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query: <T = any>(query: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  stop(): Promise<void>;
}

export interface TestSubgraphOptions {
  /** Migrated and seeded with the demo data (default), or migrated only. */
  variant?: "demo" | "empty";
  /** Where a subgraph with look-ups asks other subgraphs (a gateway or a subgraph); a closed port by default. */
  lookupUrl?: string;
  /** More environment for its configuration (e.g. `DEMO_DATA_SCALE`). */
  env?: Record<string, string>;
}

/** Starts `subgraph` on a fresh database copied from the run's template; `stop()` stops it and drops the database. */
export async function startTestSubgraph<TConfig extends ServiceConfig>(subgraph: Subgraph<TConfig>, options: TestSubgraphOptions = {}): Promise<TestSubgraph> {
  const database = await createTestDatabase(subgraph.name, options.variant ?? "demo");
  const loaded = subgraph.loadConfig({ [`${envPrefix(subgraph.name)}_DATABASE_URL`]: database.url, NODE_ENV: "test", ...options.env });
  // Never the default look-up (the gateway of a local run, which may be the user's): a closed port unless named.
  const config: TConfig = { ...loaded, port: 0, poolSize: 4, ...("lookupUrl" in loaded ? { lookupUrl: options.lookupUrl ?? CLOSED_LOOKUP_URL } : {}) };
  let service: SubgraphService;
  try {
    service = await subgraph.start(config, createLogger(subgraph.name, "silent"));
  } catch (error) {
    await database.drop();
    throw error;
  }
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

/** The one error of a response, which must have failed with exactly one. */
export function onlyError<E extends { message: string; extensions?: Record<string, unknown> }>(response: { errors?: E[] }): E {
  const errors = response.errors ?? [];
  if (errors.length !== 1) throw new Error(`Expected exactly one GraphQL error, got ${errors.length}: ${JSON.stringify(response, null, 2)}`);
  return errors[0];
}
