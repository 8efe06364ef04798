/**
 * OCOP statistics: a day of a closed period from its half-year's sweep (every product's state on the first day and
 * its changes day by day, one cached statement per half-year), any other day in one SQL statement (each product's
 * certificate on the date in one pass, then GROUPING SETS).
 */
import { cachedAggregate, groupLabel, halfYearOf, isClosedPeriod, today, UnitMap, type GroupLabels } from "@kttt/core";
import { adminUnitName, groupingUnitOfRecord, groupingUnitsOn, TWO_TIER_FROM, UNPLACED_LABEL } from "@kttt/reference";
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

/** A product's status on `day` from its certificate then (alias `c`): the one rule of both statements below. */
const statusOn = (day: string) =>
  `CASE WHEN c.revoked_on IS NOT NULL AND c.revoked_on <= ${day} THEN 'REVOKED' WHEN c.valid_until < ${day} THEN 'EXPIRED' ELSE 'ACTIVE' END`;

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
 * in ocop starts a new version. A cached day is summed, every grouping at once, from its half-year's sweep
 * (`halfYearSweep`, cached too), so the days of a half-year cost one statement between them, not one each.
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
    scope !== null && closed ? sweptDay(await halfYearSweep(dataSource, asOf, scope), asOf) : await computeDay(dataSource, asOf, groupBy ? [groupBy] : [], map);
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
              ${statusOn("$1::date")} AS status
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
      groupsOf(
        groupBy,
        rows.filter((r) => setOf(r) === groupBy).map((r) => ({ key: r[GROUP_COLUMN(groupBy)] as string | null, row: r })),
        unitMapDate,
      ),
    ]),
  );
  return { total: totalRow ? figures(totalRow) : emptyOcopFigures(), groups, unitMapDate };
}

/** A grouping's groups from each key's figures row: labelled, in key order; a null key only by unit (unplaced). */
function groupsOf(groupBy: OcopGroupBy, rows: { key: string | null; row: Row }[], unitMapDate: string | null): OcopStatistics["groups"] {
  return rows
    .filter(({ key }) => key !== null || groupBy === OcopGroupBy.ADMIN_UNIT)
    .map(({ key, row }) => ({
      key,
      label: key === null ? UNPLACED_LABEL : groupLabel(GROUP_LABELS[groupBy], key),
      adminUnit: groupBy === OcopGroupBy.ADMIN_UNIT && key !== null ? adminUnitRef(key, unitMapDate) : null,
      figures: figures(row),
    }))
    .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~"));
}

/** The raw key of a sweep's rows (a product's group, place, owner and stars) and the counts summed per key. */
const SWEEP_KEYS = ["product_group", "commune_id", "admin_unit_code", "owner_type", "owner_organization_id", "stars"] as const;
const SWEEP_COUNTS = ["active", "expired", "revoked", "expiring_90", "expiring_180"] as const;
const COUNTS = SWEEP_COUNTS.length;
const [ACTIVE, EXPIRED, REVOKED, EXPIRING_90, EXPIRING_180] = SWEEP_COUNTS.map((_, i) => i);

/**
 * A half-year's sweep: the products counted per raw key on its first day, then the changes of each later day, as
 * arrays indexed by row (in day order) and by raw key; the days already summed are kept with it (`byDay`), so a day
 * is summed once per data version.
 */
interface HalfYearSweep {
  /** The distinct raw keys, each as the values of SWEEP_KEYS. */
  keys: (string | null)[][];
  /** Per row: its day, its raw key (an index in `keys`), the products it adds (or takes away) and their counts. */
  days: string[];
  keyOf: Int32Array;
  products: Int32Array;
  counts: Int32Array;
  byDay: Map<string, OcopDay>;
}

/**
 * The sweep of `asOf`'s half-year, cached per data version and scope. A product's figures change only on the days a
 * certificate of it is decided or revoked, lapses (the day after it is valid until) or comes within 90 or 180 days
 * of lapsing, so its state is read on its first day and on each such day of the half-year (its certificate then, by
 * the product's index), and counted from that day until its next one: one statement for the whole half-year.
 */
