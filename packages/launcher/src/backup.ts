/**
 * Logical backups of the subgraph databases: one consistent snapshot per database (a repeatable-read
 * transaction), each table as CSV through COPY, and a manifest with the migrations it was made at.
 * Restore migrates an empty database with the subgraph's own migrations, checks they match, and copies
 * the rows back in foreign-key order in one transaction. Plain files: a backup of the embedded server
 * restores on any PostgreSQL server, and the other way round.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Client } from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { renamedMigrations, type EntityList, type MigrationList } from "@kttt/core";
import { DataSource } from "typeorm";

export interface TableManifest {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupManifest {
  format: "kttt-backup/1";
  database: string;
  createdAt: string;
  migrations: string[];
  tables: TableManifest[];
}

const MIGRATIONS_TABLE = "schema_migrations";

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function backupDatabase(url: string, dir: string): Promise<BackupManifest> {
  fs.mkdirSync(dir, { recursive: true });
  const client = await connect(url);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: migrationRows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
    const { rows: tables } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name",
      [MIGRATIONS_TABLE],
    );
    const manifest: BackupManifest = {
      format: "kttt-backup/1",
      database: new URL(url).pathname.slice(1),
      createdAt: new Date().toISOString(),
      migrations: migrationRows.map((r) => r.name),
      tables: [],
    };
    for (const { table_name: table } of tables) {
      // Generated columns are computed again on restore.
      const { rows: columns } = await client.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
      );
      const names = columns.map((c) => client.escapeIdentifier(c.column_name)).join(", ");
      const stream = client.query(copyTo(`COPY ${client.escapeIdentifier(table)} (${names}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
      await pipeline(stream, fs.createWriteStream(path.join(dir, `${table}.csv`)));
      manifest.tables.push({ name: table, columns: columns.map((c) => c.column_name), rows: stream.rowCount ?? 0 });
    }
    await client.query("COMMIT");
    fs.writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}

/** Tables ordered so that every table comes after those it references. */
async function foreignKeyOrder(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (table: string, trail: Set<string>) => {
    if (ordered.includes(table) || trail.has(table)) return;
    trail.add(table);
    for (const r of rows) if (r.child === table) visit(r.parent, trail);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered.filter((t) => tables.includes(t));
}

export async function restoreDatabase(url: string, dir: string, schema: { entities: EntityList; migrations: MigrationList }): Promise<BackupManifest> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as BackupManifest;
  if (manifest.format !== "kttt-backup/1") throw new Error(`${dir} is not a KTTT Graph backup`);
  const dataSource = new DataSource({ type: "postgres", url, entities: schema.entities, migrations: schema.migrations, migrationsTableName: MIGRATIONS_TABLE });
  await dataSource.initialize();
  try {
    const [{ count }] = await dataSource.query("SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public'");
    if (count > 0) throw new Error(`The database ${new URL(url).pathname.slice(1)} is not empty; restore into a new database.`);
    await dataSource.runMigrations({ transaction: "each" });
    const applied = (await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)).map((r: { name: string }) => r.name);
    // A backup made before a migration was renamed names it by its former name.
    const renamed = renamedMigrations(dataSource.migrations);
    const unknown = manifest.migrations.filter((m) => !applied.includes(renamed.get(m) ?? m));
    if (unknown.length > 0)
      throw new Error(`The backup was made at migrations this code does not have (${unknown.join(", ")}); restore it with the same or a newer version.`);
  } finally {
    await dataSource.destroy();
  }
  const client = await connect(url);
  try {
    await client.query("BEGIN");
    const order = await foreignKeyOrder(
      client,
      manifest.tables.map((t) => t.name),
    );
    // Reference data that the migrations inserted is replaced by the backup's copy.
    for (const table of [...order].reverse()) await client.query(`DELETE FROM ${client.escapeIdentifier(table)}`);
    for (const table of order) {
      const entry = manifest.tables.find((t) => t.name === table)!;
      const names = entry.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      await pipeline(
        fs.createReadStream(path.join(dir, `${table}.csv`)),
        client.query(copyFrom(`COPY ${client.escapeIdentifier(table)} (${names}) FROM STDIN WITH (FORMAT csv, HEADER true)`)),
      );
    }
    await client.query("COMMIT");
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
