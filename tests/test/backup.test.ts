/** A backup of a subgraph database restores into a new database with every row, exactly. */
import { dropDatabase, ensureDatabase } from "@kttt/core";
import { backupDatabase, restoreDatabase } from "@kttt/launcher";
import { entities, ILLUSTRATIVE_2025, migrations } from "@kttt/membership";
import { createTestDatabase, databaseUrl, runPrefix, type TestDatabase } from "@kttt/testkit";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

let source: TestDatabase;
let dir: string;
const restoredUrl = () => databaseUrl(`${runPrefix()}restored_${process.pid}`);

beforeAll(async () => {
  source = await createTestDatabase("membership", "demo");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-backup-"));
});
afterAll(async () => {
  await source?.drop();
  await dropDatabase(restoredUrl());
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT md5(string_agg(id::text || name || coalesce(registration_number, '') || status || version::text, ',' ORDER BY id)) FROM organization) AS organizations,
      (SELECT md5(string_agg(id::text || full_name || capital_contributed::text || coalesce(left_on::text, ''), ',' ORDER BY id)) FROM member) AS members,
      (SELECT sum(revenue)::text || '/' || sum(profit)::text || '/' || count(*) FROM financial_report) AS reports,
      (SELECT md5(string_agg(organization_id::text || year::text || scheme || rating || coalesce(score::text, ''), ',' ORDER BY organization_id, year, scheme)) FROM classification) AS classifications,
      (SELECT count(*)::text FROM alliance_membership) AS alliance,
      (SELECT count(*)::text FROM admin_unit) AS units,
      (SELECT count(*)::text FROM organization WHERE search_text LIKE '%hop tac xa nong nghiep%') AS searchable`);
    return rows[0];
  } finally {
    await client.end();
  }
}

describe("backup and restore", () => {
  it("restores every row of every table into a new database, generated columns included", async () => {
    const manifest = await backupDatabase(source.url, dir);
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(3);
    expect(manifest.tables.find((t) => t.name === "organization")?.rows).toBe(
      975 + 12 + 3 + 2538 + ILLUSTRATIVE_2025.newCooperatives + ILLUSTRATIVE_2025.newGroups,
    );
    expect(manifest.tables.find((t) => t.name === "organization")?.columns).not.toContain("search_text");

    await ensureDatabase(restoredUrl());
    await restoreDatabase(restoredUrl(), dir, { entities, migrations });
    expect(await fingerprint(restoredUrl())).toEqual(await fingerprint(source.url));
  });

  it("refuses to restore over a database that has tables", async () => {
    await expect(restoreDatabase(source.url, dir, { entities, migrations })).rejects.toThrow(/is not empty/u);
  });
});
