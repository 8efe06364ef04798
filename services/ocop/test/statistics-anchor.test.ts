/**
 * A date's OCOP statistics are computed from its half-year's end (the anchor, summed once per data version) and
 * the products whose state can change in between (certified, revoked, expired, entering the 90- or 180-day
 * window). They must equal the figures summed directly on the date, for every grouping and both unit maps.
 */
import { UnitMap } from "@kttt/core";
import { OcopGroupBy } from "../src/domain/enums";
import { computeStatistics } from "../src/repositories/statistics";
import { startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

const DATES = [
  "2019-03-31",
  "2020-10-15",
  "2021-06-29",
  "2022-02-14",
  "2023-08-31",
  "2024-05-03",
  "2024-07-15",
  "2025-06-30",
  "2025-07-01",
  "2026-01-20",
  "2027-04-30",
];
const GROUPINGS: [OcopGroupBy | null, UnitMap][] = [
  [null, UnitMap.PERIOD],
  [OcopGroupBy.STARS, UnitMap.PERIOD],
  [OcopGroupBy.GROUP, UnitMap.PERIOD],
  [OcopGroupBy.OWNER_TYPE, UnitMap.PERIOD],
  [OcopGroupBy.ADMIN_UNIT, UnitMap.PERIOD],
  [OcopGroupBy.ADMIN_UNIT, UnitMap.TODAY],
];

describe("OCOP statistics from an anchor day and the products changed since", () => {
  it.each(DATES)("equal the figures summed directly on %s, every grouping", async (asOf) => {
    const ds = o.service.dataSource;
    for (const [groupBy, unitMap] of GROUPINGS) {
      const direct = await computeStatistics(ds, asOf, groupBy, unitMap, null, asOf);
      expect(await computeStatistics(ds, asOf, groupBy, unitMap)).toEqual(direct);
      expect(await computeStatistics(ds, asOf, groupBy, unitMap, null, "2022-12-31")).toEqual(direct);
    }
  });

  it("does change between those dates and their anchors (the comparison above is not between equal sums)", async () => {
    const ds = o.service.dataSource;
    const figures = async (day: string) => (await computeStatistics(ds, day, null, UnitMap.PERIOD, null, day)).total;
    // Certified, expired and entering the windows between a date and its half-year's end.
    const pairs = [
      ["2024-05-03", "2024-06-30"],
      ["2026-01-20", "2026-06-30"],
      ["2022-02-14", "2022-12-31"],
    ];
    for (const [day, anchor] of pairs) expect(await figures(day)).not.toEqual(await figures(anchor));
    const counts = await Promise.all(pairs.map(async ([day]) => (await figures(day)).activeProducts));
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });
});
