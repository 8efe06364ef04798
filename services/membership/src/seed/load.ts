/** Loads the demo data into an empty membership database, in one transaction. */
import type { DataSource, EntityManager } from "typeorm";
import { generateSeedRows, scaleSeedRows } from "./generate";

async function insertRows(manager: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
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

/** Returns false (and writes nothing) when the database already has organisations; `scale`: see scaleSeedRows. */
export async function loadDemoData(dataSource: DataSource, scale = 1): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starters: only one loads, the others see the rows.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('kttt-membership-seed'))");
    const [{ count }] = await manager.query("SELECT count(*)::int AS count FROM organization");
    if (count > 0) return false;
    const rows = scaleSeedRows(generateSeedRows(), scale);
    await insertRows(manager, "organization", rows.organizations);
    await insertRows(manager, "member", rows.members);
    await insertRows(manager, "alliance_membership", rows.allianceMemberships);
    await insertRows(manager, "financial_report", rows.financialReports);
    await insertRows(manager, "classification", rows.classifications);
    return true;
  });
}
