/**
 * A closed day's OCOP figures come from its half-year's sweep (the products on the first day, then their changes day
 * by day, one cached statement per half-year). They must equal the figures of the day's own statement, for every
 * grouping, on the days where figures change: certificates decided, revoked, lapsing, coming within 90 or 180 days
 * of lapsing, the day before each, and the first and last days of half-years.
 */
import { addDays, today } from "@kttt/core";
import { UnitMap } from "@kttt/core";
import { OcopGroupBy } from "../src/domain/enums";
import { ocopStatistics } from "../src/repositories/statistics";
import { startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

const GROUPINGS = [null, ...Object.values(OcopGroupBy)] as (OcopGroupBy | null)[];

/** Every day on which some product's figures change, and the day before it, before today; one in `every` of them. */
async function changeDays(every: number): Promise<string[]> {
  const rows: { day: string }[] = await o.service.dataSource.query(
    `SELECT DISTINCT d.day::text AS day
       FROM ocop_certification c
       CROSS JOIN LATERAL unnest(ARRAY[c.decided_on, c.revoked_on, c.valid_until + 1, c.valid_until - 90, c.valid_until - 180]) AS e (day)
       CROSS JOIN LATERAL (VALUES (e.day), (e.day - 1)) AS d (day)
      WHERE d.day IS NOT NULL
      ORDER BY 1`,
  );
  return rows.map((r) => r.day).filter((day, i) => day < today() && i % every === 0);
}

describe("OCOP figures of a closed day from its half-year's sweep", () => {
  it("equal the day's own statement on the days figures change, every grouping", async () => {
    const ds = o.service.dataSource;
    const boundaries = ["2020-01-01", "2020-06-30", "2020-07-01", "2023-12-31", "2024-01-01", "2024-06-30", "2025-06-30", "2025-07-01", "2025-12-31"];
    const days = [...boundaries, ...(await changeDays(7))];
    expect(days.length).toBeGreaterThan(60);
    for (const day of days) {
      for (const groupBy of GROUPINGS) {
        const direct = await ocopStatistics(ds, day, groupBy, UnitMap.PERIOD, null);
        const swept = await ocopStatistics(ds, day, groupBy, UnitMap.PERIOD, "sweep-test");
        expect({ day, groupBy, figures: swept }).toEqual({ day, groupBy, figures: direct });
      }
    }
  });

  it("does change within a half-year (the comparison above is not between one day's figures)", async () => {
    const ds = o.service.dataSource;
    const days = (await changeDays(1)).filter((day) => day >= "2024-01-01" && day <= "2024-06-30");
    const totals = new Set<string>();
    for (const day of days) totals.add(JSON.stringify((await ocopStatistics(ds, day, null, UnitMap.PERIOD, "sweep-test")).total));
    expect(totals.size).toBeGreaterThan(3);
    // The first day of the next half-year starts a new sweep and agrees with the last day plus that day's changes.
    const next = await ocopStatistics(ds, addDays("2024-06-30", 1), null, UnitMap.PERIOD, "sweep-test");
    expect(next).toEqual(await ocopStatistics(ds, "2024-07-01", null, UnitMap.PERIOD, null));
  });
});
