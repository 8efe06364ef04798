/**
 * The whole picture in one request: the collective-economy overview answered by every subgraph through
 * the real gateway. For the mid-2024 review (report of 15/7/2024 on the first half of 2024) it gives the
 * seed's figures exactly.
 */
import { SANDBOX_FIRST_QUERY } from "@kttt/gateway";
import { DEMO_STAFF } from "@kttt/launcher";
import { graphql, tokenFor } from "@kttt/testkit";
import fs from "node:fs";
import path from "node:path";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
/** As `npm start` does: Sandbox opens with the demo staff member's token. */
let sandboxToken: string;
beforeAll(async () => {
  sandboxToken = await tokenFor(DEMO_STAFF, 3600);
  graph = await startTestGraph({ SANDBOX_TOKEN: sandboxToken });
}, 60_000);
afterAll(() => graph?.stop());

const REVIEW = { year: 2024, half: "H1", asOf: "2024-07-15" };

describe("Apollo Sandbox of a development run", () => {
  it("opens signed in with the run's demo token and a first query that answers the mid-2024 review", async () => {
    const page = await (await fetch(graph.gateway.url, { headers: { accept: "text/html" } })).text();
    // Sandbox's page (GET /graphql) carries its configuration as JSON.
    const json = /var embeddedSandboxConfig = (\{.*\});/u.exec(page)?.[1];
    expect(json).toBeDefined();
    const { initialState } = JSON.parse(json!) as { initialState: { headers: Record<string, string>; document: string } };
    expect(initialState.headers).toEqual({ Authorization: `Bearer ${sandboxToken}` });
    expect(initialState.document).toBe(SANDBOX_FIRST_QUERY);
    const res = await graphql(graph.gateway.url, SANDBOX_FIRST_QUERY, undefined, { authorization: `Bearer ${sandboxToken}` });
    expect(res.errors).toBeUndefined();
    expect(res.data.collectiveEconomy.membership).toMatchObject({ cooperativeCount: 975, unionCount: 3, groupCount: 2538 });
  });
});

