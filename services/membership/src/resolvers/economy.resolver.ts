import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { badInput, isAdminUnitCode, economyId, notFound, READ_NOTE, reportingPeriod, type ReportingPeriod, ReportingPeriodInput, SIGNED_IN } from "@kttt/core";
import { TWO_TIER_FROM } from "@kttt/reference";
import type { MembershipContext } from "../context";
import { AdminUnit } from "../entities/admin-unit";
import { CollectiveEconomy } from "../types/collective-economy";
import { MembershipFigures } from "../types/statistics";

export function collectiveEconomy(period: ReportingPeriod, adminUnitCode: string | null): CollectiveEconomy {
  return Object.assign(new CollectiveEconomy(), { id: economyId(period, adminUnitCode), period, adminUnitCode });
}

const MAX_TREND_PERIODS = 12;

@Resolver(() => CollectiveEconomy)
export class CollectiveEconomyResolver {
  @Authorized(...SIGNED_IN)
  @Query(() => CollectiveEconomy, {
    nullable: true,
    description: `The collective economy of the province, or of one unit, in a period (tổng quan kinh tế tập thể). ${READ_NOTE.SIGNED_IN}`,
  })
  async collectiveEconomy(
    @Arg("period", () => ReportingPeriodInput, { description: "The reporting period." }) period: ReportingPeriodInput,
    @Arg("adminUnitCode", () => String, { nullable: true, description: "A unit code for one unit; omit for the province." }) adminUnitCode: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<CollectiveEconomy> {
    if (adminUnitCode !== null && adminUnitCode !== undefined) {
      if (!isAdminUnitCode(adminUnitCode) || !(await ctx.loaders.adminUnit.load(adminUnitCode))) {
        throw notFound(`There is no administrative unit with code ${adminUnitCode}.`, "adminUnitCode");
      }
    }
    return collectiveEconomy(reportingPeriod(period.year, period.half, period.asOf ?? null), adminUnitCode ?? null);
  }

  @Authorized(...SIGNED_IN)
  @Query(() => [CollectiveEconomy], {
    nullable: true,
    description: `The collective economy of every administrative unit of the period's map (theo đơn vị hành chính), by code: the districts that existed during a period before 2025-07-01, the 69 communes after. ${READ_NOTE.SIGNED_IN}`,
  })
  async collectiveEconomyByAdminUnit(
    @Arg("period", () => ReportingPeriodInput, { description: "The reporting period." }) input: ReportingPeriodInput,
    @Ctx() ctx: MembershipContext,
  ): Promise<CollectiveEconomy[]> {
    const period = reportingPeriod(input.year, input.half, input.asOf ?? null);
    const units = await ctx.dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder("u")
      // The period's map, as the figures are grouped: districts that existed during a period before 2025-07-01,
      // the communes in force on the period's date after.
      .where(
        period.asOf < TWO_TIER_FROM
          ? "u.level = 'DISTRICT' AND u.valid_from <= :end AND (u.valid_to IS NULL OR u.valid_to >= :start)"
          : "u.level = 'COMMUNE' AND u.valid_from <= :asOf AND (u.valid_to IS NULL OR u.valid_to >= :asOf)",
        { start: period.startDate, end: period.endDate, asOf: period.asOf },
      )
      .orderBy("u.code")
      .getMany();
    for (const unit of units) ctx.loaders.adminUnit.prime(unit.code, unit);
    return units.map((u) => collectiveEconomy(period, u.code));
  }

  @Authorized(...SIGNED_IN)
  @Query(() => [CollectiveEconomy], {
    nullable: true,
    description: `The collective economy over several periods, in the order asked (so sánh qua các kỳ), at most ${MAX_TREND_PERIODS}. ${READ_NOTE.SIGNED_IN}`,
  })
  async collectiveEconomyTrend(
    @Arg("periods", () => [ReportingPeriodInput], { description: "The periods to compare." }) periods: ReportingPeriodInput[],
    @Arg("adminUnitCode", () => String, { nullable: true, description: "A unit code; omit for the province." }) adminUnitCode: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<CollectiveEconomy[]> {
    if (periods.length === 0 || periods.length > MAX_TREND_PERIODS) throw badInput(`Ask for 1 to ${MAX_TREND_PERIODS} periods.`, "periods", "TOO_MANY_PERIODS");
    if (adminUnitCode && !(await ctx.loaders.adminUnit.load(adminUnitCode)))
      throw notFound(`There is no administrative unit with code ${adminUnitCode}.`, "adminUnitCode");
    return periods.map((p) => collectiveEconomy(reportingPeriod(p.year, p.half, p.asOf ?? null), adminUnitCode ?? null));
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: "The unit, or null for the whole province." })
  adminUnit(@Root() economy: CollectiveEconomy, @Ctx() ctx: MembershipContext): Promise<AdminUnit | null> | null {
    return economy.adminUnitCode ? ctx.loaders.adminUnit.load(economy.adminUnitCode) : null;
  }

  @Authorized(...SIGNED_IN)
  @FieldResolver(() => MembershipFigures, {
    nullable: true,
    description:
      "Organisations, members' money and ratings (membership): counts as of the period's asOf date; money from the reports of the period's year " +
      "(reports are yearly, so both halves of a year show that year's figures). A unit of the period's map has what lay in it then; one of today's " +
      "communes asked for a period before 2025-07-01 has what lies in its territory, re-cut through each record's commune and the crosswalk (so a " +
      "commune's trend reaches back before the reform; records of split or lost former communes fall in no commune). " +
      READ_NOTE.SIGNED_IN,
  })
  async membership(@Root() economy: CollectiveEconomy, @Ctx() ctx: MembershipContext): Promise<MembershipFigures> {
    const code = economy.adminUnitCode;
    const recut = code !== null && economy.period.asOf < TWO_TIER_FROM && (await ctx.loaders.adminUnit.load(code))?.validFrom === TWO_TIER_FROM;
    return (recut ? ctx.loaders.economyFiguresToday : ctx.loaders.economyFigures).load(economy.id);
  }
}

@Resolver(() => AdminUnit)
export class AdminUnitEconomyResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => CollectiveEconomy, {
    nullable: true,
    description: `The unit's collective economy in a period (kinh tế tập thể của đơn vị). ${READ_NOTE.SIGNED_IN}`,
  })
  collectiveEconomy(
    @Root() unit: AdminUnit,
    @Arg("period", () => ReportingPeriodInput, { description: "The reporting period." }) period: ReportingPeriodInput,
  ): CollectiveEconomy {
    return collectiveEconomy(reportingPeriod(period.year, period.half, period.asOf ?? null), unit.code);
  }
}
