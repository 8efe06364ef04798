/**
 * Per-request DataLoaders: every list-to-reference path of trade promotion goes through one of
 * these, so N parents cost one `WHERE … = ANY($1)` statement (or one grouped statement), not N.
 */
import DataLoader from "dataloader";
import { economyFiguresLoader, firstPageLoader, groupLoader, loadersByArgs, isUuid, reportingPeriod, rowLoader, today, uuidKeyed } from "@kttt/core";
import { accessScope, type Principal } from "@kttt/core";
import { codeOfAdminUnitId, economyMapDate, unitMapDateFor, unitMapDay } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { TradePromotionGroupBy } from "./domain/enums";
import { TradeEvent } from "./entities/event";
import { EcommerceListing } from "./entities/listing";
import { ParticipationProduct, TradeParticipation } from "./entities/participation";
import { tradeFigures, yearRange } from "./repositories/figures";
import type { TradePromotionFigures } from "./types/statistics";

/** The events each OCOP product was shown at (ids), in one statement for all products asked. */
function eventIdsByProduct(dataSource: DataSource) {
  return new DataLoader<string, string[]>(async (keys) => {
    const valid = keys.filter(isUuid);
    const rows: { product_id: string; event_id: string }[] = valid.length
      ? await dataSource.query(
          `SELECT DISTINCT pp.product_id, p.event_id, e.starts_on
           FROM participation_product pp JOIN trade_participation p ON p.id = pp.participation_id JOIN trade_event e ON e.id = p.event_id
           WHERE pp.product_id = ANY($1) ORDER BY e.starts_on DESC, p.event_id`,
          [valid],
        )
      : [];
    const byProduct = new Map<string, string[]>();
    for (const row of rows) byProduct.set(row.product_id, [...(byProduct.get(row.product_id) ?? []), row.event_id]);
    return keys.map((k) => byProduct.get(k) ?? []);
  });
}

/**
 * A year's figures of many units (by unit version id), each on the map of the year's end (or today) while the unit is in
 * force then, else of its last day in the year: one grouped statement per distinct map date, so one for the units of a map.
 */
function unitFigures(dataSource: DataSource, year: number) {
  return new DataLoader<string, TradePromotionFigures>(async (ids) => {
    const [from, to] = yearRange(year);
    const periodDate = reportingPeriod(year, null).asOf;
    const dates = ids.map((id) => unitMapDateFor(id, from, periodDate));
    const byDate = new Map<string, Promise<Awaited<ReturnType<typeof tradeFigures>>>>();
    for (const date of new Set(dates)) byDate.set(date, tradeFigures(dataSource, from, to, TradePromotionGroupBy.ADMIN_UNIT, date));
    return Promise.all(
      ids.map(async (id, i) => {
        const figures = await byDate.get(dates[i])!;
        return figures.groups.get(codeOfAdminUnitId(id)) ?? figures.empty;
      }),
    );
  });
}

/** Trade figures of a period for the province and every unit of the period's map (or today's, re-cut for one of today's communes), in one statement. */
function economyFigures(dataSource: DataSource, scope: string | null) {
  return economyFiguresLoader(
    async (period, mapDate) => {
      // Any day of one map groups alike: the map's own day keeps one cached answer for every report dated on it.
      const figures = await tradeFigures(dataSource, period.startDate, period.endDate, TradePromotionGroupBy.ADMIN_UNIT, unitMapDay(mapDate), scope);
      return { total: figures.total, byUnit: figures.groups, empty: figures.empty };
    },
    (period, code) => economyMapDate(code, period.asOf, today()),
  );
}

/** Events by the programme that funded them, earliest start first. */
const BY_PROGRAMME = uuidKeyed("funding_programme_id", "t.starts_on ASC", "t.id ASC");

/** An event's participations, by first day of attendance. */
const BY_EVENT = uuidKeyed("event_id", "t.attended_from ASC", "t.id ASC");

/** A participant's participations, latest first. */
const BY_PARTICIPANT = uuidKeyed("participant_id", "t.attended_from DESC", "t.id DESC");

export function createLoaders(dataSource: DataSource, principal?: Principal) {
  return {
    event: rowLoader(dataSource, TradeEvent, { column: "id", keyOf: (e) => e.id, validKey: isUuid }),
    /** The first page of events each of many programmes funded, and their counts; `unit` keeps only events held there. */
    firstEventsByProgramme: loadersByArgs((args: { limit: number; unit: string | null }) =>
      firstPageLoader(dataSource, TradeEvent, {
        ...BY_PROGRAMME,
        limit: args.limit,
        refine: args.unit === null ? undefined : (query) => void query.andWhere("t.admin_unit_code = :unit", { unit: args.unit }),
      }),
    ),
    eventsByProgramme: groupLoader(dataSource, TradeEvent, BY_PROGRAMME),
    participation: rowLoader(dataSource, TradeParticipation, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    participationsByEvent: groupLoader(dataSource, TradeParticipation, BY_EVENT),
    firstParticipationsByEvent: loadersByArgs((args: { limit: number }) => firstPageLoader(dataSource, TradeParticipation, { ...BY_EVENT, limit: args.limit })),
    participationsByParticipant: groupLoader(dataSource, TradeParticipation, BY_PARTICIPANT),
    firstParticipationsByParticipant: loadersByArgs((args: { limit: number }) =>
      firstPageLoader(dataSource, TradeParticipation, { ...BY_PARTICIPANT, limit: args.limit }),
    ),
    productsByParticipation: groupLoader(dataSource, ParticipationProduct, uuidKeyed("participation_id", "t.product_id ASC")),
    eventIdsByProduct: eventIdsByProduct(dataSource),
    listingsByProduct: groupLoader(dataSource, EcommerceListing, uuidKeyed("product_id", "t.listed_on ASC", "t.id ASC")),
    unitFigures: loadersByArgs((year: number) => unitFigures(dataSource, year)),
    economyFigures: economyFigures(dataSource, accessScope(principal)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
