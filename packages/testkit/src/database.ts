/**
 * Test databases. The global setup prepares, once per run, a template database per subgraph and
 * variant (migrated; migrated and seeded with the demo data); each test file then gets its own
 * copy in milliseconds with `CREATE DATABASE … TEMPLATE`, and drops it when done.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { createDataSource } from "@kttt/core";
import { processAlive } from "@kttt/launcher";

export const TEST_DATABASE_PREFIX = "kttt_test_";

/**
 * Databases of this test run carry the run's id (the Jest main process), so two runs on one server
 * (two terminals, two checkouts) never drop each other's databases.
 */
export function runPrefix(): string {
  const run = process.env.KTTT_TEST_RUN_ID;
  if (!run) throw new Error("KTTT_TEST_RUN_ID is not set: run the tests with `npm test`.");
  return `${TEST_DATABASE_PREFIX}${run}_`;
}

export function serverUrl(): string {
  const url = process.env.KTTT_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("No test database server: run the tests with `npm test` (its global setup provides one).");
  return url;
}

export function databaseUrl(database: string, base = serverUrl()): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export function templateName(subgraph: string, variant: "empty" | "demo"): string {
  return `${runPrefix()}tpl_${subgraph.replace(/-/gu, "_")}_${variant}`;
}

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database copied from a subgraph's template. */
export async function createTestDatabase(subgraph: string, variant: "empty" | "demo"): Promise<TestDatabase> {
  // Jest gives every test file a fresh module registry in the same worker: a counter alone repeats.
  const name = `${runPrefix()}${subgraph.replace(/-/gu, "_")}_${process.pid}_${++counter}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(templateName(subgraph, variant))}`);
        return;
      } catch (error) {
        // 55006: the template is briefly in use by another worker's CREATE DATABASE.
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdminClient(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`))),
  };
}

/** Drops this run's databases, and those of earlier runs whose process is gone (crashed runs). */
export async function dropTestDatabases(): Promise<void> {
  const own = runPrefix();
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DATABASE_PREFIX}%`]);
    for (const { datname } of rows) {
      const run = /^kttt_test_(\d+)_/u.exec(datname);
      const stale = !run || !processAlive(Number(run[1]));
      if (datname.startsWith(own) || stale) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

/**
 * A test database of a subgraph (a copy of its template) opened with the subgraph's own entities and migrations, for
 * tests that undo and re-run migrations on data as an existing installation would be upgraded.
 */
export async function openMigratedTestDatabase(
  subgraph: string,
  variant: "empty" | "demo",
  schema: Pick<Parameters<typeof createDataSource>[0], "entities" | "migrations">,
): Promise<{ dataSource: ReturnType<typeof createDataSource>["dataSource"]; close(): Promise<void> }> {
  const database = await createTestDatabase(subgraph, variant);
  const { dataSource } = createDataSource({ url: database.url, ...schema, poolSize: 2 });
  await dataSource.initialize();
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
