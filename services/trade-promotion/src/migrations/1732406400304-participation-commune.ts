import { addCommuneColumns, checkUnitCodes, DISTRICT_CODE, DISTRICT_OR_COMMUNE_CODE, dropCommuneColumns } from "@kttt/core";
import type { MigrationInterface, QueryRunner } from "typeorm";

/** The tables with a unit code. */
const TABLES = ["trade_event", "trade_participation", "ecommerce_listing", "supply_demand_link"];

/**
 * Participants lie in a commune (a unit version of @kttt/reference, e.g. 18202 or 18202@2025-07-01) since a date,
 * as membership's organisations do; the district before 2025-07-01 and today's commune follow from it. Unit codes
 * may be communes (5 digits) as well as districts, since the district level ended on 2025-07-01. Existing rows keep
 * their district and no commune (not recorded).
 */
export class ParticipationCommune1732406400304 implements MigrationInterface {
  name = "ParticipationCommune1732406400304";

  async up(q: QueryRunner): Promise<void> {
    await addCommuneColumns(q, "trade_participation");
    for (const table of TABLES) await checkUnitCodes(q, table, DISTRICT_OR_COMMUNE_CODE);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await checkUnitCodes(q, table, DISTRICT_CODE);
    await dropCommuneColumns(q, "trade_participation");
  }
}
