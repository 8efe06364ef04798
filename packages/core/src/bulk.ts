/** Bulk inserts (demo seeds, batch imports, their audit records): many rows per statement, kept under PostgreSQL's parameter limit. */
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

/** The demo rows of a subgraph, table by table in the order they can be inserted (referenced tables first). */
export type DemoTables = [table: string, rows: Record<string, unknown>[]][];

/**
 * Loads a subgraph's demo rows into an empty database, in one transaction. Returns false, and writes
 * nothing, when `probe` (a table the demo fills) has rows already. Concurrent starters serialise on an
 * advisory lock: one loads, the others then see its rows.
 */
export function seedOnce(dataSource: DataSource, subgraph: string, probe: string, tables: () => DemoTables): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`kttt-${subgraph}-seed`]);
    const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${probe}`);
    if (count > 0) return false;
    const loaded = tables();
    for (const [table, rows] of loaded) await insertRows(manager, table, rows);
    // The planner's statistics of the loaded tables now, not when autovacuum comes by: at ×10 and ×100
    // (bench) it otherwise plans the first minutes' statistics for the empty tables it last saw.
    for (const [table] of loaded) await manager.query(`ANALYZE ${manager.connection.driver.escape(table)}`);
    return true;
  });
}
