import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { LocalDateScalar } from "@kttt/core";
import type { MembershipContext } from "../context";
import { AdminUnit } from "../entities/admin-unit";

@Resolver(() => AdminUnit)
export class AdminUnitResolver {
  @Query(() => [AdminUnit], { nullable: true,
    description: "Hà Tĩnh's district-level units (đơn vị hành chính cấp huyện), by code: all 13 with their history, or those that existed on a date. A bounded reference list.",
  })
  adminUnits(
    @Arg("validOn", () => LocalDateScalar, { nullable: true, description: "Only units that existed on this date." }) validOn: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<AdminUnit[]> {
    const query = ctx.dataSource.getRepository(AdminUnit).createQueryBuilder("u").orderBy("u.code");
    if (validOn) query.where("u.valid_from <= :d AND (u.valid_to IS NULL OR u.valid_to >= :d)", { d: validOn });
    return query.getMany();
  }

  @Query(() => AdminUnit, { nullable: true, description: "One administrative unit by its code; null when there is none." })
  adminUnit(@Arg("code", { description: "Official unit code, e.g. 444." }) code: string, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> {
    return ctx.loaders.adminUnit.load(code);
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: "The unit that took over this one when it ended (đơn vị tiếp nhận), if any." })
  successor(@Root() unit: AdminUnit, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> | null {
    return unit.successorCode ? ctx.loaders.adminUnit.load(unit.successorCode) : null;
  }
}
