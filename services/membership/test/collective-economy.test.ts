import { startTestMembership, onlyError, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

const FIGURES = `membership { cooperativeCount unionCount groupCount charterCapital { average } revenue { average } profit { average } averageWorkerMonthlyIncome }`;

describe("collective-economy overview (membership's part)", () => {
  it("gives the seed's province figures for the first half of 2024", async () => {
    const res = await m.query(
      `{ collectiveEconomy(period: { year: 2024, half: H1 }) { id period { id label startDate endDate asOf } adminUnit { code } ${FIGURES} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.collectiveEconomy).toEqual({
      id: "2024-H1",
      period: { id: "2024-H1", label: "6 tháng đầu năm 2024", startDate: "2024-01-01", endDate: "2024-06-30", asOf: "2024-06-30" },
      adminUnit: null,
      membership: {
        cooperativeCount: 975,
        unionCount: 3,
        groupCount: 2538,
        charterCapital: { average: "2002000000" },
        revenue: { average: "1300000000" },
        profit: { average: "288000000" },
        averageWorkerMonthlyIncome: "4000000",
      },
    });
  });

  it("breaks the province down by the units of the period, in one statistics statement, adding up to the total", async () => {
    m.service.statements.start();
    const res = await m.query(`{
      province: collectiveEconomy(period: { year: 2024 }) { membership { cooperativeCount groupCount } }
      units: collectiveEconomyByAdminUnit(period: { year: 2024 }) { id adminUnit { code name } membership { cooperativeCount groupCount } }
    }`);
    const statements = m.service.statements.stop();
    expect(res.errors).toBeUndefined();
    expect(res.data.units).toHaveLength(13);
    expect(res.data.units[0]).toMatchObject({ id: "2024:436", adminUnit: { code: "436", name: "Thành phố Hà Tĩnh" } });
    const sum = (k: string) => res.data.units.reduce((a: number, u: any) => a + u.membership[k], 0);
    expect(sum("cooperativeCount")).toBe(res.data.province.membership.cooperativeCount);
    expect(sum("groupCount")).toBe(res.data.province.membership.groupCount);
    // The units, the data version for the cached answer and again for the cached sums of the anchor day (statistics
    // are cached per version), and one statistics query: the period ends on its anchor day, so no changes are read.
    expect(statements).toBeLessThanOrEqual(4);
  });

  it("follows the units' history: Lộc Hà is gone in 2025, and the 69 communes replace the districts after mid-2025", async () => {
    const res = await m.query(
      `{ h1: collectiveEconomyByAdminUnit(period: { year: 2025, half: H1 }) { adminUnit { code } } h2: collectiveEconomyByAdminUnit(period: { year: 2025, half: H2 }) { id } }`,
    );
    expect(res.data.h1.map((u: any) => u.adminUnit.code)).not.toContain("448");
    expect(res.data.h1).toHaveLength(12);
    expect(res.data.h2).toHaveLength(69);
    expect(res.data.h2.every((u: any) => /^2025-H2:[0-9]{5}$/u.test(u.id))).toBe(true);
  });

  it("compares years, and answers the same overview from a unit and from its key", async () => {
    const res = await m.query(`{
      trend: collectiveEconomyTrend(periods: [{ year: 2023 }, { year: 2024 }]) { id membership { cooperativeCount reportingCooperativeCount } }
      unit: adminUnit(code: "444") { collectiveEconomy(period: { year: 2024, half: H1 }) { id membership { cooperativeCount } } }
    }`);
    expect(res.data.trend.map((t: any) => t.id)).toEqual(["2023", "2024"]);
    expect(res.data.trend[0].membership.cooperativeCount).toBeLessThan(res.data.trend[1].membership.cooperativeCount);
    const viaKey = await m.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on CollectiveEconomy { id membership { cooperativeCount } } } }`, {
      r: [{ __typename: "CollectiveEconomy", id: "2024-H1:444" }],
    });
    expect(viaKey.data._entities[0]).toEqual(res.data.unit.collectiveEconomy);
  });

  it("refuses an unknown unit and too many periods", async () => {
    expect(onlyError(await m.query(`{ collectiveEconomy(period: { year: 2024 }, adminUnitCode: "999") { id } }`)).extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "adminUnitCode",
    });
    const many = Array.from({ length: 13 }, (_, i) => `{ year: ${2012 + i} }`).join(", ");
    expect(onlyError(await m.query(`{ collectiveEconomyTrend(periods: [${many}]) { id } }`)).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "periods",
    });
  });
});
