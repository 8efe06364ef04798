/** Bulk inserts (demo seeds, batch imports, their audit records): many rows per statement, kept under PostgreSQL's parameter limit. */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DataSource, EntityManager } from "typeorm";

/** Inserts plain rows (column name → value) into a table, in chunks of at most ~30,000 parameters. */
export async function insertRows(manager: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const chunk = Math.floor(30_000 / columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = slice.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(", ")})`);
    await manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }
}

/** A value as a field of COPY's text format (an object as its JSON): \N for null, backslash, tab and line ends escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "bigint"
        ? value.toString()
        : typeof value === "boolean"
          ? value
            ? "t"
            : "f"
          : value instanceof Date
            ? value.toISOString()
            : JSON.stringify(value);
  return /[\\\t\n\r]/u.test(text) ? text.replace(/[\\\t\n\r]/gu, (c) => COPY_ESCAPES[c]) : text;
}
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * Rows (one value per column, in `columns`' order) written into a table with one COPY … FROM STDIN, in the
 * transaction of `manager` (a batch import's): PostgreSQL inserts them in bulk (several rows a page and a WAL
 * record), about a third less of its time than the same rows through INSERT … SELECT FROM unnest (bench:import).
 * The table's triggers and constraints apply as for an INSERT. Counted as one statement.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error(`copyRows(${table}) needs the manager of a transaction.`);
  const lines: string[] = [];
  for (const row of rows) lines.push(`${row.map(copyField).join("\t")}\n`);
  if (lines.length === 0) return;
  const sql = `COPY ${table} (${columns.join(", ")}) FROM STDIN`;
  manager.connection.logger.logQuery(sql, undefined, runner);
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from([lines.join("")]), client.query(copyFrom(sql)));
}

/** The demo rows of a subgraph, table by table in the order they can be inserted (referenced tables first). */
export type DemoTables = [table: string, rows: Record<string, unknown>[]][];

/**
 * A generator's rows (lists by kind) as `DemoTables`: `tables` names each table, in the order they can be inserted,
 * with the kind of rows it takes.
 */
export function demoTablesOf<R extends Record<keyof R, Record<string, unknown>[]>>(rows: R, tables: Record<string, keyof R>): DemoTables {
  return Object.entries(tables).map(([table, kind]) => [table, rows[kind]]);
}

/**
 * How the demo rows of one table are copied for DEMO_DATA_SCALE (the benchmark's growth runs): every copy k
 * (1 … scale − 1) of a row differs from its original in the `ids` columns (`demoCopyId(id, k)`, the same in
 * every subgraph, so a copied product still belongs to the copy of its cooperative) and in `set`.
 */
export interface DemoCopies {
  table: string;
  /** Columns holding the row's own id and its references to copied rows (organisations, owners, products…). */
  ids: string[];
  /** Other columns' values in copy `k`, as SQL over the original row's columns and `k` (e.g. marking the copy illustrative). */
  set?: Record<string, string>;
}

/**
 * The id of copy `copy` of a demo row: a version-5-shaped UUID from the MD5 of the original id and the copy
 * number. `demoCopyIdSql` computes the same in PostgreSQL, where the copies are made.
 */
export function demoCopyId(id: string, copy: number): string {
  const hex = createHash("md5").update(`kttt-graph:${id}#${copy}`).digest("hex");
  const v = `${hex.slice(0, 12)}5${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
}

/** `demoCopyId` in SQL: `column` an id (uuid or text) expression, `copy` the copy number's; NULL stays NULL. */
export function demoCopyIdSql(column: string, copy: string): string {
  return `(overlay(overlay(md5('kttt-graph:' || (${column})::text || '#' || (${copy})::text) placing '5' from 13) placing '8' from 17))::uuid`;
}

/** SQL for a copied row's name in `set`: the original's, marked as an illustrative copy (bản sao minh họa) and numbered from 2. */
export function demoCopyNameSql(column: string): string {
  return `(${column} || ' (bản sao minh họa ' || (copy.k + 1)::text || ')')`;
}

/** SQL for a copied row's registration number in `set`: the original's ten digits with the copy as the three-digit branch suffix (NULL stays NULL). */
export function demoCopyNumberSql(column: string): string {
  return `(left(${column}, 10) || '-' || lpad(copy.k::text, 3, '0'))`;
}

/**
 * Copies the rows of `copies` (already loaded) `scale − 1` times over, one INSERT … SELECT per table in
 * PostgreSQL (97,500 cooperatives at ×100 without building them in JavaScript). `columns`: the columns the
 * demo loaded in each table (generated columns are left to PostgreSQL).
 */
async function insertCopies(manager: EntityManager, scale: number, copies: DemoCopies[], columns: Map<string, string[]>): Promise<void> {
  for (const { table, ids, set = {} } of copies) {
    const names = columns.get(table);
    if (!names) continue;
    // Indexes that back no constraint are built once after the copies (millions of rows at ×100), not row by row.
    const indexes = await manager.query<{ name: string; definition: string }[]>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [table],
    );
    for (const { name } of indexes) await manager.query(`DROP INDEX ${name}`);
    const values = names.map((c) => (ids.includes(c) ? demoCopyIdSql(`original.${c}`, "copy.k") : (set[c] ?? `original.${c}`)));
    await manager.query(
      `INSERT INTO ${table} (${names.join(", ")}) SELECT ${values.join(", ")} FROM ${table} AS original CROSS JOIN generate_series(1, $1::int) AS copy(k)`,
      [scale - 1],
    );
    for (const { definition } of indexes) await manager.query(definition);
  }
}

/** The demo data at DEMO_DATA_SCALE: how many times over, and how each table's rows are copied (tables not named are not). */
export interface DemoScale {
  scale: number;
  copies: DemoCopies[];
}

/**
 * Loads a subgraph's demo rows into an empty database, in one transaction. Returns false, and writes
 * nothing, when `probe` (a table the demo fills) has rows already. Concurrent starters serialise on an
 * advisory lock: one loads, the others then see its rows. With `scaled` (scale > 1) the rows of the tables
 * it names are then copied in SQL (see `DemoCopies`); scale 1 is the demo rows exactly.
 */
export async function seedOnce(dataSource: DataSource, subgraph: string, probe: string, tables: () => DemoTables, scaled?: DemoScale): Promise<boolean> {
  let loadedTables: string[] = [];
  const loaded = await dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`kttt-${subgraph}-seed`]);
    const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${probe}`);
    if (count > 0) return false;
    const demo = tables();
    loadedTables = demo.map(([table]) => table);
    for (const [table, rows] of demo) await insertRows(manager, table, rows);
    if (scaled && scaled.scale > 1) {
      await manager.query("SET LOCAL maintenance_work_mem = '256MB'");
      const columns = new Map(demo.filter(([, rows]) => rows.length > 0).map(([table, rows]) => [table, Object.keys(rows[0])]));
      await insertCopies(manager, scaled.scale, scaled.copies, columns);
    }
    // The planner's statistics of the loaded tables now, not when autovacuum comes by: at ×10 and ×100
    // (bench) it otherwise plans the first minutes' statistics for the empty tables it last saw.
    for (const [table] of demo) await manager.query(`ANALYZE ${manager.connection.driver.escape(table)}`);
    return true;
  });
  // Scaled copies: VACUUM now (outside the transaction) sets the rows' hint bits and the visibility map, or the first
  // reads of a fresh ×100 database write them (a count over the OCOP catalogue: 430 ms cold, 50 ms after) and counts
  // cannot scan an index only.
  if (loaded && scaled && scaled.scale > 1) for (const table of loadedTables) await dataSource.query(`VACUUM (ANALYZE) ${dataSource.driver.escape(table)}`);
  return loaded;
}

/**
 * A subgraph's demo loader (its `seed`): `seedOnce` of `tables` into an empty database (`probe` is a table the demo
 * fills), copied `scale − 1` more times over by `copies` (DEMO_DATA_SCALE; 1: the demo rows exactly). Returns false,
 * and writes nothing, when the database has demo rows already.
 */
export function demoLoader(
  subgraph: string,
  probe: string,
  copies: DemoCopies[],
  tables: () => DemoTables,
): (dataSource: DataSource, scale?: number) => Promise<boolean> {
  return (dataSource, scale = 1) => seedOnce(dataSource, subgraph, probe, tables, { scale, copies });
}
