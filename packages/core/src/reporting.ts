/**
 * Reporting periods (kỳ báo cáo): a year or one of its halves. The collective-economy overview is an
 * entity keyed by period and, optionally, administrative unit ("2024-H1", "2024-H1:444"), so every
 * subgraph can add its own figures for the same period to one answer.
 */
import DataLoader from "dataloader";
import { Directive, Field, InputType, Int, ObjectType } from "type-graphql";
import { ADMIN_UNIT_CODE } from "./admin-unit-code";
import { IsYearInRange, requireYearInRange, today } from "./calendar";
import { describedEnum, type EnumValue } from "./enums";
import { badInput } from "./errors";
import { LocalDateScalar } from "./scalars";

export const Half = describedEnum("Half", "Half of a year (6 tháng).", {
  H1: "6 tháng đầu năm: January to June.",
  H2: "6 tháng cuối năm: July to December.",
});
export type Half = EnumValue<typeof Half>;

@InputType({ description: "A reporting period (kỳ báo cáo): a year, or a half of it." })
export class ReportingPeriodInput {
  @Field(() => Int, { description: "The year (năm)." })
  @IsYearInRange()
  year: number;

  @Field(() => Half, { nullable: true, description: "The half (6 tháng); omit for the whole year." })
  half?: Half | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The date of the report (ngày báo cáo), on or after the period's first day: counts are taken as they stood that day " +
      "(e.g. 2024-07-15 for the Alliance's mid-2024 review). Default: the period's last day, or today while it runs.",
  })
  asOf?: string | null;
}

@ObjectType({ description: "A reporting period (kỳ báo cáo) with its dates." })
@Directive("@shareable")
export class ReportingPeriod {
  @Field({ description: 'Stable id of the period: "2024", "2024-H1", or with a report date "2024-H1@2024-07-15".' })
  id: string;

  @Field(() => Int, { description: "The year (năm)." })
  year: number;

  @Field(() => Half, { nullable: true, description: "The half, or null for the whole year." })
  half: Half | null;

  @Field({ description: 'How the Alliance writes the period, e.g. "6 tháng đầu năm 2024" (tên kỳ báo cáo).' })
  label: string;

  @Field(() => LocalDateScalar, { description: "First day of the period." })
  startDate: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  endDate: string;

  @Field(() => LocalDateScalar, { description: "The date the figures describe: the last day of the period, or today while it runs." })
  asOf: string;
}

export function reportingPeriod(year: number, half: Half | null | undefined, asOf: string | null = null, now = today()): ReportingPeriod {
  requireYearInRange(year, "period.year");
  const h = half ?? null;
  const period = new ReportingPeriod();
  period.year = year;
  period.half = h;
  period.id = h ? `${year}-${h}` : String(year);
  period.label = h === Half.H1 ? `6 tháng đầu năm ${year}` : h === Half.H2 ? `6 tháng cuối năm ${year}` : `Năm ${year}`;
  period.startDate = h === Half.H2 ? `${year}-07-01` : `${year}-01-01`;
  period.endDate = h === Half.H1 ? `${year}-06-30` : `${year}-12-31`;
  if (asOf) {
    if (asOf < period.startDate)
      throw badInput(`A report of ${period.label} cannot be dated before ${period.startDate}.`, "period.asOf", "REPORT_BEFORE_PERIOD");
    period.asOf = asOf;
    period.id = `${period.id}@${asOf}`;
  } else {
    period.asOf = period.endDate < now ? period.endDate : now;
  }
  return period;
}

// The unit part has the shape of ADMIN_UNIT_CODE.
const ECONOMY_ID = new RegExp(`^(\\d{4})(?:-(H1|H2))?(?:@(\\d{4}-\\d{2}-\\d{2}))?(?::(${ADMIN_UNIT_CODE.source.slice(1, -1)}))?$`, "u");

/**
 * The key of a collective-economy overview: "2024-H1" for the province, "2024-H1:444" for a unit,
 * "2024-H1@2024-07-15" for a report made on a given date.
 */
export function economyId(period: ReportingPeriod, adminUnitCode: string | null): string {
  return adminUnitCode ? `${period.id}:${adminUnitCode}` : period.id;
}

export function parseEconomyId(id: string): { period: ReportingPeriod; adminUnitCode: string | null } {
  const match = ECONOMY_ID.exec(id);
  if (!match) throw badInput(`"${id}" is not a collective-economy id (e.g. 2024-H1 or 2024-H1:444).`, "id", "INVALID_ID");
  return { period: reportingPeriod(Number(match[1]), (match[2] as Half | undefined) ?? null, match[3] ?? null), adminUnitCode: match[4] ?? null };
}

/** A subgraph's figures of one period: the province's, each unit's, and those of a unit with nothing recorded. */
export interface FiguresByUnit<F> {
  total: F;
  byUnit: ReadonlyMap<string, F>;
  empty: F;
}

/**
 * The loader of a subgraph's part of collective-economy overviews, keyed by the overview's id
 * ("2024-H1", "2024-H1:444"): `figuresOf` runs once per distinct period and map date asked in a request and answers the
 * province and all of the units of that map; a malformed id is that key's error. `mapDateOf` names the date of the map
 * a unit's figures follow (default: the period's asOf date; @kttt/reference's `economyMapDate` re-cuts a period before
 * 2025-07-01 by today's communes for one of today's communes, as membership does).
 */
export function economyFiguresLoader<F>(
  figuresOf: (period: ReportingPeriod, mapDate: string) => Promise<FiguresByUnit<F>>,
  mapDateOf: (period: ReportingPeriod, adminUnitCode: string | null) => string = (period) => period.asOf,
): DataLoader<string, F> {
  // Per request, across batches: a list of units asked after the province reuses its period.
  const periods = new Map<string, Promise<FiguresByUnit<F>>>();
  return new DataLoader<string, F>(async (ids) =>
    Promise.all(
      ids.map(async (id) => {
        try {
          const { period, adminUnitCode } = parseEconomyId(id);
          const mapDate = mapDateOf(period, adminUnitCode);
          const key = `${period.id}|${mapDate}`;
          let figures = periods.get(key);
          if (!figures) periods.set(key, (figures = figuresOf(period, mapDate)));
          const { total, byUnit, empty } = await figures;
          return adminUnitCode === null ? total : (byUnit.get(adminUnitCode) ?? empty);
        } catch (error) {
          return error as Error;
        }
      }),
    ),
  );
}

/** How a breakdown names its groups: a label table (an enum's Vietnamese labels) or a function of the key. */
export type GroupLabels = Readonly<Record<string, string>> | ((key: string) => string | null | undefined);

/**
 * The Vietnamese label of a statistics group, in every subgraph: what its breakdown calls the key,
 * else the key itself; `unkeyed` names the group of rows without a key.
 */
/** Integer division rounded half away from zero: how every money average is made (whole đồng). */
export function roundedDivide(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * `part ÷ whole` from the exact counts or sums, to 6 decimal places rounded half away from zero (2/3 →
 * 0.666667); null when `whole` is 0. The one rule for the rates and shares of trade promotion and policy support.
 */
export function roundedShare(part: bigint | number, whole: bigint | number): number | null {
  const denominator = BigInt(whole);
  if (denominator === 0n) return null;
  return Number(roundedDivide(BigInt(part) * 1_000_000n, denominator)) / 1_000_000;
}

export function groupLabel(labels: GroupLabels, key: string | null, unkeyed = "Không xác định"): string {
  if (key === null) return unkeyed;
  return (typeof labels === "function" ? labels(key) : labels[key]) ?? key;
}
