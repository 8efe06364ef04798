/** Province statistics: sums per raw key in SQL, from a cached anchor day and the changes since; groups and the total from those sums. */
import {
  anchorDay,
  cachedAggregate,
  groupLabel,
  groupRawSums,
  isClosedPeriod,
  netRawSums,
  rawSumsOf,
  roundedDivide,
  today as haTinhToday,
  type GroupLabels,
  type RawSums,
} from "@kttt/core";
import { adminUnitName, groupingUnitOfRecord, UNPLACED_LABEL } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { RATING_LABEL, SECTOR_LABEL, SIZE_CLASS_LABEL, MembershipGroupBy, UnitMap } from "../domain/enums";
import { MembershipFigures, MembershipStatistics, type MembershipStatisticsGroup } from "../types/statistics";

export { roundedDivide };

/**
 * The breakdown in two steps: the rows are first summed per raw key (columns with statistics: a commune, a
 * sector…, so a hash aggregate over few groups), then the keys are mapped (communes to the map's units) and the
 * groups and the total are summed over those few sums. Every figure is a count or a sum, so summing the sums is
 * exact; grouping the organisations by the mapped key directly sorted every row.
 */
const RAW_KEYS: Record<MembershipGroupBy, [expression: string, name: string][]> = {
  ADMIN_UNIT: [
    ["o.commune_id", "commune_id"],
    ["CASE WHEN o.commune_id IS NULL THEN o.admin_unit_code END", "admin_unit_code"],
  ],
  SECTOR: [["o.sector", "sector"]],
  RATING: [["c.rating", "rating"]],
  SIZE_CLASS: [["d.size_class", "size_class"]],
};

/** The counts (summed as integers) and the money and people sums (kept exact, null when nothing was reported). */
const COUNTS = [
  "cooperatives",
  "unions",
  "groups",
  "reporting",
  "good",
  "fair",
  "average",
  "weak",
  "not_rated",
  "unclassified",
  "micro",
  "small",
  "medium",
  "large",
  "size_not_determined",
  "size_unclassified",
  "it_none",
  "it_basic",
  "it_software",
  "it_online",
];
const SUMS = ["charter_capital", "revenue", "profit", "workers", "wage_mass", "managers_total", "managers_trained"];

/** Each figure over cooperatives (`o`) with the year's report (`f`), rating (`c`) and size class (`d`). */
const COOPERATIVE_FIGURES: Record<string, string> = {
  cooperatives: "count(*)",
  unions: "0",
  groups: "0",
  reporting: "count(f.organization_id)",
  charter_capital: "sum(f.charter_capital)",
  revenue: "sum(f.revenue)",
  profit: "sum(f.profit)",
  workers: "sum(f.regular_workers)",
  wage_mass: "sum(f.average_monthly_income::numeric * f.regular_workers)",
  managers_total: "sum(f.managers_total)",
  managers_trained: "sum(f.managers_trained)",
  good: "count(*) FILTER (WHERE c.rating = 'GOOD')",
  fair: "count(*) FILTER (WHERE c.rating = 'FAIR')",
  average: "count(*) FILTER (WHERE c.rating = 'AVERAGE')",
  weak: "count(*) FILTER (WHERE c.rating = 'WEAK')",
  not_rated: "count(*) FILTER (WHERE c.rating = 'NOT_RATED')",
  unclassified: "count(*) FILTER (WHERE c.rating IS NULL)",
  micro: "count(*) FILTER (WHERE d.size_class = 'MICRO')",
  small: "count(*) FILTER (WHERE d.size_class = 'SMALL')",
  medium: "count(*) FILTER (WHERE d.size_class = 'MEDIUM')",
  large: "count(*) FILTER (WHERE d.size_class = 'LARGE')",
  size_not_determined: "count(*) FILTER (WHERE d.size_class = 'NOT_DETERMINED')",
  size_unclassified: "count(*) FILTER (WHERE d.size_class IS NULL)",
  it_none: "count(*) FILTER (WHERE f.it_readiness = 'NONE')",
  it_basic: "count(*) FILTER (WHERE f.it_readiness = 'BASIC')",
  it_software: "count(*) FILTER (WHERE f.it_readiness = 'SOFTWARE')",
  it_online: "count(*) FILTER (WHERE f.it_readiness = 'ONLINE')",
};

