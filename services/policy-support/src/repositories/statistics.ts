/** Policy-support statistics in one SQL statement: GROUPING SETS give the total and the groups together. */
import { cachedAggregate, groupLabel, isClosedPeriod, reportingPeriod, type GroupLabels } from "@kttt/core";
import { adminUnitName, groupingUnitsByCodeOn, groupingUnitsOn, UNPLACED_LABEL } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { FUNDING_SOURCE_LABEL, POLICY_KIND_LABEL, PolicySupportGroupBy } from "../domain/enums";
import { PolicySupportStatisticsGroup, PolicySupportStatistics } from "../types/statistics";
import { FIGURE_COLUMNS, figuresOf, yearRange, type FigureRow } from "./figures";

const GROUP_EXPRESSION: Record<PolicySupportGroupBy, string> = {
  POLICY_KIND: "s.kind",
  AGENCY: "a.code",
  FUNDING_SOURCE: "b.funding_source",
  ADMIN_UNIT: "b.unit_key",
};

/** Agencies are named by their row (the agency's name), the others by their key. */
const GROUP_LABELS: Record<Exclude<PolicySupportGroupBy, typeof PolicySupportGroupBy.AGENCY>, GroupLabels> = {
  POLICY_KIND: POLICY_KIND_LABEL,
  FUNDING_SOURCE: FUNDING_SOURCE_LABEL,
  ADMIN_UNIT: adminUnitName,
};

interface Row extends FigureRow {
  grouped: number;
  key: string | null;
  agency_name: string | null;
  agency_id: string | null;
}

function labelOf(groupBy: PolicySupportGroupBy, row: Row): string {
  if (row.key === null && groupBy === PolicySupportGroupBy.ADMIN_UNIT) return UNPLACED_LABEL;
  return groupLabel(groupBy === PolicySupportGroupBy.AGENCY ? () => row.agency_name : GROUP_LABELS[groupBy], row.key);
}

/**
 * Support approved in a year, for the province and, with `groupBy`, per group: one statement. By unit, the groups are
 * the units in force on `unitMapDate` (default: the year's end, or today while it runs): districts before 2025-07-01,
 * communes after; each allocation by its commune, else by the unit code recorded; the unplaced are the group with a null key.
 * With `scope` (the caller's access scope) and a year that has ended (a closed period), the answer comes from the cache
 * of the current data version when it is there (core's cachedAggregate): any write in policy support starts a new version.
 */
export function policySupportStatistics(
  dataSource: DataSource,
  year: number,
  groupBy: PolicySupportGroupBy | null,
  unitMapDate: string = reportingPeriod(year, null).asOf,
  scope: string | null = null,
): Promise<PolicySupportStatistics> {
  // A unit map is fixed by its date, so the date keys it (today's map included); other breakdowns have no map.
  const mapKey = groupBy === PolicySupportGroupBy.ADMIN_UNIT ? unitMapDate : "";
  return cachedAggregate(dataSource, "policySupportStatistics", `${year}|${groupBy ?? ""}|${mapKey}`, scope, isClosedPeriod(yearRange(year)[1]), () =>
    computeStatistics(dataSource, year, groupBy, unitMapDate),
  );
}

async function computeStatistics(
  dataSource: DataSource,
  year: number,
  groupBy: PolicySupportGroupBy | null,
  unitMapDate: string,
): Promise<PolicySupportStatistics> {
  const group = groupBy ? GROUP_EXPRESSION[groupBy] : null;
  const head = group ? `grouping(${group})::int AS grouped, ${group} AS key` : "1 AS grouped, NULL::text AS key";
  const tail = group ? `GROUP BY GROUPING SETS ((${group}), ())` : "";
  const [from, to] = yearRange(year);
  const byUnit = groupBy === PolicySupportGroupBy.ADMIN_UNIT;
  const byCommune = byUnit ? groupingUnitsOn(unitMapDate) : { communeIds: [], unitCodes: [] };
  const byCode = byUnit ? groupingUnitsByCodeOn(unitMapDate) : { codes: [], unitCodes: [] };
  // Each allocation's unit on the map's date, joined from four arrays: still one statement.
  const beneficiaries = byUnit
    ? `(SELECT b.*, coalesce(cm.unit, CASE WHEN b.commune_id IS NULL THEN um.unit END) AS unit_key
        FROM support_beneficiary b
        LEFT JOIN unnest($3::text[], $4::text[]) AS cm (id, unit) ON cm.id = b.commune_id
        LEFT JOIN unnest($5::text[], $6::text[]) AS um (code, unit) ON um.code = b.admin_unit_code) b`
    : "support_beneficiary b";
  const rows: Row[] = await dataSource.query(
    `SELECT ${head}, min(a.name) AS agency_name, min(a.id::text) AS agency_id, ${FIGURE_COLUMNS}
     FROM ${beneficiaries}
     JOIN support_programme p ON p.id = b.programme_id
     JOIN support_policy s ON s.id = p.policy_id
     JOIN agency a ON a.id = p.agency_id
     WHERE b.approved_on BETWEEN $1 AND $2
     ${tail}`,
    byUnit ? [from, to, byCommune.communeIds, byCommune.unitCodes, byCode.codes, byCode.unitCodes] : [from, to],
  );
  const stats = new PolicySupportStatistics();
  stats.year = year;
  stats.groupBy = groupBy;
  stats.unitMapDate = byUnit ? unitMapDate : null;
  stats.total = figuresOf(rows.find((r) => r.grouped === 1));
  stats.groups = groupBy
    ? rows
        .filter((r) => r.grouped === 0)
        .map((r) =>
          Object.assign(new PolicySupportStatisticsGroup(), {
            key: r.key,
            label: labelOf(groupBy, r),
            agencyId: groupBy === PolicySupportGroupBy.AGENCY ? r.agency_id : null,
            adminUnitCode: byUnit ? r.key : null,
            unitMapDate: byUnit ? unitMapDate : null,
            figures: figuresOf(r),
          }),
        )
        .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~"))
    : [];
  return stats;
}
