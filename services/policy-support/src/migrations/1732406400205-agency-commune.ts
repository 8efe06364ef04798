import { addCommuneColumns, dropCommuneColumns } from "@kttt/core";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Agencies may lie in a commune (a unit version of @kttt/reference) since a date, as beneficiaries do. The sources give
 * no seat (trụ sở) for any agency, the district People's Committees included, so every existing row keeps both null:
 * not known, never guessed from the district's name or its chief town.
 */
export class AgencyCommune1732406400205 implements MigrationInterface {
  name = "AgencyCommune1732406400205";

  async up(q: QueryRunner): Promise<void> {
    await addCommuneColumns(q, "agency", { index: false });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCommuneColumns(q, "agency");
  }
}
