import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An illustrative programme (dữ liệu minh họa: the demo's 2026 programmes, until now said only in their names) says so, as
 * OCOP's products and trade promotion's events do. Programmes written by people keep false.
 */
export class ProgrammeIllustrative1732406400206 implements MigrationInterface {
  name = "ProgrammeIllustrative1732406400206";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE support_programme ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE support_programme DROP COLUMN illustrative`);
  }
}
