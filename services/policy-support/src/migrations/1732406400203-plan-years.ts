import type { MigrationInterface, QueryRunner } from "typeorm";

/** Plans take the years every subgraph accepts (core's FIRST_YEAR…LAST_YEAR, 1990–2100), not 2000–2100. */
export class PlanYears1732406400203 implements MigrationInterface {
  name = "PlanYears1732406400203";

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE development_plan DROP CONSTRAINT development_plan_year_check");
    await q.query("ALTER TABLE development_plan ADD CONSTRAINT development_plan_year_check CHECK (year BETWEEN 1990 AND 2100)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE development_plan DROP CONSTRAINT development_plan_year_check");
    await q.query("ALTER TABLE development_plan ADD CONSTRAINT development_plan_year_check CHECK (year BETWEEN 2000 AND 2100)");
  }
}
