/**
 * Every trade-promotion figure comes from one statement: events overlapping a period, their
 * participations, the supply-demand links agreed and the OCOP owners active in the period, aggregated by a dimension with
 * GROUPING SETS so the province's total arrives in the same answer as the groups.
 */
import { groupingUnitsByCodeOn, groupingUnitsOn } from "@kttt/reference";
import { cachedAggregate, isClosedPeriod, roundedShare } from "@kttt/core";
import type { DataSource } from "typeorm";
import { NO_UNIT_KEY, ONLINE_SELLING_TARGET, TradePromotionGroupBy } from "../domain/enums";
import { TradePromotionFigures } from "../types/statistics";

/** Key of the province's total in a figures map. */
export const TOTAL = "*";
/** Key of the records no unit of the map can hold (a split commune, a district's record on the communes' map). */
export const UNPLACED_KEY = "UNPLACED";

interface Dimension {
  event: string;
  participation: string;
  /** null: OCOP owners are not split this way (the share has no meaning per event type). */
  owner: string | null;
  /** null: supply-demand links are not split this way (most belong to no event). */
  link: string | null;
}

const DIMENSIONS: Record<TradePromotionGroupBy, Dimension> = {
  EVENT_TYPE: { event: "e.type", participation: "p.event_type", owner: null, link: null },
  FORMAT: { event: "e.format", participation: "p.event_format", owner: null, link: null },
  ADMIN_UNIT: { event: "e.unit_key", participation: "p.unit_key", owner: "o.unit_key", link: "s.unit_key" },
};

const TOTAL_ONLY: Dimension = { event: "NULL::text", participation: "NULL::text", owner: null, link: null };

interface FigureRow {
  key: string;
  events: number | null;
  budget: string | null;
  participations: number | null;
  participants: number | null;
  booths: number | null;
  sales: string | null;
  contracts: number | null;
  contract_value: string | null;
  mous: number | null;
  mou_value: string | null;
  ocop_owners: number | null;
  online: number | null;
  links: number | null;
  link_value: string | null;
}

function sql(d: Dimension): string {
  const ownerAgg = d.owner
    ? `SELECT coalesce(${d.owner}, '${TOTAL}') AS key, count(DISTINCT o.owner_id)::int AS ocop_owners,
              count(DISTINCT o.owner_id) FILTER (WHERE o.owner_id IN (SELECT owner_id FROM online))::int AS online
       FROM owners o GROUP BY GROUPING SETS ((${d.owner}), ())`
    : `SELECT '${TOTAL}'::text AS key, count(DISTINCT o.owner_id)::int AS ocop_owners,
              count(DISTINCT o.owner_id) FILTER (WHERE o.owner_id IN (SELECT owner_id FROM online))::int AS online
       FROM owners o`;
  const linkAgg = `SELECT ${d.link ? `coalesce(${d.link}, '${TOTAL}')` : `'${TOTAL}'::text`} AS key, count(*)::int AS links, coalesce(sum(s.value), 0)::text AS link_value
       FROM sd s ${d.link ? `GROUP BY GROUPING SETS ((${d.link}), ())` : ""}`;
  const group = (expression: string) => (expression === "NULL::text" ? "" : `GROUP BY GROUPING SETS ((${expression}), ())`);
  // Each row's unit on the map's date ($3–$6): by the commune recorded, else by the unit code (older rows, events known by district only).
  const placed = (commune: string | null) => `coalesce(${commune ? `cm.unit, CASE WHEN ${commune} IS NULL THEN um.unit END` : "um.unit"}, '${UNPLACED_KEY}')`;
  return `
    WITH cm AS (SELECT * FROM unnest($3::text[], $4::text[]) AS m (id, unit)),
    um AS (SELECT * FROM unnest($5::text[], $6::text[]) AS m (code, unit)),
    ev AS (
      SELECT e.*, CASE WHEN e.admin_unit_code IS NULL THEN '${NO_UNIT_KEY}' ELSE ${placed("e.commune_id")} END AS unit_key
      FROM trade_event e LEFT JOIN cm ON cm.id = e.commune_id LEFT JOIN um ON um.code = e.admin_unit_code WHERE e.starts_on <= $2 AND e.ends_on >= $1),
    pa AS (
      SELECT p.*, e.type AS event_type, e.format AS event_format, ${placed("p.commune_id")} AS unit_key
      FROM trade_participation p JOIN ev e ON e.id = p.event_id LEFT JOIN cm ON cm.id = p.commune_id LEFT JOIN um ON um.code = p.admin_unit_code),
    li AS (
      SELECT l.*, ${placed("l.commune_id")} AS unit_key FROM ecommerce_listing l LEFT JOIN cm ON cm.id = l.commune_id LEFT JOIN um ON um.code = l.admin_unit_code
      WHERE l.product_id IS NOT NULL AND l.listed_on <= $2 AND (l.delisted_on IS NULL OR l.delisted_on >= $1)),
    sd AS (
      SELECT s.*, ${placed("s.commune_id")} AS unit_key FROM supply_demand_link s LEFT JOIN cm ON cm.id = s.commune_id LEFT JOIN um ON um.code = s.admin_unit_code
      WHERE s.agreed_on BETWEEN $1 AND $2),
    online AS (SELECT DISTINCT l.owner_id FROM li l),
    owners AS (
      SELECT p.participant_id AS owner_id, p.unit_key FROM pa p
      WHERE EXISTS (SELECT 1 FROM participation_product pp WHERE pp.participation_id = p.id)
      UNION
      SELECT l.owner_id, l.unit_key FROM li l
      UNION
      SELECT s.seller_id, s.unit_key FROM sd s WHERE s.product_id IS NOT NULL),
    e_agg AS (
      SELECT coalesce(${d.event}, '${TOTAL}') AS key, count(*)::int AS events, coalesce(sum(e.budget), 0)::text AS budget
      FROM ev e ${group(d.event)}),
    p_agg AS (
      SELECT coalesce(${d.participation}, '${TOTAL}') AS key, count(*)::int AS participations, count(DISTINCT p.participant_id)::int AS participants,
             coalesce(sum(p.booths), 0)::int AS booths, coalesce(sum(p.sales_amount), 0)::text AS sales,
             coalesce(sum(p.contract_count), 0)::int AS contracts, coalesce(sum(p.contract_value), 0)::text AS contract_value,
             coalesce(sum(p.mou_count), 0)::int AS mous, coalesce(sum(p.mou_value), 0)::text AS mou_value
      FROM pa p ${group(d.participation)}),
    o_agg AS (${ownerAgg}),
    l_agg AS (${linkAgg})
    SELECT coalesce(e.key, p.key, o.key, l.key) AS key, e.events, e.budget, p.participations, p.participants, p.booths, p.sales,
           p.contracts, p.contract_value, p.mous, p.mou_value, o.ocop_owners, o.online, l.links, l.link_value
    FROM e_agg e
    FULL JOIN p_agg p ON p.key = e.key
    FULL JOIN o_agg o ON o.key = coalesce(e.key, p.key)
    FULL JOIN l_agg l ON l.key = coalesce(e.key, p.key, o.key)`;
}

