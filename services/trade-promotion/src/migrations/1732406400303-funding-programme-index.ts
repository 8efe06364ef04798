import type { MigrationInterface, QueryRunner } from "typeorm";

/** The events of many programmes (`SupportProgramme.tradeEvents`) are read by programme, earliest start first. */
export class FundingProgrammeIndex1732406400303 implements MigrationInterface {
  name = "FundingProgrammeIndex1732406400303";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX trade_event_funding_programme_idx ON trade_event (funding_programme_id, starts_on, id) WHERE funding_programme_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS trade_event_funding_programme_idx`);
  }
}
