/**
 * Statistics on figures that do not divide evenly: money averages are whole đồng rounded half away
 * from zero (never a float, never truncated), shares are exact fractions.
 */
import { randomUUID } from "node:crypto";
import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("empty");
  // Three cooperatives of 2023 in unit 444 and one in 436.
  const reports = [
    // charter, revenue, profit, workers, income, managers, trained, rating
    { unit: "444", charter: 1n, revenue: 1n, profit: -1n, workers: 1, income: 1_000_002n, managers: 1, trained: 1, rating: "GOOD" },
    { unit: "444", charter: 2n, revenue: 2n, profit: 0n, workers: 2, income: 1_000_000n, managers: 1, trained: 0, rating: "WEAK" },
    { unit: "444", charter: 2n, revenue: 0n, profit: 0n, workers: 0, income: 0n, managers: 1, trained: 0, rating: "AVERAGE" },
    { unit: "436", charter: 3n, revenue: 2n, profit: 1n, workers: 0, income: 0n, managers: 0, trained: 0, rating: "FAIR" },
  ];
  for (const [i, r] of reports.entries()) {
    const id = randomUUID();
    await m.service.dataSource.query(
      `INSERT INTO organization (id, kind, name, registration_number, admin_unit_code, sector, status, established_on) VALUES ($1, 'COOPERATIVE', $2, $3, $4, 'AGRICULTURE', 'ACTIVE', '2020-01-01')`,
      [id, `Hợp tác xã Làm tròn ${i + 1}`, `309800000${i}`, r.unit],
    );
    await m.service.dataSource.query(
      `INSERT INTO financial_report (organization_id, year, charter_capital, revenue, profit, regular_workers, average_monthly_income, managers_total, managers_trained, it_readiness)
       VALUES ($1, 2023, $2, $3, $4, $5, $6, $7, $8, 'NONE')`,
      [id, r.charter, r.revenue, r.profit, r.workers, r.income, r.managers, r.trained],
    );
    await m.service.dataSource.query(
      `INSERT INTO classification (organization_id, year, scheme, score, rating) VALUES ($1, 2023, 'CIRCULAR_01_2020', 60, $2)`,
      [id, r.rating],
    );
  }
});
afterAll(() => m?.stop());

const FIGURES = `{ reportingCooperativeCount charterCapital { total average } revenue { total average } profit { total average } averageWorkerMonthlyIncome goodOrFairShare managersTrainedShare }`;

it("rounds money averages to whole đồng, half away from zero, and keeps shares exact", async () => {
  const res = await m.query(`{ membershipStatistics(year: 2023, groupBy: ADMIN_UNIT) { total ${FIGURES} groups { key figures ${FIGURES} } } }`);
  expect(res.errors).toBeUndefined();
  const { total, groups } = res.data.membershipStatistics;
  // 8/4 = 2; 5/4 = 1.25 → 1; 0/4 = 0; workers' income (1 000 002 + 2 × 1 000 000) / 3 = 1 000 000.67 → 1 000 001.
  expect(total).toMatchObject({
    reportingCooperativeCount: 4,
    charterCapital: { total: "8", average: "2" },
    revenue: { total: "5", average: "1" },
    profit: { total: "0", average: "0" },
    averageWorkerMonthlyIncome: "1000001",
  });
  expect(total.goodOrFairShare).toBeCloseTo(2 / 4, 12);
  expect(total.managersTrainedShare).toBeCloseTo(1 / 3, 12);
  const unit444 = groups.find((g: any) => g.key === "444").figures;
  // 5/3 = 1.67 → 2; 3/3 = 1; -1/3 = -0.33 → 0 (not -1: half away from zero, not floor).
  expect(unit444).toMatchObject({ charterCapital: { total: "5", average: "2" }, revenue: { total: "3", average: "1" }, profit: { total: "-1", average: "0" } });
  expect(unit444.goodOrFairShare).toBeCloseTo(1 / 3, 12);
  const unit436 = groups.find((g: any) => g.key === "436").figures;
  // One cooperative without workers: no average income, not 0.
  expect(unit436).toMatchObject({ charterCapital: { average: "3" }, averageWorkerMonthlyIncome: null, managersTrainedShare: null });
});