interface Row {
  cooperatives: number;
  unions: number;
  groups: number;
  reporting: number;
  charter_capital: string | null;
  revenue: string | null;
  profit: string | null;
  workers: string | null;
  wage_mass: string | null;
  managers_total: string | null;
  managers_trained: string | null;
  good: number;
  fair: number;
  average: number;
  weak: number;
  not_rated: number;
  unclassified: number;
  micro: number;
  small: number;
  medium: number;
  large: number;
  size_not_determined: number;
  size_unclassified: number;
  it_none: number;
  it_basic: number;
  it_software: number;
  it_online: number;
}

function figures(row: Row): MembershipFigures {
  const reporting = BigInt(row.reporting);
  const money = (value: string | null) => {
    const total = BigInt(value ?? 0);
    return { total, average: reporting > 0n ? roundedDivide(total, reporting) : null };
  };
  const workers = BigInt(row.workers ?? 0);
  const classified = row.good + row.fair + row.average + row.weak + row.not_rated;
  const managersTotal = Number(row.managers_total ?? 0);
  const managersTrained = Number(row.managers_trained ?? 0);
  return Object.assign(new MembershipFigures(), {
    cooperativeCount: row.cooperatives,
    unionCount: row.unions,
    groupCount: row.groups,
    reportingCooperativeCount: row.reporting,
    charterCapital: money(row.charter_capital),
    revenue: money(row.revenue),
    profit: money(row.profit),
    regularWorkers: Number(workers),
    averageWorkerMonthlyIncome: workers > 0n ? roundedDivide(BigInt(row.wage_mass ?? 0), workers) : null,
    managersTotal,
    managersTrained,
    managersTrainedShare: managersTotal > 0 ? managersTrained / managersTotal : null,
    ratingCounts: { good: row.good, fair: row.fair, average: row.average, weak: row.weak, notRated: row.not_rated, unclassified: row.unclassified },
    sizeClassCounts: {
      micro: row.micro,
      small: row.small,
      medium: row.medium,
      large: row.large,
      notDetermined: row.size_not_determined,
      unclassified: row.size_unclassified,
    },
    goodOrFairShare: classified > 0 ? (row.good + row.fair) / classified : null,
    itReadiness: { none: row.it_none, basic: row.it_basic, software: row.it_software, online: row.it_online },
  });
}

/** The figures of a unit or group with no organisations. */
export function emptyMembershipFigures(): MembershipFigures {
  return figures(rowOf([]));
}

/** End of the year, or today while the year is running. */
export function periodEnd(year: number, today = haTinhToday()): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/**
 * Figures of a year; organisations are counted as they existed on `asOf` (default: the end of the
 * year, or today while it runs), money comes from the year's reports. With `scope` (the caller's access
 * scope) and an `asOf` before today (a closed period), the answer comes from the cache of the current
 * data version when it is there (core's cachedAggregate): a write anywhere in membership starts a new version.
 */
export function membershipStatistics(
  dataSource: DataSource,
  year: number,
  groupBy: MembershipGroupBy | null,
  asOf = periodEnd(year),
  unitMap: UnitMap = UnitMap.PERIOD,
  scope: string | null = null,
): Promise<MembershipStatistics> {
  // The map of today moves with the date: only the period's own map is fixed once the period has closed.
  const closed = isClosedPeriod(asOf) && !(groupBy === MembershipGroupBy.ADMIN_UNIT && unitMap === UnitMap.TODAY);
  return cachedAggregate(dataSource, "membershipStatistics", `${year}|${groupBy ?? ""}|${asOf}|${unitMap}`, scope, closed, () =>
    computeStatistics(dataSource, year, groupBy, asOf, unitMap, scope),
  );
}

/**
 * The organisations of `filters` summed per raw key (`RAW_KEYS`; nothing: one row), cooperatives with the year's
 * report and classifications, unions and groups counted; `sign` adds its value as one more key (a boolean column).
 * Each filter is read on its own (UNION ALL), so each can use its own index; the filters must not overlap (a key may
 * then come in several rows, which the caller adds up). Parameters: $1 the year, then the filters'.
 */
