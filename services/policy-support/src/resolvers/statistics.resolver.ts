import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { accessScope, reportingPeriod, requireYearInRange, UnitMap, unitMapDateOf, UnitMapArg, SignedInQuery } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { PolicySupportGroupBy } from "../domain/enums";
import { Agency } from "../entities/agency";
import { AdminUnitRef, adminUnitRef } from "../entities/external";
import { policySupportStatistics } from "../repositories/statistics";
import { PolicySupportStatisticsGroup, PolicySupportStatistics } from "../types/statistics";

@Resolver(() => PolicySupportStatisticsGroup)
export class PolicySupportStatisticsResolver {
  @SignedInQuery(
    () => PolicySupportStatistics,
    "Results of support-policy implementation for a year (kết quả thực hiện chính sách hỗ trợ KTTT, HTX): approved, paid out, implementation rate and organisations supported, " +
      "for the province and broken down on request.",
  )
  policySupportStatistics(
    @Arg("year", () => Int, { description: "Year the allocations were approved, e.g. 2024." }) year: number,
    @Arg("groupBy", () => PolicySupportGroupBy, { nullable: true, description: "Optional breakdown." }) groupBy: PolicySupportGroupBy | null,
    @UnitMapArg()
    unitMap: UnitMap | null,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<PolicySupportStatistics> {
    requireYearInRange(year, "year");
    return policySupportStatistics(ctx.dataSource, year, groupBy ?? null, unitMapDateOf(unitMap, reportingPeriod(year, null).asOf), accessScope(ctx.principal));
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency, when grouped by agency." })
  agency(@Root() group: PolicySupportStatisticsGroup, @Ctx() ctx: PolicySupportContext): Promise<Agency | null> | null {
    return group.agencyId ? ctx.loaders.agency.load(group.agencyId) : null;
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description: "The administrative unit in force on `unitMapDate`, when grouped by unit (null for the unplaced).",
  })
  adminUnit(@Root() group: PolicySupportStatisticsGroup): AdminUnitRef | null {
    return group.adminUnitCode ? adminUnitRef(group.adminUnitCode, group.unitMapDate) : null;
  }
}
