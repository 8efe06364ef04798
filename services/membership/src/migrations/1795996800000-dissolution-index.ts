import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The statistics of a date start from its half-year's end and read only the organisations founded or dissolved in
 * between: foundings through organization_statistics_idx (kind, established_on), dissolutions through this one.
 * Partial: most organisations are never dissolved.
 */
export class DissolutionIndex1795996800000 implements MigrationInterface {
  name = "DissolutionIndex1795996800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organization_dissolved_idx ON organization (dissolved_on) WHERE dissolved_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS organization_dissolved_idx`);
  }
}
