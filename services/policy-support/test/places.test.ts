/** Beneficiaries in communes (issue 13): the COMMUNE rule's getters, and statistics by a map in one statement each. */
import { today } from "@kttt/core";
import { communeCodeOn, unitOn } from "@kttt/reference";
import { SupportBeneficiary } from "../src/entities/beneficiary";
import { startTestPolicySupport, type TestPolicySupport } from "./helpers";

let s: TestPolicySupport;
beforeAll(async () => {
  s = await startTestPolicySupport("demo");
});
afterAll(() => s?.stop());

const STATS = `query($year: Int!, $unitMap: UnitMap) { policySupportStatistics(year: $year, groupBy: ADMIN_UNIT, unitMap: $unitMap) { unitMapDate total { allocationCount } groups { key figures { allocationCount } } } }`;

describe("beneficiaries in communes", () => {
  it("gives every allocation its commune and exposes today's commune code for the COMMUNE rule", async () => {
    const rows = await s.service.dataSource.getRepository(SupportBeneficiary).find();
    expect(rows.every((b) => b.communeId !== null && b.communeSince !== null)).toBe(true);
    for (const b of rows.slice(0, 500)) expect(b.communeCodeToday).toBe(communeCodeOn(b.communeId, null, today()));
    expect(rows.filter((b) => b.communeCodeToday !== null).length).toBeGreaterThan(rows.length * 0.9);
  });

  it("gives each payment its beneficiary's commune when served through the beneficiary", async () => {
    const [row] = await s.service.dataSource.query(
      `SELECT b.id, b.commune_id FROM support_beneficiary b WHERE EXISTS (SELECT 1 FROM disbursement d WHERE d.beneficiary_id = b.id) ORDER BY b.id LIMIT 1`,
    );
    const { createLoaders } = await import("../src/loaders");
    const { SupportBeneficiaryResolver } = await import("../src/resolvers/programme.resolver");
    const beneficiary = await s.service.dataSource.getRepository(SupportBeneficiary).findOneByOrFail({ id: row.id });
    const payments = await new SupportBeneficiaryResolver().disbursements(beneficiary, { loaders: createLoaders(s.service.dataSource) } as never);
    expect(payments.length).toBeGreaterThan(0);
    for (const d of payments) expect(d.communeCodeToday).toBe(communeCodeOn(row.commune_id, null, today()));
  });

  it("answers statistics by unit in one statement, on the period's map or today's", async () => {
    for (const [year, unitMap, level] of [
      [2024, null, "DISTRICT"],
      [2026, null, "COMMUNE"],
      [2023, "TODAY", "COMMUNE"],
    ] as const) {
      s.service.statements.start();
      const res = await s.query(STATS, { year, unitMap });
      // A closed year reads the data version first (core's cachedAggregate), then the one statement.
      expect(s.service.statements.stop()).toBe(year < 2026 ? 2 : 1);
      expect(res.errors).toBeUndefined();
      const stats = res.data.policySupportStatistics;
      const units = stats.groups.filter((g: any) => g.key !== null);
      expect(units.length).toBeGreaterThan(10);
      for (const g of units) expect(unitOn(g.key, stats.unitMapDate)?.level).toBe(level);
      expect(stats.groups.reduce((a: number, g: any) => a + g.figures.allocationCount, 0)).toBe(stats.total.allocationCount);
    }
  });
});
