import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import { accessScope, ALLIANCE, badInput, LocalDateScalar, READ_NOTE, SignedInQuery, today, UnitMap, UnitMapArg } from "@kttt/core";
import { OCOP_SUBGROUPS } from "@kttt/reference";
import type { OcopContext } from "../context";
import { OcopGroup, OcopGroupBy } from "../domain/enums";

import { ocopStatistics } from "../repositories/statistics";
import { checkOwnerReferences, OcopOwnerReferenceCheck } from "../services/reference-check";
import { OcopStatistics } from "../types/statistics";

@Resolver()
export class OcopStatisticsResolver {
  @SignedInQuery(
    () => OcopStatistics,
    "OCOP figures of the province on a date (thống kê OCOP): active, expired and revoked products, stars, " +
      "products of cooperatives and groups versus enterprises and households, certificates lapsing within 90 and 180 days.",
  )
  ocopStatistics(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date (tính đến ngày); default today." }) asOf: string | null,
    @Arg("groupBy", () => OcopGroupBy, { nullable: true, description: "Optional breakdown." }) groupBy: OcopGroupBy | null,
    @UnitMapArg("on `asOf`")
    unitMap: UnitMap | null,
    @Ctx() ctx: OcopContext,
  ): Promise<OcopStatistics> {
    return ocopStatistics(ctx.dataSource, asOf ?? today(), groupBy ?? null, unitMap ?? UnitMap.PERIOD, accessScope(ctx.principal));
  }

  @Query(() => [String], { nullable: true, description: "The subgroups of a product group (phân nhóm) accepted by registerOcopProduct." })
  ocopSubgroups(@Arg("group", () => OcopGroup, { description: "The group." }) group: OcopGroup): string[] {
    return OCOP_SUBGROUPS[group];
  }

  @Authorized(...ALLIANCE)
  @Query(() => OcopOwnerReferenceCheck, {
    nullable: true,
    description:
      "Checks every membership organisation id stored as an OCOP owner against membership (đối soát), in batches, " +
      `and lists those membership does not confirm. ${READ_NOTE.ALLIANCE}`,
  })
  ocopOwnerReferenceCheck(
    @Arg("batchSize", () => Int, {
      defaultValue: 30,
      description: "Ids per look-up request (1–500; at most 30, the gateway's alias limit, go in one request).",
    })
    batchSize: number,
    @Ctx() ctx: OcopContext,
  ): Promise<OcopOwnerReferenceCheck> {
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 500)
      throw badInput("batchSize must be between 1 and 500.", "batchSize", "BATCH_SIZE_OUT_OF_RANGE");
    return checkOwnerReferences(ctx.dataSource, ctx.lookup, batchSize);
  }
}
