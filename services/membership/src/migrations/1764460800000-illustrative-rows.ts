import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Illustrative rows (dữ liệu minh họa) say so, as OCOP's products and certificates and trade promotion's events do: an
 * organisation registered or dissolved in the demo's 2025–2026 window, the 2025 figures and the 2025 size classes.
 * Rows written by people keep false; existing demo databases are marked from the window the seed used.
 */
export class IllustrativeRows1764460800000 implements MigrationInterface {
  name = "IllustrativeRows1764460800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE financial_report ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE classification ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE classification DROP COLUMN illustrative`);
    await q.query(`ALTER TABLE financial_report DROP COLUMN illustrative`);
    await q.query(`ALTER TABLE organization DROP COLUMN illustrative`);
  }
}
