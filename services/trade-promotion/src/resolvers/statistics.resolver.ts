import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { groupLabel, READ_NOTE, SIGNED_IN, requireYearInRange, type GroupLabels } from "@kttt/core";
import { adminUnitName } from "@kttt/reference";
import type { TradePromotionContext } from "../context";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, NO_UNIT_KEY, TradePromotionGroupBy } from "../domain/enums";
import { AdminUnitRef, adminUnitRef } from "../entities/external";
import { tradeFigures, yearRange } from "../repositories/figures";
import { TradePromotionStatisticsGroup, TradePromotionStatistics } from "../types/statistics";

const GROUP_LABELS: Record<TradePromotionGroupBy, GroupLabels> = {
  EVENT_TYPE: EVENT_TYPE_LABEL,
  FORMAT: FORMAT_LABEL,
  ADMIN_UNIT: (code) => (code === NO_UNIT_KEY ? "Ngoài tỉnh hoặc trực tuyến" : adminUnitName(code)),
};

@Resolver(() => TradePromotionStatisticsGroup)
export class TradePromotionStatisticsResolver {
  @Authorized(...SIGNED_IN)
  @Query(() => TradePromotionStatistics, {
    nullable: true,
    description:
      "Trade-promotion results of a year (kết quả xúc tiến thương mại): events held, organisations taking part, booths, sales, contracts and the share of OCOP owners selling online, " +
      `for the province and broken down on request. ${READ_NOTE.SIGNED_IN}`,
  })
  async tradePromotionStatistics(
    @Arg("year", () => Int, { description: "The year, e.g. 2023." }) year: number,
    @Arg("groupBy", () => TradePromotionGroupBy, { nullable: true, description: "Optional breakdown." }) groupBy: TradePromotionGroupBy | null,
    @Ctx() ctx: TradePromotionContext,
  ): Promise<TradePromotionStatistics> {
    requireYearInRange(year, "year");
    const [from, to] = yearRange(year);
    const figures = await tradeFigures(ctx.dataSource, from, to, groupBy ?? null);
    const groups = [...figures.groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, f]) =>
        Object.assign(new TradePromotionStatisticsGroup(), {
          key,
          label: groupLabel(GROUP_LABELS[groupBy!], key),
          adminUnitCode: groupBy === TradePromotionGroupBy.ADMIN_UNIT && key !== NO_UNIT_KEY ? key : null,
          figures: f,
        }),
      );
    return Object.assign(new TradePromotionStatistics(), { year, groupBy: groupBy ?? null, total: figures.total, groups });
  }

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: "The administrative unit, when grouped by unit (null for NONE)." })
  adminUnit(@Root() group: TradePromotionStatisticsGroup): AdminUnitRef | null {
    return group.adminUnitCode ? adminUnitRef(group.adminUnitCode) : null;
  }
}
