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
    const organizations = await one(`SELECT count(*)::int AS n, string_agg(DISTINCT admin_unit_code, ',' ORDER BY admin_unit_code) AS units FROM organization`);
    expect(await one(`SELECT count(*)::int AS n FROM admin_unit`)).toEqual({ n: ADMIN_UNIT_VERSIONS.length });

    await dataSource.undoLastMigration({ transaction: "each" }); // organisations' communes
    await dataSource.undoLastMigration({ transaction: "each" }); // unit history
    expect(await one(`SELECT count(*)::int AS n, min(code) AS first FROM admin_unit`)).toEqual({ n: 13, first: "436" });
    expect(await one(`SELECT successor_code FROM admin_unit WHERE code = '448'`)).toEqual({ successor_code: "445" });

    await dataSource.runMigrations({ transaction: "each" });
    expect(await one(`SELECT count(*)::int AS n, string_agg(DISTINCT admin_unit_code, ',' ORDER BY admin_unit_code) AS units FROM organization`)).toEqual(organizations);
    const levels = await dataSource.query(`SELECT level, count(*)::int AS n FROM admin_unit WHERE (valid_from IS NULL OR valid_from <= '2024-07-15') AND (valid_to IS NULL OR valid_to >= '2024-07-15') GROUP BY level ORDER BY level`);
    expect(levels).toEqual([{ level: "COMMUNE", n: 216 }, { level: "DISTRICT", n: 13 }, { level: "PROVINCE", n: 1 }]);
    expect(await one(`SELECT count(*)::int AS n FROM admin_unit WHERE valid_from = '2025-07-01'`)).toEqual({ n: 69 });
    // An installation's organisations keep their district and have no commune recorded yet.
    expect(await one(`SELECT count(*)::int AS n FROM organization WHERE commune_id IS NOT NULL`)).toEqual({ n: 0 });
    // A district keeps its row, so every organisation still finds its unit.
    expect(await one(`SELECT count(*)::int AS n FROM organization o LEFT JOIN admin_unit u ON u.id = o.admin_unit_code WHERE u.id IS NULL`)).toEqual({ n: 0 });
  });
});
