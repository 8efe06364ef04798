import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { LocalDateScalar, searchCondition, searchTerms, today } from "@kttt/core";
import type { MembershipContext } from "../context";
import { AdminUnitLevel } from "../domain/enums";
import { AdminUnit, AdminUnitChange, type AdminUnitChangeRow } from "../entities/admin-unit";

const IN_FORCE = "(u.valid_from IS NULL OR u.valid_from <= :asOf) AND (u.valid_to IS NULL OR u.valid_to >= :asOf)";

@Resolver(() => AdminUnit)
export class AdminUnitResolver {
  @Query(() => [AdminUnit], {
    nullable: true,
    description:
      "Hà Tĩnh's administrative units in force on a date (đơn vị hành chính theo thời điểm), province first, then by tier and code: today the " +
      "province and its 69 communes (60 xã, 9 phường); on 2024-07-15 the 13 district-level units and their 216 communes; on 2025-03-01 " +
      "12 districts and 209 communes. A bounded reference list.",
  })
  adminUnits(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date (tính đến ngày); default: today in Hà Tĩnh." }) asOf: string | null,
    @Arg("level", () => AdminUnitLevel, { nullable: true, description: "Only units of this tier; default: all." }) level: AdminUnitLevel | null,
    @Arg("search", () => String, { nullable: true, description: 'Words of the name or code, with or without diacritics (e.g. "tu my").' })
    search: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<AdminUnit[]> {
    const query = ctx.dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder("u")
      .where(IN_FORCE, { asOf: asOf ?? today() })
      .orderBy("array_position(ARRAY['PROVINCE', 'DISTRICT', 'COMMUNE'], u.level)")
      .addOrderBy("u.code");
    if (level) query.andWhere("u.level = :level", { level });
    const terms = searchTerms(search);
    if (terms.length > 0) {
      const condition = searchCondition("u.search_text", terms);
      query.andWhere(condition.sql, condition.params);
    }
    return query.getMany();
  }

  @Query(() => AdminUnit, { nullable: true, description: "One administrative unit by its code; null when there is none." })
  async adminUnit(
    @Arg("code", { description: "Official unit code, e.g. 444 or 18202." }) code: string,
    @Arg("asOf", () => LocalDateScalar, {
      nullable: true,
      description: "The unit bearing the code on this date; default: the latest unit that bore it (codes are reused).",
    })
    asOf: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<AdminUnit | null> {
    if (!asOf) return ctx.loaders.adminUnit.load(code);
    return ctx.dataSource.getRepository(AdminUnit).createQueryBuilder("u").where("u.code = :code", { code }).andWhere(IN_FORCE, { asOf }).getOne();
  }

  @FieldResolver(() => AdminUnit, {
    nullable: true,
    description: "The unit above it while it was in force (đơn vị cấp trên): the district before 2025-07-01, the province after; null for the province.",
  })
  parent(@Root() unit: AdminUnit, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> | null {
    return unit.parentId ? ctx.loaders.adminUnitById.load(unit.parentId) : null;
  }

  @FieldResolver(() => [AdminUnitChange], {
    description: "The units it came from (đơn vị trước), each with the share of it this unit took; empty for the units of the mid-2024 map.",
  })
  async predecessors(@Root() unit: AdminUnit, @Ctx() ctx: MembershipContext): Promise<AdminUnitChange[]> {
    return changes(ctx, await ctx.loaders.adminUnitChangesTo.load(unit.id), (c) => c.fromId);
  }

  @FieldResolver(() => [AdminUnitChange], {
    description:
      "The units that took it over when it ended (đơn vị kế thừa), each with its share; empty while it is in force, or where the sources do not say.",
  })
  async successors(@Root() unit: AdminUnit, @Ctx() ctx: MembershipContext): Promise<AdminUnitChange[]> {
    return changes(ctx, await ctx.loaders.adminUnitChangesFrom.load(unit.id), (c) => c.toId);
  }

  @FieldResolver(() => AdminUnit, {
    nullable: true,
    description: "The unit that took over all of this one when it ended (đơn vị tiếp nhận); null when it was shared among several.",
    deprecationReason: "Use `successors`: units were split as well as merged.",
  })
  async successor(@Root() unit: AdminUnit, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> {
    const next = await this.successors(unit, ctx);
    return next.length === 1 && next[0].share === "WHOLE" ? next[0].unit : null;
  }
}

async function changes(ctx: MembershipContext, rows: AdminUnitChangeRow[], other: (row: AdminUnitChangeRow) => string): Promise<AdminUnitChange[]> {
  const units = await ctx.loaders.adminUnitById.loadMany(rows.map(other));
  return rows.map((row, i) =>
    Object.assign(new AdminUnitChange(), {
      unit: units[i] as AdminUnit,
      share: row.share,
      tookEffectOn: row.tookEffectOn,
      legalBasis: row.legalBasis,
      inferred: row.inferred,
      note: row.note,
    }),
  );
}
