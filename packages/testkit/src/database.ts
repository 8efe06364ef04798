/**
 * Test databases. The global setup prepares, once per run, a template database per subgraph and
 * variant (migrated; migrated and seeded with the demo data); each test file then gets its own
 * copy in milliseconds with `CREATE DATABASE … TEMPLATE`, and drops it when done.
 */
import { Client } from "pg";

export const TEST_DATABASE_PREFIX = "kttt_test_";

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
  return `${TEST_DATABASE_PREFIX}tpl_${subgraph.replace(/-/gu, "_")}_${variant}`;
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
  const name = `${TEST_DATABASE_PREFIX}${subgraph.replace(/-/gu, "_")}_${process.pid}_${++counter}_${Date.now() % 100000}`;
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

/** Drops the databases a crashed earlier run left behind. */
export async function dropLeftoverTestDatabases(): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DATABASE_PREFIX}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  });
}
