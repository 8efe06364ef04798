import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Organisations lie in a commune (a unit version) since a date; the district before 2025-07-01 and the commune
 * today follow from it through the unit changes. Existing rows keep their district and no commune (not recorded).
 */
export class OrganizationCommune1751328000001 implements MigrationInterface {
  name = "OrganizationCommune1751328000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organization
        ADD COLUMN commune_id text REFERENCES admin_unit (id),
        ADD COLUMN commune_since date,
        ADD CONSTRAINT organization_commune_since_check CHECK ((commune_id IS NULL) = (commune_since IS NULL))`);
    await q.query(`CREATE INDEX organization_commune_idx ON organization (commune_id, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization DROP COLUMN commune_since, DROP COLUMN commune_id`);
  }
}