function figuresOf(row: FigureRow | undefined, ownersSplit: boolean, linksSplit: boolean): TradePromotionFigures {
  const ocopOwners = ownersSplit ? (row?.ocop_owners ?? 0) : null;
  const online = ownersSplit ? (row?.online ?? 0) : null;
  const onlineShare = ocopOwners === null || online === null ? null : roundedShare(online, ocopOwners);
  return Object.assign(new TradePromotionFigures(), {
    events: row?.events ?? 0,
    eventBudget: BigInt(row?.budget ?? 0),
    participations: row?.participations ?? 0,
    participants: row?.participants ?? 0,
    booths: row?.booths ?? 0,
    sales: BigInt(row?.sales ?? 0),
    contracts: row?.contracts ?? 0,
    contractValue: BigInt(row?.contract_value ?? 0),
    memoranda: row?.mous ?? 0,
    memorandumValue: BigInt(row?.mou_value ?? 0),
    supplyDemandLinks: linksSplit ? (row?.links ?? 0) : null,
    supplyDemandValue: linksSplit ? BigInt(row?.link_value ?? 0) : null,
    ocopOwners,
    ocopOwnersSellingOnline: online,
    onlineSellingShare: onlineShare,
    meetsOnlineSellingTarget: onlineShare === null ? null : onlineShare >= ONLINE_SELLING_TARGET,
  });
}

export interface FiguresByKey {
  total: TradePromotionFigures;
  groups: Map<string, TradePromotionFigures>;
  /** Figures of a key with nothing recorded. */
  empty: TradePromotionFigures;
}

/**
 * The period's figures for the province and, with a dimension, per group: one statement. By unit, the groups are the
 * units in force on `unitMapDate` (default: the period's last day): districts before 2025-07-01, communes after; what
 * no unit of that map can hold is the group UNPLACED_KEY. With `scope` (the caller's access scope) and a period that
 * has ended (a closed period), the answer comes from the cache of the current data version when it is there (core's
 * cachedAggregate): any write in trade promotion starts a new version.
 */
export function tradeFigures(
  dataSource: DataSource,
  from: string,
  to: string,
  groupBy: TradePromotionGroupBy | null,
  unitMapDate: string = to,
  scope: string | null = null,
): Promise<FiguresByKey> {
  // A unit map is fixed by its date, so the date keys it (today's map included); other breakdowns have no map.
  const mapKey = groupBy === TradePromotionGroupBy.ADMIN_UNIT ? unitMapDate : "";
  return cachedAggregate(dataSource, "tradeFigures", `${from}|${to}|${groupBy ?? ""}|${mapKey}`, scope, isClosedPeriod(to), () =>
    computeFigures(dataSource, from, to, groupBy, unitMapDate),
  );
}

async function computeFigures(
  dataSource: DataSource,
  from: string,
  to: string,
  groupBy: TradePromotionGroupBy | null,
  unitMapDate: string,
): Promise<FiguresByKey> {
  const dimension = groupBy ? DIMENSIONS[groupBy] : TOTAL_ONLY;
  const byCommune = groupBy === TradePromotionGroupBy.ADMIN_UNIT ? groupingUnitsOn(unitMapDate) : { communeIds: [], unitCodes: [] };
  const byCode = groupBy === TradePromotionGroupBy.ADMIN_UNIT ? groupingUnitsByCodeOn(unitMapDate) : { codes: [], unitCodes: [] };
  const rows: FigureRow[] = await dataSource.query(sql(dimension), [from, to, byCommune.communeIds, byCommune.unitCodes, byCode.codes, byCode.unitCodes]);
  const split = dimension.owner !== null;
  const linksSplit = dimension.link !== null;
  const groups = new Map<string, TradePromotionFigures>();
  let total: TradePromotionFigures | undefined;
  for (const row of rows) {
    if (row.key === TOTAL) total = figuresOf(row, true, true);
    else groups.set(row.key, figuresOf(row, split, linksSplit));
  }
  return { total: total ?? figuresOf(undefined, true, true), groups, empty: figuresOf(undefined, split, linksSplit) };
}

export const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];
