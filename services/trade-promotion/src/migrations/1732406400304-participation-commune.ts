import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Participants lie in a commune (a unit version of @kttt/reference, e.g. 18202 or 18202@2025-07-01) since a date,
 * as membership's organisations do; the district before 2025-07-01 and today's commune follow from it. Unit codes
 * may be communes (5 digits) as well as districts, since the district level ended on 2025-07-01. Existing rows keep
 * their district and no commune (not recorded).
 */
export class ParticipationCommune1732406400304 implements MigrationInterface {
  name = "ParticipationCommune1732406400304";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trade_participation
        ADD COLUMN commune_id text CHECK (commune_id ~ '^[0-9]{5}(@[0-9]{4}-[0-9]{2}-[0-9]{2})?$'),
        ADD COLUMN commune_since date,
        ADD CONSTRAINT trade_participation_commune_since_check CHECK ((commune_id IS NULL) = (commune_since IS NULL))`);
    await q.query(`CREATE INDEX trade_participation_commune_idx ON trade_participation (commune_id)`);
    for (const table of ["trade_event", "trade_participation", "ecommerce_listing", "supply_demand_link"]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_admin_unit_code_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_admin_unit_code_check CHECK (admin_unit_code ~ '^([0-9]{3}|[0-9]{5})$')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["trade_event", "trade_participation", "ecommerce_listing", "supply_demand_link"]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_admin_unit_code_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_admin_unit_code_check CHECK (admin_unit_code ~ '^[0-9]{3}$')`);
    }
    await q.query(`ALTER TABLE trade_participation DROP COLUMN commune_since, DROP COLUMN commune_id`);
  }
}