function rawSumsSql(groupBy: MembershipGroupBy | null, filters: string[], sign: string | null): string {
  // Over every organisation alive on a day the year's reports and classifications are hash-joined (a pass each);
  // over the few changed ones (a sign) each is looked up by its key: the planner would still hash a whole year.
  const join = (table: string, alias: string, on: string) =>
    sign
      ? `LEFT JOIN LATERAL (SELECT * FROM ${table} ${alias} WHERE ${alias}.organization_id = o.id AND ${on} OFFSET 0) ${alias} ON true`
      : `LEFT JOIN ${table} ${alias} ON ${alias}.organization_id = o.id AND ${on}`;
  const rawKeys: [string, string][] = [...(groupBy ? RAW_KEYS[groupBy] : []), ...(sign ? ([[sign, "plus"]] as [string, string][]) : [])];
  const keyColumns = rawKeys.map(([expression, name]) => `${expression} AS ${name}, `).join("");
  const groupKeys = rawKeys.length ? `GROUP BY ${rawKeys.map(([expression]) => expression).join(", ")}` : "";
  const classified = (alias: "c" | "d") =>
    join("classification", alias, `${alias}.year = $1 AND ${alias}.scheme = '${alias === "c" ? "CIRCULAR_01_2020" : "DECREE_113_2024"}'`);
  // Unions and groups are only counted: no report is joined for them (most organisations are groups).
  const others = {
    cooperatives: "0",
    unions: "count(*) FILTER (WHERE o.kind = 'COOPERATIVE_UNION')",
    groups: "count(*) FILTER (WHERE o.kind = 'COOPERATIVE_GROUP')",
  };
  const figureColumns = (figure: (column: string) => string) =>
    ["count(*)::int AS n", ...COUNTS.map((c) => `(${figure(c)})::int AS ${c}`), ...SUMS.map((c) => `(${figure(c)})::text AS ${c}`)].join(", ");
  const selects = (filter: string) => `SELECT ${keyColumns} ${figureColumns((c) => COOPERATIVE_FIGURES[c])}
       FROM organization o
       ${join("financial_report", "f", "f.year = $1")}
       ${classified("c")}
       ${classified("d")}
       WHERE o.kind = 'COOPERATIVE' AND ${filter}
       ${groupKeys}
       UNION ALL
       SELECT ${keyColumns} ${figureColumns((c) => (SUMS.includes(c) ? "NULL" : (others[c as keyof typeof others] ?? "0")))}
       FROM organization o
       ${groupBy === MembershipGroupBy.RATING ? classified("c") : ""}
       ${groupBy === MembershipGroupBy.SIZE_CLASS ? classified("d") : ""}
       WHERE o.kind IN ('COOPERATIVE_UNION', 'COOPERATIVE_GROUP') AND ${filter}
       ${groupKeys}`;
  return filters.map(selects).join("\n       UNION ALL\n       ");
}

const alive = (day: string) => `o.established_on <= ${day} AND (o.dissolved_on IS NULL OR o.dissolved_on > ${day})`;

/**
 * The raw sums of the organisations alive on `asOf`, computed from those of its anchor day (`anchorDay`, cached
 * per data version and scope) and of the few organisations founded or dissolved between the two days: the ones
 * alive on `asOf` only are added, those alive on the anchor day only are taken away. Every figure is a count or a
 * sum, so this is exact; a date costs an indexed read of the changes instead of a pass over every organisation.
 */
