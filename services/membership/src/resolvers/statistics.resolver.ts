import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { accessScope, badInput, isAdminUnitCode, LocalDateScalar, requireYearInRange, UnitMapArg, SignedInQuery } from "@kttt/core";
import type { MembershipContext } from "../context";
import { AdminUnit } from "../entities/admin-unit";
import { membershipStatistics, periodEnd } from "../repositories/statistics";
import { MembershipStatistics, MembershipStatisticsGroup } from "../types/statistics";
import { MembershipGroupBy, UnitMap } from "../domain/enums";

@Resolver(() => MembershipStatisticsGroup)
export class StatisticsResolver {
  @SignedInQuery(
    () => MembershipStatistics,
    "Counts and financial figures of the collective economy for a year (thống kê kinh tế tập thể): cooperatives, unions and groups " +
      "existing at the end of the year; capital, revenue, profit and worker income of the cooperatives that reported.",
  )
  membershipStatistics(
    @Arg("year", () => Int, { description: "The reporting year, e.g. 2024." }) year: number,
    @Arg("groupBy", () => MembershipGroupBy, { nullable: true, description: "Optional breakdown." }) groupBy: MembershipGroupBy | null,
    @UnitMapArg()
    unitMap: UnitMap | null,
    @Arg("asOf", () => LocalDateScalar, {
      nullable: true,
      description:
        "Count organisations as they stood on this date (ngày báo cáo), on or after the year's first day, e.g. 2024-07-15; default: the year's last day, or today while it runs.",
    })
    asOf: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<MembershipStatistics> {
    requireYearInRange(year, "year");
    if (asOf && asOf < `${year}-01-01`)
      throw badInput(`Figures of ${year} cannot be counted on a date before the year began (${asOf}).`, "asOf", "REPORT_BEFORE_PERIOD");
    return membershipStatistics(ctx.dataSource, year, groupBy ?? null, asOf ?? periodEnd(year), unitMap ?? UnitMap.PERIOD, accessScope(ctx.principal));
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: "The administrative unit, when grouped by unit." })
  adminUnit(@Root() group: MembershipStatisticsGroup, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> | null {
    return isAdminUnitCode(group.key) ? ctx.loaders.adminUnit.load(group.key) : null;
  }
}
