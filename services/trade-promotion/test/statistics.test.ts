import { startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;
beforeAll(async () => {
  s = await startTestTradePromotion("demo");
});
afterAll(() => s?.stop());

const FIGURES =
  "events eventBudget participations participants booths sales contracts contractValue memoranda memorandumValue supplyDemandLinks supplyDemandValue ocopOwners ocopOwnersSellingOnline onlineSellingShare meetsOnlineSellingTarget";
const statistics = async (year: number, groupBy: string | null) => {
  const res = await s.query(
    `query($year: Int!, $groupBy: TradePromotionGroupBy) { tradePromotionStatistics(year: $year, groupBy: $groupBy) { total { ${FIGURES} } groups { key label adminUnit { id } figures { ${FIGURES} } } } }`,
    { year, groupBy },
  );
  expect(res.errors).toBeUndefined();
  return res.data.tradePromotionStatistics;
};
const sum = (groups: any[], field: string) => groups.reduce((acc, g) => acc + BigInt(g.figures[field]), 0n);

describe("tradePromotionStatistics on the demo data", () => {
  it.each([2022, 2023, 2024])("matches direct SQL for %i", async (year) => {
    const { total } = await statistics(year, null);
    const [row] = await s.service.dataSource.query(
      `SELECT (SELECT count(*) FROM trade_event WHERE starts_on <= $2 AND ends_on >= $1)::int AS events,
              count(p.id)::int AS participations, count(DISTINCT p.participant_id)::int AS participants, coalesce(sum(p.booths), 0)::int AS booths,
              coalesce(sum(p.sales_amount), 0)::text AS sales, coalesce(sum(p.contract_value), 0)::text AS contract_value
       FROM trade_participation p JOIN trade_event e ON e.id = p.event_id WHERE e.starts_on <= $2 AND e.ends_on >= $1`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    expect(total).toMatchObject({
      events: row.events,
      participations: row.participations,
      participants: row.participants,
      booths: row.booths,
      sales: row.sales,
      contractValue: row.contract_value,
    });
    expect(total.events).toBeGreaterThan(0);
  });

  it("counts the supply-demand links agreed in the year and their value, from the links in the database", async () => {
    let seen = 0;
    for (const year of [2022, 2023, 2024]) {
      const { total } = await statistics(year, null);
      const [row] = await s.service.dataSource.query(
        `SELECT count(*)::int AS links, coalesce(sum(value), 0)::text AS value FROM supply_demand_link WHERE agreed_on BETWEEN $1 AND $2`,
        [`${year}-01-01`, `${year}-12-31`],
      );
      expect({ year, links: total.supplyDemandLinks, value: total.supplyDemandValue }).toEqual({ year, links: row.links, value: row.value });
      seen += row.links;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("keeps the share of OCOP owners selling online below the 50% target, from the listings in the database", async () => {
    for (const year of [2022, 2023, 2024]) {
      const { total } = await statistics(year, null);
      const [{ online }] = await s.service.dataSource.query(
        `SELECT count(DISTINCT owner_id)::int AS online FROM ecommerce_listing WHERE product_id IS NOT NULL AND listed_on <= $2 AND (delisted_on IS NULL OR delisted_on >= $1)`,
        [`${year}-01-01`, `${year}-12-31`],
      );
      expect(total.ocopOwnersSellingOnline).toBe(online);
      expect(total.onlineSellingShare).toBeCloseTo(online / total.ocopOwners, 6);
      expect(total.onlineSellingShare).toBeLessThan(0.5);
      expect(total.meetsOnlineSellingTarget).toBe(false);
    }
  });

  it.each(["EVENT_TYPE", "FORMAT", "ADMIN_UNIT"])("adds groups by %s up to the total", async (groupBy) => {
    for (const year of [2022, 2023, 2024]) {
      const { total, groups } = await statistics(year, groupBy);
      expect(groups.length).toBeGreaterThan(1);
      for (const field of ["events", "eventBudget", "participations", "booths", "sales", "contracts", "contractValue", "memoranda", "memorandumValue"]) {
        expect(sum(groups, field)).toBe(BigInt(total[field]));
      }
      // One organisation can be in several groups: distinct counts can only add up to at least the total.
      expect(sum(groups, "participants")).toBeGreaterThanOrEqual(BigInt(total.participants));
      if (groupBy === "ADMIN_UNIT") {
        expect(sum(groups, "ocopOwners")).toBeGreaterThanOrEqual(BigInt(total.ocopOwners));
        expect(sum(groups, "supplyDemandLinks")).toBe(BigInt(total.supplyDemandLinks));
        expect(sum(groups, "supplyDemandValue")).toBe(BigInt(total.supplyDemandValue));
        for (const g of groups) expect(g.adminUnit).toEqual(g.key === "NONE" ? null : { id: g.key });
      } else {
        for (const g of groups) expect(g.figures.onlineSellingShare).toBeNull();
        for (const g of groups) expect([g.figures.supplyDemandLinks, g.figures.supplyDemandValue]).toEqual([null, null]);
      }
    }
  });

  it("puts the 2022 fair in Thành phố Hà Tĩnh and the online campaign in NONE", async () => {
    const { groups } = await statistics(2022, "ADMIN_UNIT");
    const city = groups.find((g: any) => g.key === "436");
    expect(city.label).toBe("Thành phố Hà Tĩnh");
    expect(city.figures.events).toBe(2);
    expect(groups.find((g: any) => g.key === "NONE").figures.events).toBe(2);
  });

  it("refuses a year out of range", async () => {
    const res = await s.query(`{ tradePromotionStatistics(year: 1800) { total { events } } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year", reason: "YEAR_OUT_OF_RANGE" });
  });
});
