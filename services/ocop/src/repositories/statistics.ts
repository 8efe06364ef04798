/** OCOP statistics in one SQL statement: each product's certificate on the date, then GROUPING SETS. */
import { groupLabel, type GroupLabels } from "@kttt/core";
import { adminUnitName } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { GROUP_LABEL, OWNER_TYPE_LABEL, OcopGroupBy } from "../domain/enums";
import { adminUnitRef } from "../entities/external";
import { OcopFigures, OcopStatistics } from "../types/statistics";

const GROUP_EXPRESSION: Record<OcopGroupBy, string> = {
  STARS: "s.stars::text",
  GROUP: "s.product_group",
  ADMIN_UNIT: "s.admin_unit_code",
  OWNER_TYPE: "s.owner_type",
};

const GROUP_LABELS: Record<OcopGroupBy, GroupLabels> = { STARS: (stars) => `${stars} sao`, GROUP: GROUP_LABEL, ADMIN_UNIT: adminUnitName, OWNER_TYPE: OWNER_TYPE_LABEL };

interface Row extends Record<string, number | string | null> {
  grouped: number;
  key: string | null;
}

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
  return figures({ grouped: 1, key: null });
}

export async function ocopStatistics(dataSource: DataSource, asOf: string, groupBy: OcopGroupBy | null): Promise<OcopStatistics> {
  const group = groupBy ? GROUP_EXPRESSION[groupBy] : null;
  const head = group ? `grouping(${group})::int AS grouped, ${group} AS key` : "1 AS grouped, NULL::text AS key";
  const tail = group ? `GROUP BY GROUPING SETS ((${group}), ())` : "";
  const active = "s.status = 'ACTIVE'";
  const collective = "s.owner_organization_id IS NOT NULL";
  const rows: Row[] = await dataSource.query(
    `WITH s AS (
       SELECT p.product_group, p.admin_unit_code, p.owner_type, p.owner_organization_id, (cur.c).stars, (cur.c).valid_until,
              ocop_status(cur.c, $1::date) AS status
       FROM ocop_product p
       CROSS JOIN LATERAL (SELECT ocop_current_certification(p.id, $1::date) AS c) cur
       WHERE (cur.c).id IS NOT NULL
     )
     SELECT ${head},
       count(*) FILTER (WHERE ${active})::int AS active,
       count(*) FILTER (WHERE s.status = 'EXPIRED')::int AS expired,
       count(*) FILTER (WHERE s.status = 'REVOKED')::int AS revoked,
       count(*) FILTER (WHERE ${active} AND s.stars = 3)::int AS three,
       count(*) FILTER (WHERE ${active} AND s.stars = 4)::int AS four,
       count(*) FILTER (WHERE ${active} AND s.stars = 5)::int AS five,
       count(*) FILTER (WHERE ${active} AND ${collective})::int AS collective_products,
       count(DISTINCT s.owner_organization_id) FILTER (WHERE ${active} AND ${collective})::int AS collective_owners,
       count(*) FILTER (WHERE ${active} AND NOT ${collective})::int AS other_products,
       count(*) FILTER (WHERE ${active} AND s.valid_until <= $1::date + 90)::int AS expiring_90,
       count(*) FILTER (WHERE ${active} AND s.valid_until <= $1::date + 180)::int AS expiring_180
     FROM s ${tail}`,
    [asOf],
  );
  const empty = { grouped: 1, key: null } as Row;
  const stats = new OcopStatistics();
  stats.asOf = asOf;
  stats.groupBy = groupBy;
  stats.total = figures(rows.find((r) => Number(r.grouped) === 1) ?? empty);
  stats.groups = groupBy
    ? rows
        .filter((r) => Number(r.grouped) === 0 && r.key !== null)
        .map((r) => ({
          key: r.key!,
          label: groupLabel(GROUP_LABELS[groupBy], r.key),
          adminUnit: groupBy === OcopGroupBy.ADMIN_UNIT ? adminUnitRef(r.key!) : null,
          figures: figures(r),
        }))
        .sort((a, b) => a.key.localeCompare(b.key))
    : [];
  return stats;
}