function halfYearSweep(dataSource: DataSource, asOf: string, scope: string): Promise<HalfYearSweep> {
  const { first, last } = halfYearOf(asOf);
  return cachedAggregate(dataSource, "ocopHalfYear", first, scope, true, async () => {
    const rows: Record<string, string | number | null>[] = await dataSource.query(
      `WITH b AS (
         SELECT DISTINCT c.product_id, x.day
           FROM ocop_certification c
           CROSS JOIN LATERAL unnest(ARRAY[c.decided_on, c.revoked_on, c.valid_until + 1, c.valid_until - 90, c.valid_until - 180]) AS x (day)
          WHERE x.day > $1::date AND x.day <= $2::date
         UNION
         SELECT DISTINCT c.product_id, $1::date FROM ocop_certification c WHERE c.decided_on <= $1::date
       ),
       segment AS (
         SELECT b.product_id, b.day, lead(b.day) OVER (PARTITION BY b.product_id ORDER BY b.day) AS next_day FROM b
       ),
       state AS (
         SELECT s.day, s.next_day, p.product_group, p.commune_id, CASE WHEN p.commune_id IS NULL THEN p.admin_unit_code END AS admin_unit_code,
                p.owner_type, p.owner_organization_id, c.stars, ${statusOn("s.day")} AS status, c.valid_until - s.day AS days_left
           FROM segment s
           JOIN ocop_product p ON p.id = s.product_id
           JOIN LATERAL (SELECT c.stars, c.valid_until, c.revoked_on FROM ocop_certification c
                          WHERE c.product_id = s.product_id AND c.decided_on <= s.day ORDER BY c.decided_on DESC LIMIT 1) c ON true
       ),
       change AS (
         SELECT state.day AS change_day, 1 AS sign, state.* FROM state
         UNION ALL
         SELECT state.next_day, -1, state.* FROM state WHERE state.next_day IS NOT NULL
       )
       SELECT change_day::text AS sweep_day, product_group, commune_id, admin_unit_code, owner_type, owner_organization_id, stars::text AS stars,
              sum(sign)::int AS n,
              coalesce(sum(sign) FILTER (WHERE status = 'ACTIVE'), 0)::int AS active,
              coalesce(sum(sign) FILTER (WHERE status = 'EXPIRED'), 0)::int AS expired,
              coalesce(sum(sign) FILTER (WHERE status = 'REVOKED'), 0)::int AS revoked,
              coalesce(sum(sign) FILTER (WHERE status = 'ACTIVE' AND days_left <= 90), 0)::int AS expiring_90,
              coalesce(sum(sign) FILTER (WHERE status = 'ACTIVE' AND days_left <= 180), 0)::int AS expiring_180
         FROM change
        GROUP BY change_day, product_group, commune_id, admin_unit_code, owner_type, owner_organization_id, stars
        ORDER BY change_day`,
      [first, last],
    );
    const sweep: HalfYearSweep = {
      keys: [],
      days: rows.map((r) => r.sweep_day as string),
      keyOf: new Int32Array(rows.length),
      products: new Int32Array(rows.map((r) => Number(r.n))),
      counts: new Int32Array(rows.length * COUNTS),
      byDay: new Map(),
    };
    const keyIndex = new Map<string, number>();
    rows.forEach((r, i) => {
      const keys = SWEEP_KEYS.map((k) => (r[k] ?? null) as string | null);
      const text = keys.join("\u0000");
      let index = keyIndex.get(text);
      if (index === undefined) keyIndex.set(text, (index = sweep.keys.push(keys) - 1));
      sweep.keyOf[i] = index;
      SWEEP_COUNTS.forEach((c, j) => (sweep.counts[i * COUNTS + j] = Number(r[c])));
    });
    return sweep;
  });
}

/** The figures of a grouping's group (or the total) as they are summed from the raw keys. */
interface Tally {
  row: Row & Record<string, number>;
  owners: Set<string>;
}

/**
 * A day's figures, every grouping, from its half-year's sweep: the rows up to the day summed per raw key, then each
 * raw key holding products added to its group of every grouping (and to the total). Kept with the sweep.
 */
function sweptDay(sweep: HalfYearSweep, asOf: string): OcopDay {
  const known = sweep.byDay.get(asOf);
  if (known) return known;
  const products = new Int32Array(sweep.keys.length);
  const counts = new Int32Array(sweep.keys.length * COUNTS);
  for (let i = 0; i < sweep.days.length && sweep.days[i] <= asOf; i += 1) {
    const key = sweep.keyOf[i];
    products[key] += sweep.products[i];
    for (let j = 0; j < COUNTS; j += 1) counts[key * COUNTS + j] += sweep.counts[i * COUNTS + j];
  }
  const unitOf = groupingUnitOfRecord(asOf);
  const [group, commune, unit, ownerType, owner, stars] = SWEEP_KEYS.map((_, i) => i);
  const keyOf: Record<OcopGroupBy, (keys: (string | null)[]) => string | null> = {
    STARS: (keys) => keys[stars],
    GROUP: (keys) => keys[group],
    ADMIN_UNIT: (keys) => unitOf(keys[commune], keys[unit]),
    OWNER_TYPE: (keys) => keys[ownerType],
  };
  const newTally = (): Tally => ({
    row: {
      active: 0,
      expired: 0,
      revoked: 0,
      three: 0,
      four: 0,
      five: 0,
      collective_products: 0,
      collective_owners: 0,
      other_products: 0,
      expiring_90: 0,
      expiring_180: 0,
    },
    owners: new Set(),
  });
  const total = newTally();
  const tallies = new Map(ALL_GROUPINGS.map((g) => [g, new Map<string | null, Tally>()]));
  sweep.keys.forEach((keys, key) => {
    if (products[key] <= 0) return;
    const at = key * COUNTS;
    const active = counts[at + ACTIVE];
    const add = (t: Tally) => {
      t.row.active += active;
      t.row.expired += counts[at + EXPIRED];
      t.row.revoked += counts[at + REVOKED];
      if (keys[stars] === "3") t.row.three += active;
      if (keys[stars] === "4") t.row.four += active;
      if (keys[stars] === "5") t.row.five += active;
      if (keys[owner] !== null) {
        t.row.collective_products += active;
        if (active > 0) t.owners.add(keys[owner]);
      } else t.row.other_products += active;
      t.row.expiring_90 += counts[at + EXPIRING_90];
      t.row.expiring_180 += counts[at + EXPIRING_180];
    };
    add(total);
    for (const [groupBy, groups] of tallies) {
      const groupKey = keyOf[groupBy](keys);
      let tally = groups.get(groupKey);
      if (!tally) groups.set(groupKey, (tally = newTally()));
      add(tally);
    }
  });
  const rowOf = (t: Tally): Row => ({ ...t.row, collective_owners: t.owners.size });
  const day: OcopDay = {
    total: figures(rowOf(total)),
    groups: new Map(
      [...tallies].map(([groupBy, groups]) => [
        groupBy,
        groupsOf(
          groupBy,
          [...groups].map(([key, t]) => ({ key, row: rowOf(t) })),
          asOf,
        ),
      ]),
    ),
    unitMapDate: asOf,
  };
  sweep.byDay.set(asOf, day);
  return day;
}
