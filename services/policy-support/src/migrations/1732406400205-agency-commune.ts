import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Agencies may lie in a commune (a unit version of @kttt/reference) since a date, as beneficiaries do. The sources give
 * no seat (trụ sở) for any agency, the district People's Committees included, so every existing row keeps both null:
 * not known, never guessed from the district's name or its chief town.
 */
export class AgencyCommune1732406400205 implements MigrationInterface {
  name = "AgencyCommune1732406400205";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency
        ADD COLUMN commune_id text CHECK (commune_id ~ '^[0-9]{5}(@[0-9]{4}-[0-9]{2}-[0-9]{2})?$'),
        ADD COLUMN commune_since date,
        ADD CONSTRAINT agency_commune_since_check CHECK ((commune_id IS NULL) = (commune_since IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN commune_since, DROP COLUMN commune_id`);
  }
}