describe("collective-economy overview through the gateway", () => {
  it("answers the seed's figures for the mid-2024 review in one request", async () => {
    const res = await graphql(
      graph.gateway.url,
      /* GraphQL */ `
        query Review($period: ReportingPeriodInput!) {
          collectiveEconomy(period: $period) {
            id
            period {
              label
              asOf
            }
            membership {
              cooperativeCount
              unionCount
              groupCount
              charterCapital {
                average
              }
              revenue {
                average
              }
              profit {
                average
              }
              averageWorkerMonthlyIncome
            }
            ocop {
              activeProducts
              collectiveOwnedProducts
              collectiveOwners
              otherOwnedProducts
              threeStarProducts
              fourStarProducts
              fiveStarProducts
            }
            policySupport {
              planned
              disbursed
              implementationRate
            }
            tradePromotion {
              events
              participations
              participants
              booths
              sales
              onlineSellingShare
            }
          }
        }
      `,
      { period: REVIEW },
    );
    expect(res.errors).toBeUndefined();
    const e = res.data.collectiveEconomy;
    expect(e.id).toBe("2024-H1@2024-07-15");
    expect(e.period).toEqual({ label: "6 tháng đầu năm 2024", asOf: "2024-07-15" });
    expect(e.membership).toEqual({
      cooperativeCount: 975,
      unionCount: 3,
      groupCount: 2538,
      charterCapital: { average: "2002000000" },
      revenue: { average: "1300000000" },
      profit: { average: "288000000" },
      averageWorkerMonthlyIncome: "4000000",
    });
    expect(e.ocop).toMatchObject({ activeProducts: 239, collectiveOwnedProducts: 66, collectiveOwners: 65, otherOwnedProducts: 173 });
    expect(e.ocop.threeStarProducts + e.ocop.fourStarProducts + e.ocop.fiveStarProducts).toBe(239);
    expect(BigInt(e.policySupport.disbursed)).toBeLessThan(BigInt(e.policySupport.planned));
    expect(e.policySupport.implementationRate).toBeLessThan(0.5);
    expect(e.tradePromotion.events).toBeGreaterThan(0);
    expect(e.tradePromotion.participants).toBeGreaterThan(0);
    expect(BigInt(e.tradePromotion.sales)).toBeGreaterThan(0n);
    expect(e.tradePromotion.onlineSellingShare).toBeLessThan(0.5);
  });

  it("breaks every subgraph's figures down by the 13 units in one query, adding up to the province", async () => {
    const res = await graphql(
      graph.gateway.url,
      /* GraphQL */ `
        query Districts($period: ReportingPeriodInput!) {
          province: collectiveEconomy(period: $period) {
            membership {
              cooperativeCount
            }
            ocop {
              activeProducts
            }
            policySupport {
              planned
            }
            tradePromotion {
              participations
            }
          }
          units: collectiveEconomyByAdminUnit(period: $period) {
            adminUnit {
              code
              name
            }
            membership {
              cooperativeCount
            }
            ocop {
              activeProducts
            }
            policySupport {
              planned
            }
            tradePromotion {
              participations
            }
          }
        }
      `,
      { period: REVIEW },
    );
    expect(res.errors).toBeUndefined();
    const { province, units } = res.data;
    expect(units).toHaveLength(13);
    expect(units.reduce((a: number, u: any) => a + u.membership.cooperativeCount, 0)).toBe(province.membership.cooperativeCount);
    expect(units.reduce((a: number, u: any) => a + u.ocop.activeProducts, 0)).toBe(province.ocop.activeProducts);
    expect(units.reduce((a: bigint, u: any) => a + BigInt(u.policySupport.planned), 0n)).toBe(BigInt(province.policySupport.planned));
    // Participations count by the participant's unit; every participant belongs to one of the 13.
    expect(units.reduce((a: number, u: any) => a + u.tradePromotion.participations, 0)).toBe(province.tradePromotion.participations);
  });

  it("compares years in one query", async () => {
    const res = await graphql(
      graph.gateway.url,
      `
        {
          collectiveEconomyTrend(periods: [{ year: 2023 }, { year: 2024 }]) {
            id
            membership {
              cooperativeCount
            }
            ocop {
              activeProducts
            }
            policySupport {
              planned
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    const [y2023, y2024] = res.data.collectiveEconomyTrend;
    expect([y2023.id, y2024.id]).toEqual(["2023", "2024"]);
    expect(y2023.membership.cooperativeCount).toBeLessThan(y2024.membership.cooperativeCount);
    expect(y2023.policySupport.planned).not.toBe(y2024.policySupport.planned);
  });

  it("re-cuts a 2025 commune's pre-reform trend in every subgraph, as each subgraph's TODAY statistics do (issue 13)", async () => {
    const auth = { authorization: `Bearer ${sandboxToken}` };
    const ask = async (query: string, variables?: Record<string, unknown>) => {
      const res = await graphql(graph.gateway.url, query, variables, auth);
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const recut = await ask(`{
      ocopStatistics(asOf: "2024-12-31", groupBy: ADMIN_UNIT, unitMap: TODAY) { groups { key figures { activeProducts } } }
      tradePromotionStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { groups { key figures { participations sales } } }
      policySupportStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { groups { key figures { planned allocationCount } } }
    }`);
    const groupOf = (stats: { groups: { key: string | null; figures: Record<string, number> }[] }, code: string) =>
      stats.groups.find((g) => g.key === code)?.figures;
    // A commune of today with OCOP products, participations and support in 2024 (re-cut), so each figure could be zero if not re-cut.
    const code = recut.tradePromotionStatistics.groups
      .map((g: { key: string | null }) => g.key)
      .find(
        (key: string | null) =>
          key !== null &&
          key !== "NONE" &&
          (groupOf(recut.ocopStatistics, key)?.activeProducts ?? 0) > 0 &&
          (groupOf(recut.policySupportStatistics, key)?.allocationCount ?? 0) > 0 &&
          (groupOf(recut.tradePromotionStatistics, key)?.participations ?? 0) > 0,
      );
    expect(code).toBeDefined();
    const trend = await ask(
      `query($code: String!) { collectiveEconomyTrend(adminUnitCode: $code, periods: [{ year: 2024 }, { year: 2026, half: H1 }]) {
        period { asOf } adminUnit { validFrom } ocop { activeProducts } tradePromotion { participations sales } policySupport { planned allocationCount } } }`,
      { code },
    );
    const [y2024] = trend.collectiveEconomyTrend;
    expect(y2024.period.asOf).toBe("2024-12-31");
    expect(y2024.adminUnit.validFrom).toBe("2025-07-01");
    expect(y2024.ocop.activeProducts).toBe(groupOf(recut.ocopStatistics, code)!.activeProducts);
    expect(y2024.tradePromotion).toEqual(groupOf(recut.tradePromotionStatistics, code));
    expect(y2024.policySupport).toEqual(groupOf(recut.policySupportStatistics, code));
    // A district of the mid-2024 map keeps the period's own map: its figures are those of the period's groups.
    const byPeriod = await ask(`{ ocopStatistics(asOf: "2024-12-31", groupBy: ADMIN_UNIT) { groups { key figures { activeProducts } } } }`);
    const district = await ask(`{ collectiveEconomyTrend(adminUnitCode: "444", periods: [{ year: 2024 }]) { ocop { activeProducts } } }`);
    expect(district.collectiveEconomyTrend[0].ocop.activeProducts).toBe(groupOf(byPeriod.ocopStatistics, "444")!.activeProducts);
  });

  it("runs every committed dashboard operation without errors", async () => {
    const dir = path.resolve(__dirname, "..", "..", "packages", "dashboard", "operations");
    const variables: Record<string, Record<string, unknown>> = {
      ProvinceOverview: { period: REVIEW, year: 2024, asOf: REVIEW.asOf },
      DistrictBreakdown: { period: REVIEW },
      DistrictOverview: { code: "444", period: REVIEW },
      YearOverYear: { periods: [{ year: 2023 }, { year: 2024 }] },
      CommuneRecut: { year: 2024, asOf: REVIEW.asOf },
      PlanTargets: { year: 2024 },
    };
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".graphql"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const query = fs.readFileSync(path.join(dir, file), "utf8");
      const name = /query (\w+)/u.exec(query)![1];
      expect(variables[name]).toBeDefined();
      const res = await graphql(graph.gateway.url, query, variables[name]);
      expect({ file, errors: res.errors }).toEqual({ file, errors: undefined });
      expect(res.data).not.toBeNull();
    }
  });
});