async function rawSums(
  dataSource: DataSource,
  year: number,
  groupBy: MembershipGroupBy | null,
  asOf: string,
  scope: string | null,
  anchor: string,
): Promise<RawSums[]> {
  const keyNames = (groupBy ? RAW_KEYS[groupBy] : []).map(([, name]) => name);
  const read = async (sql: string, parameters: unknown[]) => rawSumsOf(await dataSource.query(sql, parameters), keyNames, COUNTS, SUMS);
  const base = await cachedAggregate(dataSource, "membershipRawSums", `${year}|${groupBy ?? ""}|${anchor}`, scope, true, () =>
    read(rawSumsSql(groupBy, [alive("$2::date")], null), [year, anchor]),
  );
  if (anchor === asOf) return netRawSums(base);
  const [low, high] = asOf < anchor ? [asOf, anchor] : [anchor, asOf];
  // Alive on one day and not the other: founded or dissolved in between, then compared. The two are read apart, each
  // through its own index: under one OR the planner read the table for every founding (a bitmap), while the
  // foundings alone are an index-only scan of organization_statistics_idx (most of them are groups).
  const differs = `(${alive("$2::date")}) <> (${alive("$3::date")})`;
  const founded = "o.established_on > $4::date AND o.established_on <= $5::date";
  const changed = [`${founded} AND ${differs}`, `o.dissolved_on > $4::date AND o.dissolved_on <= $5::date AND NOT (${founded}) AND ${differs}`];
  const changes = await read(rawSumsSql(groupBy, changed, `(${alive("$2::date")})`), [year, asOf, anchor, low, high]);
  return netRawSums([...base, ...changes]);
}

/** The group key of a raw row: its unit on the map, or its one raw key. */
function groupKeyFunction(groupBy: MembershipGroupBy, unitMapDate: string | null): (keys: (string | null)[]) => string | null {
  if (groupBy !== MembershipGroupBy.ADMIN_UNIT) return (keys) => keys[0];
  const unitOf = groupingUnitOfRecord(unitMapDate!);
  return ([communeId, adminUnitCode]) => unitOf(communeId, adminUnitCode);
}

/** The figures' row of raw sums added up (none: every figure zero). */
function rowOf(rows: RawSums[]): Row {
  const counts = COUNTS.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i], 0));
  const sums = SUMS.map((_, i) => rows.reduce((sum, r) => sum + r.sums[i], 0n).toString());
  const entries: [string, number | string][] = [
    ...COUNTS.map((c, i): [string, number] => [c, counts[i]]),
    ...SUMS.map((c, i): [string, string] => [c, sums[i]]),
  ];
  return Object.fromEntries(entries) as unknown as Row;
}

/**
 * Figures of a year on `asOf`: sums per raw key in SQL (a commune, a sector…: few groups; see `rawSums`), then the
 * keys mapped (communes to the map's units) and the groups and total summed from those few rows. `anchor` is
 * the day the sums start from (by default the end of `asOf`'s half-year; a test names `asOf` itself to compare).
 */
export async function computeStatistics(
  dataSource: DataSource,
  year: number,
  groupBy: MembershipGroupBy | null,
  asOf: string,
  unitMap: UnitMap,
  scope: string | null = null,
  anchor = anchorDay(asOf),
): Promise<MembershipStatistics> {
  const byUnit = groupBy === MembershipGroupBy.ADMIN_UNIT;
  const unitMapDate = byUnit ? (unitMap === UnitMap.TODAY ? haTinhToday() : asOf) : null;
  const raw = await rawSums(dataSource, year, groupBy, asOf, scope, anchor);
  const stats = new MembershipStatistics();
  stats.year = year;
  stats.asOf = asOf;
  stats.groupBy = groupBy;
  stats.unitMapDate = unitMapDate;
  stats.total = figures(rowOf(raw));
  if (!groupBy) {
    stats.groups = [];
    return stats;
  }
  stats.groups = [...groupRawSums(raw, groupKeyFunction(groupBy, unitMapDate)).entries()]
    .map(([key, rows]): MembershipStatisticsGroup => ({ key, label: labelOf(groupBy, key), figures: figures(rowOf(rows)) }))
    .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~"));
  return stats;
}

const GROUP_LABELS: Record<MembershipGroupBy, GroupLabels> = {
  ADMIN_UNIT: adminUnitName,
  SECTOR: SECTOR_LABEL,
  RATING: RATING_LABEL,
  SIZE_CLASS: SIZE_CLASS_LABEL,
};

function labelOf(groupBy: MembershipGroupBy, key: string | null): string {
  if (key === null && groupBy === MembershipGroupBy.ADMIN_UNIT) return UNPLACED_LABEL;
  const none =
    groupBy === MembershipGroupBy.RATING
      ? "Chưa có kết quả xếp loại"
      : groupBy === MembershipGroupBy.SIZE_CLASS
        ? "Chưa có kết quả phân loại quy mô"
        : "Không xác định";
  return groupLabel(GROUP_LABELS[groupBy], key, none);
}
