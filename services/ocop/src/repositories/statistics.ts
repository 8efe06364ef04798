/** OCOP statistics in one SQL statement: each product's certificate on the date (one pass), then GROUPING SETS. */
import { cachedAggregate, groupLabel, isClosedPeriod, today, UnitMap, type GroupLabels } from "@kttt/core";
import { adminUnitName, groupingUnitsOn, TWO_TIER_FROM, UNPLACED_LABEL } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { GROUP_LABEL, OWNER_TYPE_LABEL, OcopGroupBy } from "../domain/enums";
import { adminUnitRef } from "../entities/external";
import { OcopFigures, OcopStatistics } from "../types/statistics";

const GROUP_EXPRESSION: Record<OcopGroupBy, string> = {
  STARS: "s.stars::text",
  GROUP: "s.product_group",
  ADMIN_UNIT: "s.unit_key",
  OWNER_TYPE: "s.owner_type",
};

const GROUP_LABELS: Record<OcopGroupBy, GroupLabels> = {
  STARS: (stars) => `${stars} sao`,
  GROUP: GROUP_LABEL,
  ADMIN_UNIT: adminUnitName,
  OWNER_TYPE: OWNER_TYPE_LABEL,
};

type Row = Record<string, number | string | null>;

function figures(row: Row): OcopFigures {
  return Object.assign(new OcopFigures(), {
    activeProducts: Number(row.active ?? 0),
    expiredProducts: Number(row.expired ?? 0),
    revokedProducts: Number(row.revoked ?? 0),
    threeStarProducts: Number(row.three ?? 0),
    fourStarProducts: Number(row.four ?? 0),
    fiveStarProducts: Number(row.five ?? 0),
    collectiveOwnedProducts: Number(row.collective_products ?? 0),
    collectiveOwners: Number(row.collective_owners ?? 0),
    otherOwnedProducts: Number(row.other_products ?? 0),
    expiringWithin90Days: Number(row.expiring_90 ?? 0),
    expiringWithin180Days: Number(row.expiring_180 ?? 0),
  });
}

/** The figures of a unit with no OCOP products. */
export function emptyOcopFigures(): OcopFigures {
  return figures({});
}

/**
 * Each product's certificate on `$1` (the latest decided by then; as `ocop_current_certification` and `ocop_status`
 * answer for one product), for every product in one pass over the certificates' index: calling the function per
 * product ran its look-up once per column read (seconds at ×100).
 */
const CURRENT_CERTIFICATIONS = `SELECT DISTINCT ON (c.product_id) c.product_id, c.stars, c.valid_until, c.revoked_on
       FROM ocop_certification c WHERE c.decided_on <= $1::date ORDER BY c.product_id, c.decided_on DESC`;

/** Every grouping, in the order of their grouping sets in the one statement. */
const ALL_GROUPINGS = Object.values(OcopGroupBy) as OcopGroupBy[];

/** The figures on a day: the total and the groups of each grouping computed. */
interface OcopDay {
  total: OcopFigures;
  groups: Map<OcopGroupBy, OcopStatistics["groups"]>;
  unitMapDate: string | null;
}

/**
 * OCOP figures on `asOf`. Grouped by unit, each product counts under the unit of the map `unitMap` names (the period's:
 * the units in force on `asOf`; TODAY: today's communes) through its commune, joined from two arrays: still one
 * statement. Products with no commune recorded keep the unit they were registered in while districts existed;
 * those no unit can hold (a split commune, one the sources lose) are the group with a null key (unplaced).
 * With `scope` (the caller's access scope) and an `asOf` before today (a closed period) on the period's map, the
 * answer comes from the cache of the current data version when it is there (core's cachedAggregate): any write
 * in ocop starts a new version. A cached day is computed with every grouping at once (one pass over the products,
 * a grouping set each), so the overview's total and units and its breakdown by group cost one statement.
 */
export async function ocopStatistics(
  dataSource: DataSource,
  asOf: string,
  groupBy: OcopGroupBy | null,
  unitMap: UnitMap = UnitMap.PERIOD,
  scope: string | null = null,
): Promise<OcopStatistics> {
  // Only the grouping by unit reads the map; the others are the same on either.
  const map = groupBy === OcopGroupBy.ADMIN_UNIT ? unitMap : UnitMap.PERIOD;
  // The map of today moves with the date: only the period's own map is fixed once the period has closed.
  const closed = isClosedPeriod(asOf) && map === UnitMap.PERIOD;
  const day =
    scope !== null && closed
      ? await cachedAggregate(dataSource, "ocopStatistics", `${asOf}|${map}`, scope, true, () => computeDay(dataSource, asOf, ALL_GROUPINGS, map))
      : await computeDay(dataSource, asOf, groupBy ? [groupBy] : [], map);
  const stats = new OcopStatistics();
  stats.asOf = asOf;
  stats.groupBy = groupBy;
  stats.unitMapDate = groupBy === OcopGroupBy.ADMIN_UNIT ? day.unitMapDate : null;
  stats.total = day.total;
  stats.groups = groupBy ? day.groups.get(groupBy)! : [];
  return stats;
}

const GROUP_COLUMN = (g: OcopGroupBy) => `key_${g.toLowerCase()}`;

