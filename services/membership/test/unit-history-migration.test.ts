/**
 * The unit-history migrations on a database that already holds data: undone to the 13-district schema
 * (organisations kept), then applied again, as an existing installation would be upgraded.
 */
import { openMigratedTestDatabase } from "@kttt/testkit";
import { ADMIN_UNIT_VERSIONS } from "@kttt/reference";
import { entities } from "../src/entities";
import { migrations } from "../src/migrations";

let opened: Awaited<ReturnType<typeof openMigratedTestDatabase>>;
let dataSource: typeof opened.dataSource;
beforeAll(async () => {
  opened = await openMigratedTestDatabase("membership", "demo", { entities, migrations });
  dataSource = opened.dataSource;
});
afterAll(() => opened?.close());

const one = async (sql: string): Promise<Record<string, any>> => (await dataSource.query(sql))[0];

describe("the unit-history migrations", () => {
  it("upgrades a database with organisations, and undoes cleanly", async () => {
    // The 13-district schema cannot hold what was registered under today's communes: an installation of those days had
    // none, so the demo's illustrative registrations from 2025-07-01 are taken out first.
    const later = `SELECT id FROM organization WHERE established_on >= '2025-07-01'`;
    for (const table of ["member", "financial_report", "classification", "alliance_membership"])
      await dataSource.query(`DELETE FROM ${table} WHERE organization_id IN (${later})`);
    await dataSource.query(`DELETE FROM organization WHERE id IN (${later})`);
    const sizes = `SELECT organization_id, year, size_class FROM classification WHERE scheme = 'DECREE_113_2024' ORDER BY 1, 2`;
    const sizesBefore: { organization_id: string; year: number; size_class: string }[] = await dataSource.query(sizes);
    // A class recorded unchecked before classification by date (as the demo's invented thresholds did): a trade cooperative called large.
    const invented = await one(
      `SELECT c.organization_id, c.year FROM classification c JOIN organization o ON o.id = c.organization_id WHERE c.scheme = 'DECREE_113_2024' AND o.sector = 'TRADE_SERVICES' ORDER BY 1 LIMIT 1`,
    );
    await dataSource.query(`UPDATE classification SET size_class = 'LARGE' WHERE organization_id = $1 AND year = $2 AND scheme = 'DECREE_113_2024'`, [
      invented.organization_id,
      invented.year,
    ]);
    const organizations = await one(`SELECT count(*)::int AS n, string_agg(DISTINCT admin_unit_code, ',' ORDER BY admin_unit_code) AS units FROM organization`);
    expect(await one(`SELECT count(*)::int AS n FROM admin_unit`)).toEqual({ n: ADMIN_UNIT_VERSIONS.length });

    // Every migration from the unit history on is undone, the latest first (whatever has been added since).
    const unitHistoryApplied = async () => (await one(`SELECT count(*)::int AS n FROM schema_migrations WHERE name = 'UnitHistory1751328000000'`)).n > 0;
    while (await unitHistoryApplied()) await dataSource.undoLastMigration({ transaction: "each" });
    expect(await one(`SELECT count(*)::int AS n, min(code) AS first FROM admin_unit`)).toEqual({ n: 13, first: "436" });
    expect(await one(`SELECT successor_code FROM admin_unit WHERE code = '448'`)).toEqual({ successor_code: "445" });

    await dataSource.runMigrations({ transaction: "each" });
    // Classification by date: every size class is worked out again by the decree's known thresholds (the invented one is gone),
    // which gives the demo's own classes back.
    expect(await dataSource.query(sizes)).toEqual(sizesBefore);
    // A size class kept as a NOT_RATED "rating" has none after the round trip, the ratings keep theirs.
    expect(
      await one(
        `SELECT count(*) FILTER (WHERE scheme = 'DECREE_113_2024' AND rating IS NOT NULL)::int AS sized_rated, count(*) FILTER (WHERE scheme = 'CIRCULAR_01_2020' AND rating IS NULL)::int AS unrated FROM classification`,
      ),
    ).toEqual({ sized_rated: 0, unrated: 0 });
    expect(await one(`SELECT count(*)::int AS n, string_agg(DISTINCT admin_unit_code, ',' ORDER BY admin_unit_code) AS units FROM organization`)).toEqual(
      organizations,
    );
    const levels = await dataSource.query(
      `SELECT level, count(*)::int AS n FROM admin_unit WHERE (valid_from IS NULL OR valid_from <= '2024-07-15') AND (valid_to IS NULL OR valid_to >= '2024-07-15') GROUP BY level ORDER BY level`,
    );
    expect(levels).toEqual([
      { level: "COMMUNE", n: 216 },
      { level: "DISTRICT", n: 13 },
      { level: "PROVINCE", n: 1 },
    ]);
    expect(await one(`SELECT count(*)::int AS n FROM admin_unit WHERE valid_from = '2025-07-01'`)).toEqual({ n: 69 });
    // An installation's organisations keep their district and have no commune recorded yet.
    expect(await one(`SELECT count(*)::int AS n FROM organization WHERE commune_id IS NOT NULL`)).toEqual({ n: 0 });
    // A district keeps its row, so every organisation still finds its unit.
    expect(await one(`SELECT count(*)::int AS n FROM organization o LEFT JOIN admin_unit u ON u.id = o.admin_unit_code WHERE u.id IS NULL`)).toEqual({ n: 0 });
  });
});
