import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { accessScope, isAdminUnitCode, READ_NOTE, SIGNED_IN, requireYearInRange } from "@kttt/core";
import type { MembershipContext } from "../context";
import { AdminUnit } from "../entities/admin-unit";
import { membershipStatistics } from "../repositories/statistics";
import { MembershipGroupBy, MembershipStatistics, MembershipStatisticsGroup, UnitMap } from "../types/statistics";

@Resolver(() => MembershipStatisticsGroup)
export class StatisticsResolver {
  @Authorized(...SIGNED_IN)
  @Query(() => MembershipStatistics, { nullable: true,
    description:
      "Counts and financial figures of the collective economy for a year (thống kê kinh tế tập thể): cooperatives, unions and groups " +
      `existing at the end of the year; capital, revenue, profit and worker income of the cooperatives that reported. ${READ_NOTE.SIGNED_IN}`,
  })
  membershipStatistics(
    @Arg("year", () => Int, { description: "The reporting year, e.g. 2024." }) year: number,
    @Arg("groupBy", () => MembershipGroupBy, { nullable: true, description: "Optional breakdown." }) groupBy: MembershipGroupBy | null,
    @Arg("unitMap", () => UnitMap, { nullable: true, description: "With groupBy: ADMIN_UNIT, the map the groups follow; default PERIOD (the units in force at the year's end, or today)." }) unitMap: UnitMap | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<MembershipStatistics> {
    requireYearInRange(year, "year");
    return membershipStatistics(ctx.dataSource, year, groupBy ?? null, undefined, unitMap ?? UnitMap.PERIOD, accessScope(ctx.principal));
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: "The administrative unit, when grouped by unit." })
  adminUnit(@Root() group: MembershipStatisticsGroup, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> | null {
    return isAdminUnitCode(group.key) ? ctx.loaders.adminUnit.load(group.key) : null;
  }
}
