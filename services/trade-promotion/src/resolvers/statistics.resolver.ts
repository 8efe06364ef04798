import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { badInput, READ_NOTE, SIGNED_IN } from "@kttt/core";
import { ADMIN_UNITS } from "@kttt/reference";
import type { TradePromotionContext } from "../context";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, NO_UNIT_KEY, TradeEventFormat, TradeEventType, TradePromotionGroupBy } from "../domain/enums";
import { AdminUnitRef, adminUnitRef } from "../entities/external";
import { tradeFigures, yearRange } from "../repositories/figures";
import { TradePromotionGroup, TradePromotionStatistics } from "../types/statistics";

function labelOf(groupBy: TradePromotionGroupBy, key: string): string {
  if (groupBy === TradePromotionGroupBy.EVENT_TYPE) return EVENT_TYPE_LABEL[key as TradeEventType];
  if (groupBy === TradePromotionGroupBy.FORMAT) return FORMAT_LABEL[key as TradeEventFormat];
  if (key === NO_UNIT_KEY) return "Ngoài tỉnh hoặc trực tuyến";
  return ADMIN_UNITS.find((u) => u.code === key)?.name ?? key;
}

@Resolver(() => TradePromotionGroup)
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
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput("year must be between 2000 and 2100.", "year", "YEAR_OUT_OF_RANGE");
    const [from, to] = yearRange(year);
    const figures = await tradeFigures(ctx.dataSource, from, to, groupBy ?? null);
    const groups = [...figures.groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, f]) =>
        Object.assign(new TradePromotionGroup(), {
          key,
          label: labelOf(groupBy!, key),
          adminUnitCode: groupBy === TradePromotionGroupBy.ADMIN_UNIT && key !== NO_UNIT_KEY ? key : null,
          figures: f,
        }),
      );
    return Object.assign(new TradePromotionStatistics(), { year, groupBy: groupBy ?? null, total: figures.total, groups });
  }

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: "The administrative unit, when grouped by unit (null for NONE)." })
  adminUnit(@Root() group: TradePromotionGroup): AdminUnitRef | null {
    return group.adminUnitCode ? adminUnitRef(group.adminUnitCode) : null;
  }
}
