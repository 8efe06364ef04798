import { startTestPolicySupport, type TestPolicySupport } from "./helpers";

let s: TestPolicySupport;
beforeAll(async () => {
  s = await startTestPolicySupport("demo");
});
afterAll(() => s?.stop());

const FIGURES = "planned disbursed implementationRate beneficiaryCount allocationCount managersTrained";
const STATISTICS = /* GraphQL */ `
  query($year: Int!, $groupBy: PolicySupportGroupBy) {
    policySupportStatistics(year: $year, groupBy: $groupBy) {
      year groupBy
      total { ${FIGURES} }
      groups { key label agency { code } adminUnit { id } figures { ${FIGURES} } }
    }
  }`;

const big = (v: string) => BigInt(v);

describe("policySupportStatistics on the demo data", () => {
  it.each(["POLICY_KIND", "AGENCY", "FUNDING_SOURCE", "ADMIN_UNIT"])("breaks %s down into groups that add up to the total", async (groupBy) => {
    const res = await s.query(STATISTICS, { year: 2024, groupBy });
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data.policySupportStatistics;
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.reduce((a: bigint, g: any) => a + big(g.figures.planned), 0n)).toBe(big(total.planned));
    expect(groups.reduce((a: bigint, g: any) => a + big(g.figures.disbursed), 0n)).toBe(big(total.disbursed));
    expect(groups.reduce((a: number, g: any) => a + g.figures.allocationCount, 0)).toBe(total.allocationCount);
    // An organisation helped by two agencies counts once in the total, once in each group.
    expect(groups.reduce((a: number, g: any) => a + g.figures.beneficiaryCount, 0)).toBeGreaterThanOrEqual(total.beneficiaryCount);
    for (const g of groups) {
      expect(g.label).not.toBe("");
      if (groupBy === "AGENCY") expect(g.agency.code).toBe(g.key);
      if (groupBy === "ADMIN_UNIT") expect(g.adminUnit.id).toBe(g.key);
    }
  });

  it("shows the low implementation rate the review speaks of, from the exact sums", async () => {
    const res = await s.query(STATISTICS, { year: 2024, groupBy: "POLICY_KIND" });
    const { total, groups } = res.data.policySupportStatistics;
    // To 6 places, rounded half up from the exact sums (2 × disbursed × 10⁶ + planned) ÷ (2 × planned).
    const [disbursed, planned] = [big(total.disbursed), big(total.planned)];
    expect(total.implementationRate).toBe(Number((2n * disbursed * 1_000_000n + planned) / (2n * planned)) / 1_000_000);
    expect(total.implementationRate).toBeGreaterThan(0.2);
    expect(total.implementationRate).toBeLessThan(0.45);
    const rateOf = (key: string) => groups.find((g: any) => g.key === key).figures.implementationRate;
    expect(rateOf("CREDIT_DEVELOPMENT_FUND")).toBeLessThan(total.implementationRate);
    expect(rateOf("LAND")).toBeLessThan(total.implementationRate);
    expect(rateOf("HUMAN_RESOURCES")).toBeGreaterThan(total.implementationRate);
  });

  it("agrees with the rows: approvals of the year, their disbursements, distinct organisations", async () => {
    const [row] = await s.service.dataSource.query(`
      SELECT sum(b.planned_amount)::text AS planned, (SELECT sum(d.amount) FROM disbursement d JOIN support_beneficiary x ON x.id = d.beneficiary_id
              WHERE x.approved_on BETWEEN '2024-01-01' AND '2024-12-31')::text AS disbursed,
             count(DISTINCT b.organization_id)::int AS orgs
      FROM support_beneficiary b WHERE b.approved_on BETWEEN '2024-01-01' AND '2024-12-31'`);
    const res = await s.query(STATISTICS, { year: 2024 });
    expect(res.data.policySupportStatistics.total).toMatchObject({ planned: row.planned, disbursed: row.disbursed, beneficiaryCount: row.orgs });
    expect(res.data.policySupportStatistics.groups).toEqual([]);
  });

  it("answers zeros and no rate for a year without programmes, and refuses an impossible year", async () => {
    const empty = await s.query(STATISTICS, { year: 2019 });
    expect(empty.data.policySupportStatistics.total).toEqual({
      planned: "0",
      disbursed: "0",
      implementationRate: null,
      beneficiaryCount: 0,
      allocationCount: 0,
      managersTrained: 0,
    });
    const bad = await s.query(STATISTICS, { year: 1800 });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year", reason: "YEAR_OUT_OF_RANGE" });
  });

  it("gives every unit its policySupport(year) so that the units add up to the province", async () => {
    const units = ["436", "437", "439", "440", "441", "442", "443", "444", "445", "446", "447", "448", "449"];
    const res = await s.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { id policySupport(year: 2024) { ${FIGURES} } } } }`, {
      r: units.map((code) => ({ __typename: "AdminUnit", id: code })),
    });
    expect(res.errors).toBeUndefined();
    const total = (await s.query(STATISTICS, { year: 2024 })).data.policySupportStatistics.total;
    expect(res.data._entities.reduce((a: bigint, u: any) => a + big(u.policySupport.planned), 0n)).toBe(big(total.planned));
    expect(res.data._entities.reduce((a: bigint, u: any) => a + big(u.policySupport.disbursed), 0n)).toBe(big(total.disbursed));
    expect(res.data._entities.every((u: any) => u.policySupport.allocationCount > 0)).toBe(true);
  });

  it("shows the 2024 plan's targets against its results", async () => {
    const res = await s.query(
      `{ developmentPlan(year: 2024) { year document { number type note } targets { indicator unit target targetAmount actual actualAmount achieved achievementRate } } }`,
    );
    expect(res.errors).toBeUndefined();
    const plan = res.data.developmentPlan;
    expect(plan.document).toMatchObject({ type: "PLAN", note: expect.stringMatching(/minh họa/u) });
    const by = Object.fromEntries(plan.targets.map((t: any) => [t.indicator, t]));
    expect(by.GOOD_OR_FAIR_SHARE).toMatchObject({ unit: "PERCENT", actual: 38.56, achieved: false });
    expect(by.TRAINED_MANAGERS.achieved).toBe(false);
    expect(by.COOPERATIVE_COUNT).toMatchObject({ actual: 975, achieved: false });
    expect(by.AVERAGE_WORKER_INCOME).toMatchObject({ unit: "VND", target: null, actualAmount: "4000000", achieved: false });
    const stats = (await s.query(STATISTICS, { year: 2024 })).data.policySupportStatistics.total;
    expect(by.SUPPORT_DISBURSEMENT_RATE.actual).toBeCloseTo(stats.implementationRate * 100, 2);
    expect(by.TRAINED_MANAGERS.actual).toBe(stats.managersTrained);
    const plan2025 = await s.query(`{ developmentPlan(year: 2025) { targets { actual achieved } } }`);
    expect(plan2025.data.developmentPlan.targets.every((t: any) => t.actual === null && t.achieved === null)).toBe(true);
  });
});
