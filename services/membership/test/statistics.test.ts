import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

const FIGURES = /* GraphQL */ `
  fragment F on MembershipFigures {
    cooperativeCount
    unionCount
    groupCount
    reportingCooperativeCount
    charterCapital {
      total
      average
    }
    revenue {
      total
      average
    }
    profit {
      total
      average
    }
    regularWorkers
    averageWorkerMonthlyIncome
    goodOrFairShare
    ratingCounts {
      good
      fair
      average
      weak
      notRated
      unclassified
    }
  }
`;

describe("membershipStatistics", () => {
  it("returns the seed's figures for 2024", async () => {
    const res = await m.query(`query { membershipStatistics(year: 2024) { year asOf total { ...F } groups { key } } } ${FIGURES}`);
    expect(res.errors).toBeUndefined();
    const s = res.data.membershipStatistics;
    expect(s.asOf).toBe("2024-12-31");
    expect(s.groups).toEqual([]);
    expect(s.total).toMatchObject({
      cooperativeCount: 975,
      unionCount: 3,
      groupCount: 2538,
      reportingCooperativeCount: 975,
      charterCapital: { total: "1951950000000", average: "2002000000" },
      revenue: { total: "1267500000000", average: "1300000000" },
      profit: { total: "280800000000", average: "288000000" },
      averageWorkerMonthlyIncome: "4000000",
      ratingCounts: { good: 118, fair: 258, average: 343, weak: 224, notRated: 32, unclassified: 0 },
    });
    expect(s.total.goodOrFairShare).toBeCloseTo((118 + 258) / 975, 10);
  });

  it.each(["ADMIN_UNIT", "SECTOR", "RATING"])("breaks down by %s into groups that add up to the total", async (groupBy) => {
    const res = await m.query(
      `query($g: MembershipGroupBy) { membershipStatistics(year: 2024, groupBy: $g) { total { ...F } groups { key label figures { ...F } } } } ${FIGURES}`,
      { g: groupBy },
    );
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data.membershipStatistics;
    expect(groups.length).toBeGreaterThan(1);
    const add = (pick: (f: any) => string | number) => groups.reduce((a: bigint, g: any) => a + BigInt(pick(g.figures)), 0n);
    expect(add((f) => f.cooperativeCount)).toBe(BigInt(total.cooperativeCount));
    expect(add((f) => f.groupCount)).toBe(BigInt(total.groupCount));
    expect(add((f) => f.revenue.total)).toBe(BigInt(total.revenue.total));
    expect(add((f) => f.profit.total)).toBe(BigInt(total.profit.total));
    for (const g of groups) expect(g.label).toMatch(/\S/u);
    if (groupBy === "ADMIN_UNIT") {
      expect(groups).toHaveLength(13);
      expect(groups.find((g: any) => g.key === "444").label).toBe("Huyện Hương Khê");
    }
    if (groupBy === "SECTOR") expect(groups.find((g: any) => g.key === "PEOPLES_CREDIT_FUND").label).toBe("Quỹ tín dụng nhân dân");
    if (groupBy === "RATING") expect(groups.find((g: any) => g.key === "FAIR")).toMatchObject({ label: "Khá", figures: { cooperativeCount: 258 } });
  });

  it("counts organisations as they existed in an earlier year", async () => {
    const res = await m.query(`query { membershipStatistics(year: 2022) { total { cooperativeCount reportingCooperativeCount } } }`);
    const total = res.data.membershipStatistics.total;
    // Cooperatives founded later are not counted, those dissolved later are.
    expect(total.cooperativeCount).toBeGreaterThan(900);
    expect(total.cooperativeCount).not.toBe(975);
    expect(total.reportingCooperativeCount).toBe(0);
  });

  it("refuses an impossible year with a clear error", async () => {
    const res = await m.query(`query { membershipStatistics(year: 1200) { year } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
  });
});
