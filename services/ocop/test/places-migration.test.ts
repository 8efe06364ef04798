/**
 * The places-and-levels migration on a database that already holds data: undone to the earlier schema, given a 3★
 * certificate recorded as PROVINCE under the old 2025-01-01 assumption, then applied again, as an existing
 * installation would be upgraded.
 */
import { openMigratedTestDatabase } from "@kttt/testkit";
import { entities } from "../src/entities";
import { migrations } from "../src/migrations";

let opened: Awaited<ReturnType<typeof openMigratedTestDatabase>>;
let dataSource: typeof opened.dataSource;
beforeAll(async () => {
  opened = await openMigratedTestDatabase("ocop", "demo", { entities, migrations });
  dataSource = opened.dataSource;
});
afterAll(() => opened?.close());

const one = async (sql: string): Promise<Record<string, any>> => (await dataSource.query(sql))[0];

describe("the places-and-levels migration", () => {
  it("upgrades a database with products, corrects 3★ levels to the district before 2025-07-01, and undoes cleanly", async () => {
    const counts = `SELECT (SELECT count(*) FROM ocop_product)::int AS products, (SELECT count(*) FROM ocop_owner)::int AS owners, (SELECT count(*) FROM ocop_certification)::int AS certifications`;
    const before = await one(counts);
    // The data-version, certificate-index and search-words migrations (and the vacuum after them) came after it: undone
    // first, applied again below.
    await dataSource.undoLastMigration({ transaction: "each" });
    await dataSource.undoLastMigration({ transaction: "each" });
    await dataSource.undoLastMigration({ transaction: "each" });
    await dataSource.undoLastMigration({ transaction: "each" });
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await one(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'ocop_product' AND column_name = 'commune_id'`)).toEqual({
      n: 0,
    });
    // What the old rule let an installation record: 3★ by the province on 2025-03-01.
    const [{ id }] = await dataSource.query(`SELECT id FROM ocop_product WHERE admin_unit_code ~ '^[0-9]{3}$' ORDER BY name LIMIT 1`);
    await dataSource.query(
      `INSERT INTO ocop_certification (id, product_id, sequence, kind, score_a, score_b, score_c, stars, level, decision_number, decided_on, valid_until)
       SELECT '00000000-0000-5000-8000-0000000000aa', $1, max(sequence) + 1, 'RENEWAL', 25, 15, 20, 3, 'PROVINCE', '77/QĐ-UBND', DATE '2025-03-03', DATE '2028-03-02'
       FROM ocop_certification WHERE product_id = $1`,
      [id],
    );

    await dataSource.runMigrations({ transaction: "each" });
    const after = await one(counts);
    expect(after).toEqual({ ...before, certifications: before.certifications + 1 });
    expect(await one(`SELECT count(*)::int AS n FROM ocop_certification WHERE stars = 3 AND level = 'PROVINCE' AND decided_on < '2025-07-01'`)).toEqual({
      n: 0,
    });
    expect(await one(`SELECT count(*)::int AS n FROM ocop_product WHERE commune_id IS NOT NULL`)).toEqual({ n: 0 });
    expect(await one(`SELECT level, version FROM ocop_certification WHERE id = '00000000-0000-5000-8000-0000000000aa'`)).toEqual({
      level: "DISTRICT",
      version: 2,
    });
    // The new rule holds for what is written from now on: no 3★ by a district after Decision 1489/QĐ-TTg.
    expect(await one(`SELECT count(*)::int AS n FROM ocop_certification WHERE stars = 3 AND decided_on >= '2025-07-06'`)).not.toEqual({ n: 0 });
    await expect(dataSource.query(`UPDATE ocop_certification SET level = 'DISTRICT' WHERE stars = 3 AND decided_on >= '2025-07-06'`)).rejects.toThrow(
      /ocop_certification_level_by_date_check/u,
    );
  });
});
