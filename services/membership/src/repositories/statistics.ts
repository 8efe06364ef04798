/** Province statistics in one SQL statement: sums per raw key, then GROUPING SETS give the total and the groups together. */
import { cachedAggregate, groupLabel, isClosedPeriod, roundedDivide, today as haTinhToday, type GroupLabels } from "@kttt/core";
import { adminUnitName, groupingUnitsOn, TWO_TIER_FROM, UNPLACED_LABEL } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { RATING_LABEL, SECTOR_LABEL, SIZE_CLASS_LABEL, MembershipGroupBy, UnitMap } from "../domain/enums";
import { MembershipFigures, MembershipStatistics, type MembershipStatisticsGroup } from "../types/statistics";

export { roundedDivide };

/**
 * The breakdown in two steps: the rows are first summed per raw key (columns with statistics: a commune, a
 * sector…, so a hash aggregate over few groups), then the keys are mapped (communes to the map's units) and
 * GROUPING SETS give the groups and the total over those few sums. Every figure is a count or a sum, so
 * summing the sums is exact; grouping the organisations by the mapped key directly sorted every row.
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

const GROUP_EXPRESSION: Record<MembershipGroupBy, string> = {
  ADMIN_UNIT: "coalesce(p.unit_code, CASE WHEN r.commune_id IS NULL AND $5 THEN r.admin_unit_code END)",
  SECTOR: "r.sector",
  RATING: "r.rating",
  SIZE_CLASS: "r.size_class",
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
  grouped: number;
  key: string | null;
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
  return figures({
    grouped: 0,
    key: null,
    cooperatives: 0,
    unions: 0,
    groups: 0,
    reporting: 0,
    charter_capital: null,
    revenue: null,
    profit: null,
    workers: null,
    wage_mass: null,
    managers_total: null,
    managers_trained: null,
    good: 0,
    fair: 0,
    average: 0,
    weak: 0,
    not_rated: 0,
    unclassified: 0,
    micro: 0,
    small: 0,
    medium: 0,
    large: 0,
    size_not_determined: 0,
    size_unclassified: 0,
    it_none: 0,
    it_basic: 0,
    it_software: 0,
    it_online: 0,
  });
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
    computeStatistics(dataSource, year, groupBy, asOf, unitMap),
  );
}

async function computeStatistics(
  dataSource: DataSource,
  year: number,
  groupBy: MembershipGroupBy | null,
  asOf: string,
  unitMap: UnitMap,
): Promise<MembershipStatistics> {
  const group = groupBy ? GROUP_EXPRESSION[groupBy] : null;
  const byUnit = groupBy === MembershipGroupBy.ADMIN_UNIT;
  const unitMapDate = byUnit ? (unitMap === UnitMap.TODAY ? haTinhToday() : asOf) : null;
  // Each commune's unit on the map's date, joined from two arrays: still one statement. Rows with no commune
  // recorded keep the unit they were registered in while districts existed, and are unplaced after.
  const mapping = unitMapDate ? groupingUnitsOn(unitMapDate) : null;
  const unitJoin = mapping ? "LEFT JOIN unnest($3::text[], $4::text[]) AS p (commune_id, unit_code) ON p.commune_id = r.commune_id" : "";
  const head = group ? `grouping(${group})::int AS grouped, ${group} AS key` : "1 AS grouped, NULL::text AS key";
  const tail = group ? `GROUP BY GROUPING SETS ((${group}), ())` : "";
  const rawKeys = groupBy ? RAW_KEYS[groupBy] : [];
  const keyColumns = rawKeys.map(([expression, name]) => `${expression} AS ${name}, `).join("");
  const groupKeys = rawKeys.length ? `GROUP BY ${rawKeys.map(([expression]) => expression).join(", ")}` : "";
  const alive = "o.established_on <= $2 AND (o.dissolved_on IS NULL OR o.dissolved_on > $2)";
  const classified = (alias: "c" | "d") =>
    `LEFT JOIN classification ${alias} ON ${alias}.organization_id = o.id AND ${alias}.year = $1 AND ${alias}.scheme = '${alias === "c" ? "CIRCULAR_01_2020" : "DECREE_113_2024"}'`;
  // Unions and groups are only counted: no report is joined for them (most organisations are groups).
  const others = {
    cooperatives: "0",
    unions: "count(*) FILTER (WHERE o.kind = 'COOPERATIVE_UNION')",
    groups: "count(*) FILTER (WHERE o.kind = 'COOPERATIVE_GROUP')",
  };
  const rows: Row[] = await dataSource.query(
    `SELECT ${head},
       ${COUNTS.map((c) => `coalesce(sum(r.${c}), 0)::int AS ${c}`).join(", ")},
       ${SUMS.map((c) => `sum(r.${c}) AS ${c}`).join(", ")}
     FROM (
       SELECT ${keyColumns}
         ${COUNTS.map((c) => `${COOPERATIVE_FIGURES[c]} AS ${c}`).join(", ")},
         ${SUMS.map((c) => `${COOPERATIVE_FIGURES[c]} AS ${c}`).join(", ")}
       FROM organization o
       LEFT JOIN financial_report f ON f.organization_id = o.id AND f.year = $1
       ${classified("c")}
       ${classified("d")}
       WHERE o.kind = 'COOPERATIVE' AND ${alive}
       ${groupKeys}
       UNION ALL
       SELECT ${keyColumns}
         ${COUNTS.map((c) => `${others[c as keyof typeof others] ?? "0"} AS ${c}`).join(", ")},
         ${SUMS.map((c) => `NULL::numeric AS ${c}`).join(", ")}
       FROM organization o
       ${groupBy === MembershipGroupBy.RATING ? classified("c") : ""}
       ${groupBy === MembershipGroupBy.SIZE_CLASS ? classified("d") : ""}
       WHERE o.kind <> 'COOPERATIVE' AND ${alive}
       ${groupKeys}
     ) r
     ${unitJoin}
     ${tail}`,
    mapping ? [year, asOf, mapping.communeIds, mapping.unitCodes, unitMapDate! < TWO_TIER_FROM] : [year, asOf],
  );
  const totalRow = rows.find((r) => r.grouped === 1)!;
  const stats = new MembershipStatistics();
  stats.year = year;
  stats.asOf = asOf;
  stats.groupBy = groupBy;
  stats.unitMapDate = unitMapDate;
  stats.total = figures(totalRow);
  stats.groups = groupBy
    ? rows
        .filter((r) => r.grouped === 0)
        .map((r): MembershipStatisticsGroup => ({
          key: r.key,
          label: labelOf(groupBy, r.key),
          figures: figures(r),
        }))
        .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~"))
    : [];
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
