import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 13. Owners and products lie in a commune (a unit version id of @kttt/reference) since a date; the district
 * before 2025-07-01 and the commune today follow from it. Unit codes may be communes (5 digits) for what is registered
 * after the district level ended. Existing rows keep their district and no commune (not recorded).
 *
 * The level that recognises 3★ follows Decision 1489/QĐ-TTg from 2025-07-06 (it was assumed to change on 2025-01-01):
 * 3★ certificates recorded as PROVINCE before 2025-07-01 were decided by the district, and are corrected; one dated
 * 1–5 July 2025 (no district committee any more, Decision 1489 not yet signed) is left as recorded: the check is
 * NOT VALID for rows written before it, and new writes refuse a 3★ decision on those days.
 * Decisions after the seed text's date are marked illustrative where the demo loaded them.
 */
export class OcopPlacesAndLevels1732406400103 implements MigrationInterface {
  name = "OcopPlacesAndLevels1732406400103";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["ocop_owner", "ocop_product"]) {
      await q.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${table}_admin_unit_code_check,
          ADD CONSTRAINT ${table}_admin_unit_code_check CHECK (admin_unit_code ~ '^[0-9]{3}([0-9]{2})?$'),
          ADD COLUMN commune_id text,
          ADD COLUMN commune_since date,
          ADD CONSTRAINT ${table}_commune_since_check CHECK ((commune_id IS NULL) = (commune_since IS NULL))`);
      await q.query(`CREATE INDEX ${table}_commune_idx ON ${table} (commune_id)`);
    }
    await q.query(`ALTER TABLE ocop_product ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE ocop_certification ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);

    // The level check of the initial migration was an unnamed table constraint: find it by what it says.
    const [check] = (await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'ocop_certification'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%CENTRAL%' AND pg_get_constraintdef(oid) LIKE '%decided_on%'`,
    )) as { conname: string }[];
    if (check) await q.query(`ALTER TABLE ocop_certification DROP CONSTRAINT "${check.conname}"`);
    await q.query(
      `UPDATE ocop_certification SET level = 'DISTRICT', version = version + 1 WHERE stars = 3 AND level = 'PROVINCE' AND decided_on < DATE '2025-07-01'`,
    );
    await q.query(`
      ALTER TABLE ocop_certification ADD CONSTRAINT ocop_certification_level_by_date_check CHECK (
        (stars = 5 AND level = 'CENTRAL') OR (stars = 4 AND level = 'PROVINCE')
        OR (stars = 3 AND level = CASE WHEN decided_on >= DATE '2025-07-06' THEN 'PROVINCE' ELSE 'DISTRICT' END)) NOT VALID`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The earlier checks come back for new rows only (NOT VALID): rows written under this migration's rules stay.
    await q.query(`
      ALTER TABLE ocop_certification DROP CONSTRAINT ocop_certification_level_by_date_check, DROP COLUMN illustrative,
        ADD CHECK ((stars = 5 AND level = 'CENTRAL') OR (stars = 4 AND level = 'PROVINCE')
            OR (stars = 3 AND level = CASE WHEN decided_on >= DATE '2025-01-01' THEN 'PROVINCE' ELSE 'DISTRICT' END)) NOT VALID`);
    await q.query(`ALTER TABLE ocop_product DROP COLUMN illustrative`);
    for (const table of ["ocop_owner", "ocop_product"]) {
      await q.query(`
        ALTER TABLE ${table} DROP COLUMN commune_since, DROP COLUMN commune_id,
          DROP CONSTRAINT ${table}_admin_unit_code_check,
          ADD CONSTRAINT ${table}_admin_unit_code_check CHECK (admin_unit_code ~ '^[0-9]{3}$') NOT VALID`);
    }
  }
}
