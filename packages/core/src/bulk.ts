/** Bulk inserts (demo seeds, batch imports, their audit records): many rows per statement, kept under PostgreSQL's parameter limit. */
import type { EntityManager } from "typeorm";

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
