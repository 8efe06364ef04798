import { addCommuneColumns, dropCommuneColumns } from "@kttt/core";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A listing's and a supply-demand link's seller lies in a commune (a unit version of @kttt/reference) since a date, as
 * participants do; the district before 2025-07-01 and today's commune follow from it. Existing rows keep their unit
 * code and no commune (not recorded).
 */
export class ListingLinkCommune1732406400306 implements MigrationInterface {
  name = "ListingLinkCommune1732406400306";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["ecommerce_listing", "supply_demand_link"]) await addCommuneColumns(q, table, { indent: 8 });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["ecommerce_listing", "supply_demand_link"]) await dropCommuneColumns(q, table);
  }
}
