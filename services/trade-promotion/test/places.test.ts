/** Participants in communes (issue 13): the COMMUNE rule's getter, and statistics by a map in one statement each. */
import { today } from "@kttt/core";
import { communeCodeOn, unitOn } from "@kttt/reference";
import { TradeParticipation } from "../src/entities/participation";
import { startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;
beforeAll(async () => {
  s = await startTestTradePromotion("demo");
});
afterAll(() => s?.stop());

const STATS = `query($year: Int!, $unitMap: UnitMap) { tradePromotionStatistics(year: $year, groupBy: ADMIN_UNIT, unitMap: $unitMap) { unitMapDate total { participations } groups { key figures { participations } } } }`;

describe("participants in communes", () => {
  it("gives every participation its commune and exposes today's commune code for the COMMUNE rule", async () => {
    const rows = await s.service.dataSource.getRepository(TradeParticipation).find();
    expect(rows.every((p) => p.communeId !== null && p.communeSince !== null)).toBe(true);
    for (const p of rows) expect(p.communeCodeToday).toBe(communeCodeOn(p.communeId, null, today()));
    // Whole mergers give a commune; a split commune (Kỳ Lợi, 18796) gives none without an address.
    expect(rows.filter((p) => p.communeCodeToday !== null).length).toBeGreaterThan(rows.length * 0.9);
    const split = rows.find((p) => p.communeId === "18796");
    if (split) expect(split.communeCodeToday).toBeNull();
  });

  it("answers statistics by unit in one statement, on the period's map or today's", async () => {
    for (const [year, unitMap, level] of [
      [2024, null, "DISTRICT"],
      [2025, null, "COMMUNE"],
      [2022, "TODAY", "COMMUNE"],
    ] as const) {
      s.service.statements.start();
      const res = await s.query(STATS, { year, unitMap });
      // Every year asked has closed: the data version first (core's cachedAggregate), then the one statement.
      expect(s.service.statements.stop()).toBe(2);
      expect(res.errors).toBeUndefined();
      const stats = res.data.tradePromotionStatistics;
      const units = stats.groups.filter((g: any) => g.key !== null && g.key !== "NONE");
      expect(units.length).toBeGreaterThan(5);
      for (const g of units) expect(unitOn(g.key, stats.unitMapDate)?.level).toBe(level);
      const added = stats.groups.reduce((a: number, g: any) => a + g.figures.participations, 0);
      expect(added).toBe(stats.total.participations);
    }
  });
});
