import { unitOn } from "@kttt/reference";
import { addCommuneColumns, dropCommuneColumns } from "@kttt/core";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Events held in the province lie in a commune (a unit version of @kttt/reference) since their first day, where one is
 * recorded: an event recorded under a commune code gets that commune (the unit bearing the code on its first day). Events
 * recorded under a district only (the sources name the district, not the commune), held outside the province or online
 * keep no commune: not recorded, never guessed.
 */
export class EventCommune1732406400305 implements MigrationInterface {
  name = "EventCommune1732406400305";

  async up(q: QueryRunner): Promise<void> {
    await addCommuneColumns(q, "trade_event", {
      also: ["ADD CONSTRAINT trade_event_commune_held_check CHECK (commune_id IS NULL OR admin_unit_code IS NOT NULL)"],
    });
    const rows = (await q.query(
      `SELECT id, admin_unit_code AS code, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM trade_event WHERE admin_unit_code ~ '^[0-9]{5}$'`,
    )) as { id: string; code: string; starts_on: string }[];
    for (const row of rows) {
      const unit = unitOn(row.code, row.starts_on);
      if (unit?.level === "COMMUNE") await q.query(`UPDATE trade_event SET commune_id = $2, commune_since = starts_on WHERE id = $1`, [row.id, unit.id]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCommuneColumns(q, "trade_event");
  }
}
