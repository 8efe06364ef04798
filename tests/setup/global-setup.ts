/**
 * Runs once before all tests: picks the PostgreSQL server (DATABASE_URL, or an embedded one
 * started here), and builds each subgraph's template databases from its real migrations and seed.
 */
import "reflect-metadata";
import { createDataSource, newSigningKey } from "@kttt/core";
import { startEmbeddedPostgres } from "@kttt/launcher";
import { databaseUrl, dropTestDatabases, templateName, withAdminClient } from "@kttt/testkit";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@kttt/testkit";
import { TEMPLATES } from "./templates";

export default async function globalSetup(): Promise<void> {
  process.env.KTTT_TEST_RUN_ID = String(process.pid);
  // Real, random secrets for the run: services in production mode refuse the development defaults.
  process.env.AUTH_JWT_SECRET ||= randomBytes(32).toString("hex");
  process.env.GATEWAY_SECRET ||= randomBytes(32).toString("hex");
  process.env.AUTH_SIGNING_KEYS ||= JSON.stringify([await newSigningKey("ES256", `test-${process.pid}`)]);
  if (process.env.DATABASE_URL) {
    process.env.KTTT_TEST_SERVER_URL = process.env.DATABASE_URL;
    console.log(`\n[tests] PostgreSQL server from DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: Number(process.env.KTTT_TEST_PG_PORT ?? (await freePort())) });
    process.env.KTTT_TEST_SERVER_URL = server.url;
    (globalThis as Record<string, unknown>).__ktttEmbedded = { server, dir };
    console.log(`\n[tests] embedded PostgreSQL in ${dir} (no DATABASE_URL set)`);
  }
  await dropTestDatabases();
  for (const [subgraph, template] of Object.entries(TEMPLATES)) {
    const empty = templateName(subgraph, "empty");
    const demo = templateName(subgraph, "demo");
    await withAdminClient(async (client) => void (await client.query(`CREATE DATABASE ${client.escapeIdentifier(empty)} ENCODING 'UTF8'`)));
    const migrated = createDataSource({ url: databaseUrl(empty), entities: template.entities, migrations: template.migrations, poolSize: 2 });
    await migrated.dataSource.initialize();
    await migrated.dataSource.runMigrations({ transaction: "each" });
    await migrated.dataSource.destroy();
    await withAdminClient(
      async (client) => void (await client.query(`CREATE DATABASE ${client.escapeIdentifier(demo)} TEMPLATE ${client.escapeIdentifier(empty)}`)),
    );
    const seeded = createDataSource({ url: databaseUrl(demo), entities: template.entities, migrations: template.migrations, poolSize: 2 });
    await seeded.dataSource.initialize();
    await template.seed(seeded.dataSource);
    await seeded.dataSource.destroy();
  }
}
