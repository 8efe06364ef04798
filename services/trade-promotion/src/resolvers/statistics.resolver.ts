import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { accessScope, groupLabel, reportingPeriod, requireYearInRange, UnitMap, unitMapDateOf, type GroupLabels, UnitMapArg, SignedInQuery } from "@kttt/core";
import { adminUnitName, UNPLACED_LABEL } from "@kttt/reference";
import type { TradePromotionContext } from "../context";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, NO_UNIT_KEY, TradePromotionGroupBy } from "../domain/enums";
import { AdminUnitRef, adminUnitRef } from "../entities/external";
import { tradeFigures, UNPLACED_KEY, yearRange } from "../repositories/figures";
import { TradePromotionStatisticsGroup, TradePromotionStatistics } from "../types/statistics";

const GROUP_LABELS: Record<TradePromotionGroupBy, GroupLabels> = {
  EVENT_TYPE: EVENT_TYPE_LABEL,
  FORMAT: FORMAT_LABEL,
  ADMIN_UNIT: (code) => (code === NO_UNIT_KEY ? "Ngoài tỉnh hoặc trực tuyến" : adminUnitName(code)),
};

@Resolver(() => TradePromotionStatisticsGroup)
export class TradePromotionStatisticsResolver {
  @SignedInQuery(
    () => TradePromotionStatistics,
    "Trade-promotion results of a year (kết quả xúc tiến thương mại): events held, organisations taking part, booths, sales, contracts and the share of OCOP owners selling online, " +
      "for the province and broken down on request.",
  )
  async tradePromotionStatistics(
    @Arg("year", () => Int, { description: "The year, e.g. 2023." }) year: number,
    @Arg("groupBy", () => TradePromotionGroupBy, { nullable: true, description: "Optional breakdown." }) groupBy: TradePromotionGroupBy | null,
    @UnitMapArg()
    unitMap: UnitMap | null,
    @Ctx() ctx: TradePromotionContext,
  ): Promise<TradePromotionStatistics> {
    requireYearInRange(year, "year");
    const [from, to] = yearRange(year);
    const byUnit = groupBy === TradePromotionGroupBy.ADMIN_UNIT;
    const unitMapDate = byUnit ? unitMapDateOf(unitMap, reportingPeriod(year, null).asOf) : null;
    const figures = await tradeFigures(ctx.dataSource, from, to, groupBy ?? null, unitMapDate ?? to, accessScope(ctx.principal));
    const groups = [...figures.groups.entries()]
      .sort(([a], [b]) => (a === UNPLACED_KEY ? "~" : a).localeCompare(b === UNPLACED_KEY ? "~" : b))
      .map(([key, f]) =>
        Object.assign(new TradePromotionStatisticsGroup(), {
          key: key === UNPLACED_KEY ? null : key,
          label: key === UNPLACED_KEY ? UNPLACED_LABEL : groupLabel(GROUP_LABELS[groupBy!], key),
          adminUnitCode: byUnit && key !== NO_UNIT_KEY && key !== UNPLACED_KEY ? key : null,
          unitMapDate,
          figures: f,
        }),
      );
    return Object.assign(new TradePromotionStatistics(), { year, groupBy: groupBy ?? null, unitMapDate, total: figures.total, groups });
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description: "The administrative unit in force on `unitMapDate`, when grouped by unit (null for NONE and for the unplaced).",
  })
  adminUnit(@Root() group: TradePromotionStatisticsGroup): AdminUnitRef | null {
    return group.adminUnitCode ? adminUnitRef(group.adminUnitCode, group.unitMapDate) : null;
  }
}
