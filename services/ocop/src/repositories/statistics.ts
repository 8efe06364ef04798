/** OCOP statistics: each product's state on a day summed per raw key in SQL, from a cached anchor day and the products changed since. */
import {
  anchorDay,
  cachedAggregate,
  groupLabel,
  groupRawSums,
  isClosedPeriod,
  netRawSums,
  rawSumsOf,
  today,
  UnitMap,
  type GroupLabels,
  type RawSums,
} from "@kttt/core";
import { adminUnitName, groupingUnitOfRecord, UNPLACED_LABEL } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { GROUP_LABEL, OWNER_TYPE_LABEL, OcopGroupBy } from "../domain/enums";
import { adminUnitRef } from "../entities/external";
import { OcopFigures, OcopStatistics } from "../types/statistics";

/**
 * The columns each grouping sums by in SQL (a commune, a group…: few keys), before they are mapped to the groups;
 * every grouping also keeps each collective owner apart, so owners are counted once per group and in the total.
 */
const RAW_KEYS: Record<OcopGroupBy, [expression: string, name: string][]> = {
  STARS: [["s.stars::text", "stars"]],
  GROUP: [["s.product_group", "product_group"]],
  ADMIN_UNIT: [
    ["s.commune_id", "commune_id"],
    ["CASE WHEN s.commune_id IS NULL THEN s.admin_unit_code END", "admin_unit_code"],
  ],
  OWNER_TYPE: [["s.owner_type", "owner_type"]],
};
const OWNER_KEY: [string, string] = ["s.owner_organization_id::text", "owner"];

/** The counts of a product's state on the day, summed per raw key. */
const ACTIVE = "s.status = 'ACTIVE'";
const COUNTS: [name: string, filter: string][] = [
  ["active", ACTIVE],
  ["expired", "s.status = 'EXPIRED'"],
  ["revoked", "s.status = 'REVOKED'"],
  ["three", `${ACTIVE} AND s.stars = 3`],
  ["four", `${ACTIVE} AND s.stars = 4`],
  ["five", `${ACTIVE} AND s.stars = 5`],
  ["collective_products", `${ACTIVE} AND s.owner_organization_id IS NOT NULL`],
  ["other_products", `${ACTIVE} AND s.owner_organization_id IS NULL`],
  ["expiring_90", `${ACTIVE} AND s.valid_until <= s.day + 90`],
  ["expiring_180", `${ACTIVE} AND s.valid_until <= s.day + 180`],
];
const COUNT_NAMES = COUNTS.map(([name]) => name);

const GROUP_LABELS: Record<OcopGroupBy, GroupLabels> = {
  STARS: (stars) => `${stars} sao`,
  GROUP: GROUP_LABEL,
  ADMIN_UNIT: adminUnitName,
  OWNER_TYPE: OWNER_TYPE_LABEL,
};

type Counts = Record<string, number>;

function figures(counts: Counts, collectiveOwners: number): OcopFigures {
  return Object.assign(new OcopFigures(), {
    activeProducts: counts.active ?? 0,
    expiredProducts: counts.expired ?? 0,
    revokedProducts: counts.revoked ?? 0,
    threeStarProducts: counts.three ?? 0,
    fourStarProducts: counts.four ?? 0,
    fiveStarProducts: counts.five ?? 0,
    collectiveOwnedProducts: counts.collective_products ?? 0,
    collectiveOwners,
    otherOwnedProducts: counts.other_products ?? 0,
    expiringWithin90Days: counts.expiring_90 ?? 0,
    expiringWithin180Days: counts.expiring_180 ?? 0,
  });
}

/** The figures of rows of raw sums together: counts added, collective owners counted once. */
function figuresOf(rows: readonly RawSums[]): OcopFigures {
  const counts: Counts = Object.fromEntries(COUNT_NAMES.map((name, i) => [name, rows.reduce((sum, r) => sum + r.counts[i], 0)]));
  const collective = COUNT_NAMES.indexOf("collective_products");
  const owners = new Set(rows.filter((r) => r.counts[collective] > 0).map((r) => r.keys[r.keys.length - 1]));
  return figures(counts, owners.size);
}

/** The figures of a unit with no OCOP products. */
export function emptyOcopFigures(): OcopFigures {
  return figures({}, 0);
}

/**
 * Each product's state on the day `day` (the latest certificate decided by then; as `ocop_current_certification` and
 * `ocop_status` answer for one product), summed per raw key: one pass over the certificates for every product
 * (calling the function per product ran its look-up once per column read, seconds at ×100). `only` limits it to the
 * products of a subquery.
 */
function rawSumsSql(groupBy: OcopGroupBy | null, day: string, only: string | null): string {
  const keys = [...(groupBy ? RAW_KEYS[groupBy] : []), OWNER_KEY];
  return `SELECT ${keys.map(([expression, name]) => `${expression} AS ${name}`).join(", ")}, count(*)::int AS n,
       ${COUNTS.map(([name, filter]) => `count(*) FILTER (WHERE ${filter})::int AS ${name}`).join(", ")}
     FROM (
       SELECT p.product_group, p.commune_id, p.admin_unit_code, p.owner_type, p.owner_organization_id, c.stars, c.valid_until, ${day} AS day,
              CASE WHEN c.revoked_on IS NOT NULL AND c.revoked_on <= ${day} THEN 'REVOKED' WHEN c.valid_until < ${day} THEN 'EXPIRED' ELSE 'ACTIVE' END AS status
       FROM ocop_product p
       JOIN (
         SELECT DISTINCT ON (c.product_id) c.product_id, c.stars, c.valid_until, c.revoked_on
         FROM ocop_certification c WHERE c.decided_on <= ${day} ${only ? `AND c.product_id IN (${only})` : ""}
         ORDER BY c.product_id, c.decided_on DESC
       ) c ON c.product_id = p.id
     ) s
     GROUP BY ${keys.map(([expression]) => expression).join(", ")}`;
}

