/**
 * A date's statistics are computed from its half-year's end (the anchor, summed once per data version) and the
 * organisations founded or dissolved in between. They must equal the same figures summed directly on the date,
 * for every grouping and both unit maps, on dates before, on and after the anchor and far from it.
 */
import { MembershipGroupBy, UnitMap } from "../src/domain/enums";
import { anchorDay } from "@kttt/core";
import { computeStatistics } from "../src/repositories/statistics";
import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

/** Dates around foundings (every year), the 2025 reform and the dissolutions of late 2025 and 2026. */
const DATES = ["2012-02-29", "2016-09-30", "2020-01-01", "2024-05-03", "2024-06-30", "2024-07-15", "2025-06-30", "2025-07-01", "2025-11-20", "2026-03-15"];
const GROUPINGS: [MembershipGroupBy | null, UnitMap][] = [
  [null, UnitMap.PERIOD],
  [MembershipGroupBy.SECTOR, UnitMap.PERIOD],
  [MembershipGroupBy.RATING, UnitMap.PERIOD],
  [MembershipGroupBy.SIZE_CLASS, UnitMap.PERIOD],
  [MembershipGroupBy.ADMIN_UNIT, UnitMap.PERIOD],
  [MembershipGroupBy.ADMIN_UNIT, UnitMap.TODAY],
];

describe("statistics from an anchor day and the changes since", () => {
  it("anchors a date at the end of its half-year", () => {
    expect(anchorDay("2024-01-01")).toBe("2024-06-30");
    expect(anchorDay("2024-06-30")).toBe("2024-06-30");
    expect(anchorDay("2024-07-01")).toBe("2024-12-31");
    expect(anchorDay("2024-12-31")).toBe("2024-12-31");
  });

  it.each(DATES)("equal the figures summed directly on %s, every grouping", async (asOf) => {
    const ds = m.service.dataSource;
    const year = Number(asOf.slice(0, 4));
    for (const [groupBy, unitMap] of GROUPINGS) {
      const direct = await computeStatistics(ds, year, groupBy, asOf, unitMap, null, asOf);
      // From its own half-year's end, and from a day years away (a change set of thousands of organisations).
      expect(await computeStatistics(ds, year, groupBy, asOf, unitMap)).toEqual(direct);
      expect(await computeStatistics(ds, year, groupBy, asOf, unitMap, null, "2018-06-30")).toEqual(direct);
    }
  });

  it("does change between a date and its anchor (the comparison above is not between equal sums)", async () => {
    const ds = m.service.dataSource;
    const counts = async (asOf: string, anchor: string) => {
      const s = await computeStatistics(ds, 2025, MembershipGroupBy.ADMIN_UNIT, asOf, UnitMap.TODAY, null, anchor);
      return [s.total.cooperativeCount, s.total.groupCount, s.groups.length];
    };
    // Organisations were founded and dissolved between each of these dates and its anchor.
    expect(await counts("2025-07-01", "2025-07-01")).not.toEqual(await counts("2025-12-31", "2025-12-31"));
    expect(await counts("2018-06-30", "2018-06-30")).not.toEqual(await counts("2025-11-20", "2025-11-20"));
  });
});
