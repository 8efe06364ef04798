/**
 * `npm run backup` writes backups/<time>/<subgraph>/ for every subgraph database;
 * `npm run restore -- backups/<time>` restores them into new, empty databases (set DATABASE_PREFIX
 * or DATABASE_URL to choose where). Without DATABASE_URL it uses the embedded server of `npm start`
 * (running or not).
 */
import { databaseUrlFor, ensureDatabase, redactUrl, SUBGRAPHS, type EntityList, type MigrationList } from "@kttt/core";
import fs from "node:fs";
import path from "node:path";
import { backupDatabase, restoreDatabase } from "./backup";
import { embeddedServerUrl, portInUse, startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

const root = path.resolve(__dirname, "..", "..", "..");

async function server(): Promise<{ env: NodeJS.ProcessEnv; embedded: EmbeddedServer | null }> {
  if (process.env.DATABASE_URL) return { env: process.env, embedded: null };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  if (await portInUse(port)) return { env: { ...process.env, DATABASE_URL: embeddedServerUrl(port) }, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_PG_DATA ?? path.join(root, ".data", "postgres"),
    port,
    log: (l) => console.log(l),
  });
  return { env: { ...process.env, DATABASE_URL: embedded.url }, embedded };
}

async function main(): Promise<void> {
  const [command, target] = process.argv.slice(2);
  if (command !== "backup" && command !== "restore") throw new Error("usage: backup-cli backup [dir] | restore <dir>");
  const { env, embedded } = await server();
  try {
    if (command === "backup") {
      const dir = path.resolve(target ?? path.join(root, "backups", new Date().toISOString().replace(/[:.]/gu, "-")));
      for (const subgraph of SUBGRAPHS) {
        const url = databaseUrlFor(subgraph.name, env);
        const manifest = await backupDatabase(url, path.join(dir, subgraph.name));
        console.log(`${subgraph.name}: ${manifest.tables.map((t) => `${t.name} ${t.rows}`).join(", ")} (from ${redactUrl(url)})`);
      }
      console.log(`backup written to ${dir}`);
    } else {
      if (!target || !fs.existsSync(target)) throw new Error(`no backup at ${target ?? "(none given)"}`);
      for (const subgraph of SUBGRAPHS) {
        const url = databaseUrlFor(subgraph.name, env);
        await ensureDatabase(url);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const schema = require(path.join(root, subgraph.dir, "dist", "index.js")) as { entities: EntityList; migrations: MigrationList };
        const manifest = await restoreDatabase(url, path.join(path.resolve(target), subgraph.name), schema);
        console.log(`${subgraph.name}: restored ${manifest.tables.reduce((a, t) => a + t.rows, 0)} rows into ${redactUrl(url)}`);
      }
    }
  } finally {
    if (embedded) await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