/**
 * The products whose state can differ between the days $3 and $4 ($3 the earlier): a certificate decided or revoked
 * in between, or one whose expiry, or 90- or 180-day window, falls in between (all certificates: a superset is exact).
 */
const CHANGED_PRODUCTS = `SELECT product_id FROM ocop_certification
  WHERE decided_on > $3::date AND decided_on <= $4::date OR revoked_on > $3::date AND revoked_on <= $4::date
     OR valid_until >= $3::date AND valid_until < $4::date
     OR valid_until > $3::date + 90 AND valid_until <= $4::date + 90 OR valid_until > $3::date + 180 AND valid_until <= $4::date + 180`;

/**
 * The raw sums of the products on `asOf`, from those of its anchor day (core's `anchorDay`, cached per data
 * version and scope) and the products that changed in between: as they are on `asOf` added, as they were on the
 * anchor day taken away (core's `netRawSums`).
 */
async function rawSums(dataSource: DataSource, groupBy: OcopGroupBy | null, asOf: string, scope: string | null, anchor: string): Promise<RawSums[]> {
  const keyNames = [...(groupBy ? RAW_KEYS[groupBy] : []), OWNER_KEY].map(([, name]) => name);
  const read = async (sql: string, parameters: unknown[]) => rawSumsOf(await dataSource.query(sql, parameters), keyNames, COUNT_NAMES);
  const base = await cachedAggregate(dataSource, "ocopRawSums", `${groupBy ?? ""}|${anchor}`, scope, true, () =>
    read(rawSumsSql(groupBy, "$1::date", null), [anchor]),
  );
  if (anchor === asOf) return netRawSums(base);
  const [low, high] = asOf < anchor ? [asOf, anchor] : [anchor, asOf];
  const changes = await read(
    `SELECT true AS plus, * FROM (${rawSumsSql(groupBy, "$1::date", CHANGED_PRODUCTS)}) on_date
     UNION ALL SELECT false AS plus, * FROM (${rawSumsSql(groupBy, "$2::date", CHANGED_PRODUCTS)}) on_anchor`,
    [asOf, anchor, low, high],
  );
  return netRawSums([...base, ...changes]);
}

/**
 * OCOP figures on `asOf`. Grouped by unit, each product counts under the unit of the map `unitMap` names (the period's:
 * the units in force on `asOf`; TODAY: today's communes) through its commune, joined from two arrays: still one
 * statement. Products with no commune recorded keep the unit they were registered in while districts existed;
 * those no unit can hold (a split commune, one the sources lose) are the group with a null key (unplaced).
 * With `scope` (the caller's access scope) and an `asOf` before today (a closed period) on the period's map, the
 * answer comes from the cache of the current data version when it is there (core's cachedAggregate): any write
 * in ocop starts a new version.
 */
export function ocopStatistics(
  dataSource: DataSource,
  asOf: string,
  groupBy: OcopGroupBy | null,
  unitMap: UnitMap = UnitMap.PERIOD,
  scope: string | null = null,
): Promise<OcopStatistics> {
  // The map of today moves with the date: only the period's own map is fixed once the period has closed.
  const closed = isClosedPeriod(asOf) && !(groupBy === OcopGroupBy.ADMIN_UNIT && unitMap === UnitMap.TODAY);
  return cachedAggregate(dataSource, "ocopStatistics", `${asOf}|${groupBy ?? ""}|${unitMap}`, scope, closed, () =>
    computeStatistics(dataSource, asOf, groupBy, unitMap, scope),
  );
}

/**
 * OCOP figures on `asOf`: sums per raw key in SQL from the anchor day and the changes since (`rawSums`), then the
 * keys mapped to the groups (communes to the map's units). `anchor`: by default the end of `asOf`'s half-year; a
 * test names `asOf` itself to compare.
 */
export async function computeStatistics(
  dataSource: DataSource,
  asOf: string,
  groupBy: OcopGroupBy | null,
  unitMap: UnitMap,
  scope: string | null = null,
  anchor = anchorDay(asOf),
): Promise<OcopStatistics> {
  const unitMapDate = groupBy === OcopGroupBy.ADMIN_UNIT ? (unitMap === UnitMap.TODAY ? today() : asOf) : null;
  const raw = await rawSums(dataSource, groupBy, asOf, scope, anchor);
  const stats = new OcopStatistics();
  stats.asOf = asOf;
  stats.groupBy = groupBy;
  stats.unitMapDate = unitMapDate;
  stats.total = figuresOf(raw);
  if (!groupBy) {
    stats.groups = [];
    return stats;
  }
  const unitOf = unitMapDate ? groupingUnitOfRecord(unitMapDate) : null;
  const keyOf = (keys: (string | null)[]) => (unitOf ? unitOf(keys[0], keys[1]) : keys[0]);
  stats.groups = [...groupRawSums(raw, keyOf).entries()]
    .filter(([key]) => key !== null || groupBy === OcopGroupBy.ADMIN_UNIT)
    .map(([key, rows]) => ({
      key,
      label: key === null ? UNPLACED_LABEL : groupLabel(GROUP_LABELS[groupBy], key),
      adminUnit: groupBy === OcopGroupBy.ADMIN_UNIT && key !== null ? adminUnitRef(key, unitMapDate) : null,
      figures: figuresOf(rows),
    }))
    .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~"));
  return stats;
}