async function computeDay(dataSource: DataSource, asOf: string, groupings: OcopGroupBy[], unitMap: UnitMap): Promise<OcopDay> {
  const unitMapDate = groupings.includes(OcopGroupBy.ADMIN_UNIT) ? (unitMap === UnitMap.TODAY ? today() : asOf) : null;
  const mapping = unitMapDate ? groupingUnitsOn(unitMapDate) : null;
  const unitKey = mapping ? "coalesce(u.unit_code, CASE WHEN p.commune_id IS NULL AND $4 THEN p.admin_unit_code END)" : "p.admin_unit_code";
  const unitJoin = mapping ? "LEFT JOIN unnest($2::text[], $3::text[]) AS u (commune_id, unit_code) ON u.commune_id = p.commune_id" : "";
  // One grouping set per grouping and the total (); grouping(x) is 0 on the rows of x's set.
  const head = groupings.length
    ? groupings.map((g) => `grouping(${GROUP_EXPRESSION[g]})::int AS in_${GROUP_COLUMN(g)}, ${GROUP_EXPRESSION[g]} AS ${GROUP_COLUMN(g)}`).join(", ")
    : "1 AS total";
  const tail = groupings.length ? `GROUP BY GROUPING SETS (${groupings.map((g) => `(${GROUP_EXPRESSION[g]})`).join(", ")}, ())` : "";
  const active = "s.status = 'ACTIVE'";
  const collective = "s.owner_organization_id IS NOT NULL";
  // Two steps: the products are first counted per combination of the grouped columns and the collective owner (a
  // hash aggregate, a few thousand rows at ×100), then each grouping set sums those few rows; counting owners once
  // needs a sort per set, which is cheap over them and was most of the work over every product.
  const rows: Row[] = await dataSource.query(
    `WITH cur AS (
       ${CURRENT_CERTIFICATIONS}
     ),
     p AS (
       SELECT p.product_group, ${unitKey} AS unit_key, p.owner_type, p.owner_organization_id, c.stars, c.valid_until,
              CASE WHEN c.revoked_on IS NOT NULL AND c.revoked_on <= $1::date THEN 'REVOKED' WHEN c.valid_until < $1::date THEN 'EXPIRED' ELSE 'ACTIVE' END AS status
       FROM ocop_product p
       JOIN cur c ON c.product_id = p.id
       ${unitJoin}
     ),
     s AS (
       SELECT s.product_group, s.unit_key, s.owner_type, s.stars, s.owner_organization_id,
         count(*) FILTER (WHERE ${active}) AS active,
         count(*) FILTER (WHERE s.status = 'EXPIRED') AS expired,
         count(*) FILTER (WHERE s.status = 'REVOKED') AS revoked,
         count(*) FILTER (WHERE ${active} AND ${collective}) AS collective_products,
         count(*) FILTER (WHERE ${active} AND NOT ${collective}) AS other_products,
         count(*) FILTER (WHERE ${active} AND s.valid_until <= $1::date + 90) AS expiring_90,
         count(*) FILTER (WHERE ${active} AND s.valid_until <= $1::date + 180) AS expiring_180
       FROM p s
       GROUP BY s.product_group, s.unit_key, s.owner_type, s.stars, s.owner_organization_id
     )
     SELECT ${head},
       coalesce(sum(s.active), 0)::int AS active,
       coalesce(sum(s.expired), 0)::int AS expired,
       coalesce(sum(s.revoked), 0)::int AS revoked,
       coalesce(sum(s.active) FILTER (WHERE s.stars = 3), 0)::int AS three,
       coalesce(sum(s.active) FILTER (WHERE s.stars = 4), 0)::int AS four,
       coalesce(sum(s.active) FILTER (WHERE s.stars = 5), 0)::int AS five,
       coalesce(sum(s.collective_products), 0)::int AS collective_products,
       count(DISTINCT s.owner_organization_id) FILTER (WHERE s.collective_products > 0)::int AS collective_owners,
       coalesce(sum(s.other_products), 0)::int AS other_products,
       coalesce(sum(s.expiring_90), 0)::int AS expiring_90,
       coalesce(sum(s.expiring_180), 0)::int AS expiring_180
     FROM s ${tail}`,
    mapping ? [asOf, mapping.communeIds, mapping.unitCodes, unitMapDate! < TWO_TIER_FROM] : [asOf],
  );
  const setOf = (r: Row) => groupings.find((g) => Number(r[`in_${GROUP_COLUMN(g)}`]) === 0) ?? null;
  const totalRow = rows.find((r) => setOf(r) === null);
  const groups = new Map(
    groupings.map((groupBy) => [
      groupBy,
      rows
        .filter((r) => setOf(r) === groupBy)
        .map((r) => ({ key: r[GROUP_COLUMN(groupBy)] as string | null, row: r }))
        .filter(({ key }) => key !== null || groupBy === OcopGroupBy.ADMIN_UNIT)
        .map(({ key, row }) => ({
          key,
          label: key === null ? UNPLACED_LABEL : groupLabel(GROUP_LABELS[groupBy], key),
          adminUnit: groupBy === OcopGroupBy.ADMIN_UNIT && key !== null ? adminUnitRef(key, unitMapDate) : null,
          figures: figures(row),
        }))
        .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~")),
    ]),
  );
  return { total: totalRow ? figures(totalRow) : emptyOcopFigures(), groups, unitMapDate };
}
