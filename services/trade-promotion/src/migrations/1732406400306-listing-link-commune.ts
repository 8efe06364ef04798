import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A listing's and a supply-demand link's seller lies in a commune (a unit version of @kttt/reference) since a date, as
 * participants do; the district before 2025-07-01 and today's commune follow from it. Existing rows keep their unit
 * code and no commune (not recorded).
 */
export class ListingLinkCommune1732406400306 implements MigrationInterface {
  name = "ListingLinkCommune1732406400306";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["ecommerce_listing", "supply_demand_link"]) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN commune_id text CHECK (commune_id ~ '^[0-9]{5}(@[0-9]{4}-[0-9]{2}-[0-9]{2})?$'),
          ADD COLUMN commune_since date,
          ADD CONSTRAINT ${table}_commune_since_check CHECK ((commune_id IS NULL) = (commune_since IS NULL))`);
      await q.query(`CREATE INDEX ${table}_commune_idx ON ${table} (commune_id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["ecommerce_listing", "supply_demand_link"]) await q.query(`ALTER TABLE ${table} DROP COLUMN commune_since, DROP COLUMN commune_id`);
  }
}
