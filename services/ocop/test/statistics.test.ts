import { today } from "@kttt/core";
import { SEED_DATE, startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

const STATS = /* GraphQL */ `
  query ($asOf: LocalDate, $groupBy: OcopGroupBy) {
    ocopStatistics(asOf: $asOf, groupBy: $groupBy) {
      asOf
      total {
        activeProducts
        expiredProducts
        revokedProducts
        threeStarProducts
        fourStarProducts
        fiveStarProducts
        collectiveOwnedProducts
        collectiveOwners
        otherOwnedProducts
        expiringWithin90Days
        expiringWithin180Days
      }
      groups {
        key
        label
        figures {
          activeProducts
          collectiveOwnedProducts
          expiringWithin90Days
        }
      }
    }
  }
`;

describe("ocopStatistics on the demo data", () => {
  it("reproduces the seed text as of 2024-07-15: 239 active, 66 of 65 HTX/THT, 173 others", async () => {
    const res = await o.query(STATS, { asOf: SEED_DATE });
    expect(res.errors).toBeUndefined();
    const t = res.data.ocopStatistics.total;
    expect(t).toMatchObject({ activeProducts: 239, collectiveOwnedProducts: 66, collectiveOwners: 65, otherOwnedProducts: 173, revokedProducts: 1 });
    expect(t.threeStarProducts + t.fourStarProducts + t.fiveStarProducts).toBe(239);
    expect(t.expiredProducts).toBeGreaterThan(0);
    expect(t.expiringWithin90Days).toBeGreaterThan(0);
    expect(t.expiringWithin180Days).toBeGreaterThan(t.expiringWithin90Days);
  });

  it("agrees with the list: expiring counts equal the filtered lists' totals", async () => {
    const list = await o.query(`query($f: OcopProductFilter) { ocopProducts(filter: $f) { totalCount } }`, { f: { asOf: SEED_DATE, expiringWithinDays: 90 } });
    const stats = await o.query(STATS, { asOf: SEED_DATE });
    expect(list.data.ocopProducts.totalCount).toBe(stats.data.ocopStatistics.total.expiringWithin90Days);
    const active = await o.query(`query($f: OcopProductFilter) { ocopProducts(filter: $f) { totalCount } }`, { f: { asOf: SEED_DATE, status: "ACTIVE" } });
    expect(active.data.ocopProducts.totalCount).toBe(239);
  });

  it.each(["STARS", "GROUP", "ADMIN_UNIT", "OWNER_TYPE"])("breaks down by %s into groups that add up to the total", async (groupBy) => {
    const res = await o.query(STATS, { asOf: SEED_DATE, groupBy });
    expect(res.errors).toBeUndefined();
    const { groups, total } = res.data.ocopStatistics;
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.reduce((a: number, g: any) => a + g.figures.activeProducts, 0)).toBe(total.activeProducts);
    expect(groups.reduce((a: number, g: any) => a + g.figures.expiringWithin90Days, 0)).toBe(total.expiringWithin90Days);
    for (const g of groups) expect(g.label.length).toBeGreaterThan(0);
  });

  it("by owner type: HTX + THT products are the 66, enterprises + households the 173", async () => {
    const res = await o.query(STATS, { asOf: SEED_DATE, groupBy: "OWNER_TYPE" });
    const by = Object.fromEntries(res.data.ocopStatistics.groups.map((g: any) => [g.key, g.figures.activeProducts]));
    expect((by.COOPERATIVE ?? 0) + (by.COOPERATIVE_GROUP ?? 0)).toBe(66);
    expect((by.ENTERPRISE ?? 0) + (by.HOUSEHOLD_BUSINESS ?? 0)).toBe(173);
    const unit = await o.query(STATS, { asOf: SEED_DATE, groupBy: "ADMIN_UNIT" });
    expect(unit.data.ocopStatistics.groups.find((g: any) => g.key === "444").label).toBe("Huyện Hương Khê");
  });

  it("defaults to today, when many certificates have lapsed without re-assessment", async () => {
    const res = await o.query(STATS, {});
    const t = res.data.ocopStatistics.total;
    expect(res.data.ocopStatistics.asOf).toBe(today());
    expect(t.expiredProducts).toBeGreaterThan(18);
    expect(t.activeProducts).not.toBe(239);
  });
});
