import type { MigrationInterface, QueryRunner } from "typeorm";
import { ADMIN_UNIT_CHANGES, ADMIN_UNIT_VERSIONS } from "@kttt/reference";

/**
 * Writes the units and changes of @kttt/reference into the tables, inserting what is new and updating what
 * changed, so a later correction of the reference data is one more migration calling this.
 */
export async function syncAdminUnits(q: QueryRunner): Promise<void> {
  await q.query(
    `INSERT INTO admin_unit (id, code, name, kind, level, province_code, parent_id, valid_from, valid_to, legal_basis, change_note)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(id text, code text, name text, kind text, level text, province_code text, parent_id text, valid_from date, valid_to date, legal_basis text, change_note text)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, legal_basis = EXCLUDED.legal_basis, change_note = EXCLUDED.change_note`,
    [
      JSON.stringify(
        ADMIN_UNIT_VERSIONS.map((v) => ({
          id: v.id,
          code: v.code,
          name: v.name,
          kind: v.kind,
          level: v.level,
          province_code: "42",
          parent_id: v.parentId,
          valid_from: v.validFrom,
          valid_to: v.validTo,
          legal_basis: v.legalBasis,
          change_note: v.note,
        })),
      ),
    ],
  );
  await q.query(`DELETE FROM admin_unit_change`);
  await q.query(
    `INSERT INTO admin_unit_change (from_id, to_id, share, took_effect_on, legal_basis, inferred, note)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(from_id text, to_id text, share text, took_effect_on date, legal_basis text, inferred boolean, note text)`,
    [
      JSON.stringify(
        ADMIN_UNIT_CHANGES.map((c) => ({
          from_id: c.fromId,
          to_id: c.toId,
          share: c.share,
          took_effect_on: c.on,
          legal_basis: c.legalBasis,
          inferred: c.inferred,
          note: c.note,
        })),
      ),
    ],
  );
}

/**
 * Units on any date: the province, the 13 districts and the communes of the three maps (mid-2024, January–June
 * 2025, the 69 communes since 2025-07-01), one row per version with parent, dates and legal basis, and the
 * changes between them. Organisations keep their unit code; the code is checked by date when written, since
 * a bare code no longer names one row.
 */
export class UnitHistory1751328000000 implements MigrationInterface {
  name = "UnitHistory1751328000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization DROP CONSTRAINT IF EXISTS organization_admin_unit_code_fkey`);
    await q.query(`ALTER TABLE admin_unit DROP CONSTRAINT IF EXISTS admin_unit_successor_code_fkey`);
    await q.query(`ALTER TABLE admin_unit DROP CONSTRAINT IF EXISTS admin_unit_code_check`);
    await q.query(`ALTER TABLE admin_unit DROP CONSTRAINT IF EXISTS admin_unit_kind_check`);
    await q.query(`ALTER TABLE admin_unit DROP CONSTRAINT admin_unit_pkey`);
    await q.query(`ALTER TABLE admin_unit DROP COLUMN successor_code`);
    await q.query(
      `ALTER TABLE admin_unit ADD COLUMN id text, ADD COLUMN level text NOT NULL DEFAULT 'DISTRICT', ADD COLUMN parent_id text, ADD COLUMN legal_basis text`,
    );
    await q.query(`UPDATE admin_unit SET id = code`);
    await q.query(
      `ALTER TABLE admin_unit ALTER COLUMN id SET NOT NULL, ADD PRIMARY KEY (id), ALTER COLUMN level DROP DEFAULT, ALTER COLUMN valid_from DROP NOT NULL`,
    );
    await q.query(`
      ALTER TABLE admin_unit
        ADD CONSTRAINT admin_unit_code_check CHECK (code ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$'),
        ADD CONSTRAINT admin_unit_kind_check CHECK (kind IN ('PROVINCE', 'CITY', 'TOWN', 'DISTRICT', 'WARD', 'COMMUNE', 'TOWNSHIP')),
        ADD CONSTRAINT admin_unit_level_check CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        ADD CONSTRAINT admin_unit_parent_fkey FOREIGN KEY (parent_id) REFERENCES admin_unit (id),
        ADD COLUMN search_text text GENERATED ALWAYS AS (kttt_fold(name || ' ' || code)) STORED`);
    await q.query(`CREATE UNIQUE INDEX admin_unit_code_from_idx ON admin_unit (code, valid_from) NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX admin_unit_search_idx ON admin_unit USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_id)`);
    await q.query(`
      CREATE TABLE admin_unit_change (
        from_id text NOT NULL REFERENCES admin_unit (id),
        to_id text NOT NULL REFERENCES admin_unit (id),
        share text NOT NULL CHECK (share IN ('WHOLE', 'PART')),
        took_effect_on date NOT NULL,
        legal_basis text NOT NULL,
        inferred boolean NOT NULL,
        note text,
        PRIMARY KEY (from_id, to_id)
      )`);
    await q.query(`CREATE INDEX admin_unit_change_to_idx ON admin_unit_change (to_id)`);
    await syncAdminUnits(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_unit_change`);
    await q.query(
      `ALTER TABLE admin_unit DROP CONSTRAINT admin_unit_parent_fkey, DROP CONSTRAINT admin_unit_level_check, DROP CONSTRAINT admin_unit_kind_check, DROP CONSTRAINT admin_unit_code_check`,
    );
    await q.query(`DELETE FROM admin_unit WHERE level <> 'DISTRICT'`);
    await q.query(`DROP INDEX admin_unit_code_from_idx`);
    await q.query(
      `ALTER TABLE admin_unit DROP CONSTRAINT admin_unit_pkey, DROP COLUMN search_text, DROP COLUMN id, DROP COLUMN level, DROP COLUMN parent_id, DROP COLUMN legal_basis`,
    );
    await q.query(
      `ALTER TABLE admin_unit ADD PRIMARY KEY (code), ADD COLUMN successor_code text REFERENCES admin_unit (code), ALTER COLUMN valid_from SET NOT NULL`,
    );
    await q.query(
      `ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_code_check CHECK (code ~ '^[0-9]{3}$'), ADD CONSTRAINT admin_unit_kind_check CHECK (kind IN ('CITY', 'TOWN', 'DISTRICT'))`,
    );
    await q.query(`UPDATE admin_unit SET successor_code = '445' WHERE code = '448'`);
    await q.query(`ALTER TABLE organization ADD CONSTRAINT organization_admin_unit_code_fkey FOREIGN KEY (admin_unit_code) REFERENCES admin_unit (code)`);
  }
}
