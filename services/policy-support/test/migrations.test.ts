/**
 * Policy support's migrations once had membership's names and timestamps (Initial1732406400000…);
 * they now have their own. A database migrated under the old names must start and migrate cleanly:
 * its records are renamed, nothing is run twice, and what is new is applied.
 */
import { openDatabase } from "@kttt/core";
import { createTestDatabase, type TestDatabase } from "@kttt/testkit";
import { migrations } from "../src/migrations";
import { BeneficiaryCommune1732406400204 } from "../src/migrations/1732406400204-beneficiary-commune";
import { AgencyCommune1732406400205 } from "../src/migrations/1732406400205-agency-commune";
import { ProgrammeIllustrative1732406400206 } from "../src/migrations/1732406400206-programme-illustrative";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("policy-support", "empty");
});
afterAll(() => database?.drop());

const applied = async (query: (sql: string) => Promise<{ name: string; timestamp: string }[]>) =>
  (await query("SELECT name, timestamp::text FROM schema_migrations ORDER BY id")).map((r) => `${r.name}@${r.timestamp}`);

it("upgrades a database migrated under the former names", async () => {
  // The database as the former code left it: its records under the old names, the plan years of old.
  const old = await openDatabase({ url: database.url, entities: [], migrations, poolSize: 1 });
  // Migrations added since are undone: the former code did not have them.
  const runner = old.dataSource.createQueryRunner();
  const [DataVersion, SearchWords] = migrations.slice(-3);
  await new SearchWords().down(runner);
  await new DataVersion().down(runner);
  await new ProgrammeIllustrative1732406400206().down(runner);
  await new AgencyCommune1732406400205().down(runner);
  await new BeneficiaryCommune1732406400204().down(runner);
  await runner.release();
  await old.dataSource.query(
    "DELETE FROM schema_migrations WHERE name IN ('BeneficiaryCommune1732406400204', 'AgencyCommune1732406400205', 'ProgrammeIllustrative1732406400206', 'DataVersion1732406400207', 'PolicySearchWords1796169600200', 'PolicyVacuumSearchWords1796169600201')",
  );
  await old.dataSource.query(`
    UPDATE schema_migrations SET name = CASE name
      WHEN 'PolicySupportInitial1732406400200' THEN 'Initial1732406400000'
      WHEN 'MutationReceipts1732406400201' THEN 'MutationReceipts1732406400001'
      WHEN 'AuditTrail1732406400202' THEN 'AuditTrail1732406400002' END,
    timestamp = timestamp - 200 WHERE name <> 'PlanYears1732406400203'`);
  await old.dataSource.query("DELETE FROM schema_migrations WHERE name = 'PlanYears1732406400203'");
  await old.dataSource.query(
    "ALTER TABLE development_plan DROP CONSTRAINT development_plan_year_check, ADD CONSTRAINT development_plan_year_check CHECK (year BETWEEN 2000 AND 2100)",
  );
  expect(await applied((sql) => old.dataSource.query(sql))).toEqual([
    "Initial1732406400000@1732406400000",
    "MutationReceipts1732406400001@1732406400001",
    "AuditTrail1732406400002@1732406400002",
  ]);
  await old.dataSource.destroy();

  const upgraded = await openDatabase({ url: database.url, entities: [], migrations, poolSize: 1 });
  try {
    expect(await applied((sql) => upgraded.dataSource.query(sql))).toEqual([
      "PolicySupportInitial1732406400200@1732406400200",
      "MutationReceipts1732406400201@1732406400201",
      "AuditTrail1732406400202@1732406400202",
      "PlanYears1732406400203@1732406400203",
      "BeneficiaryCommune1732406400204@1732406400204",
      "AgencyCommune1732406400205@1732406400205",
      "ProgrammeIllustrative1732406400206@1732406400206",
      "DataVersion1732406400207@1732406400207",
      "PolicySearchWords1796169600200@1796169600200",
      "PolicyVacuumSearchWords1796169600201@1796169600201",
    ]);
    expect(await upgraded.dataSource.showMigrations()).toBe(false);
    const [check] = await upgraded.dataSource.query(
      "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'development_plan_year_check'",
    );
    expect(check.definition).toContain("1990");
  } finally {
    await upgraded.dataSource.destroy();
  }
});
