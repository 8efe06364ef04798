/**
 * Per-request DataLoaders: every list-to-reference path of trade promotion goes through one of
 * these, so N parents cost one `WHERE … = ANY($1)` statement (or one grouped statement), not N.
 */
import DataLoader from "dataloader";
import { ADMIN_UNIT_CODE, firstPageLoader, groupLoader, isUuid, loaderPerArguments, parseEconomyId, rowLoader } from "@kttt/core";
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

/** A year's figures of many units: one grouped statement whatever the number of units. */
function unitFigures(dataSource: DataSource, year: number) {
  return new DataLoader<string, TradePromotionFigures>(async (codes) => {
    const [from, to] = yearRange(year);
    const figures = await tradeFigures(dataSource, from, to, TradePromotionGroupBy.ADMIN_UNIT);
    return codes.map((code) => figures.groups.get(code) ?? figures.empty);
  });
}

/**
 * Collective-economy overviews ("2024-H1", "2024-H1:444"): one statement per distinct period asked,
 * which answers the province and all of its units at once.
 */
function economyFigures(dataSource: DataSource) {
  return new DataLoader<string, TradePromotionFigures | Error>(async (ids) => {
    const parsed = ids.map((id) => {
      try {
        return parseEconomyId(id);
      } catch (error) {
        return error as Error;
      }
    });
    const periods = new Map<string, Promise<Awaited<ReturnType<typeof tradeFigures>>>>();
    for (const p of parsed) {
      if (p instanceof Error || periods.has(p.period.id)) continue;
      periods.set(p.period.id, tradeFigures(dataSource, p.period.startDate, p.period.endDate, TradePromotionGroupBy.ADMIN_UNIT));
    }
    return Promise.all(
      parsed.map(async (p) => {
        if (p instanceof Error) return p;
        const figures = await periods.get(p.period.id)!;
        if (p.adminUnitCode === null) return figures.total;
        return ADMIN_UNIT_CODE.test(p.adminUnitCode) ? (figures.groups.get(p.adminUnitCode) ?? figures.empty) : figures.empty;
      }),
    );
  });
}

/** Events by the programme that funded them, earliest start first. */
const BY_PROGRAMME = { column: "funding_programme_id", keyOf: (e: TradeEvent) => e.fundingProgrammeId!, validKey: isUuid, orderBy: [["t.starts_on", "ASC"], ["t.id", "ASC"]] as [string, "ASC"][] };

export function createLoaders(dataSource: DataSource) {
  return {
    event: rowLoader(dataSource, TradeEvent, { column: "id", keyOf: (e) => e.id, validKey: isUuid }),
    /** The first page of events each of many programmes funded, and their counts; `unit` keeps only events held there. */
    firstEventsByProgramme: loaderPerArguments((args: { limit: number; unit: string | null }) =>
      firstPageLoader(dataSource, TradeEvent, { ...BY_PROGRAMME, limit: args.limit, where: args.unit === null ? undefined : { sql: "t.admin_unit_code = :unit", params: { unit: args.unit } } }),
    ),
    eventsByProgramme: groupLoader(dataSource, TradeEvent, BY_PROGRAMME),
    participation: rowLoader(dataSource, TradeParticipation, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    participationsByEvent: groupLoader(dataSource, TradeParticipation, { column: "event_id", keyOf: (p) => p.eventId, validKey: isUuid, orderBy: [["t.attended_from", "ASC"], ["t.id", "ASC"]] }),
    participationsByParticipant: groupLoader(dataSource, TradeParticipation, {
      column: "participant_id",
      keyOf: (p) => p.participantId,
      validKey: isUuid,
      orderBy: [["t.attended_from", "DESC"], ["t.id", "DESC"]],
    }),
    productsByParticipation: groupLoader(dataSource, ParticipationProduct, { column: "participation_id", keyOf: (p) => p.participationId, validKey: isUuid, orderBy: [["t.product_id", "ASC"]] }),
    eventIdsByProduct: eventIdsByProduct(dataSource),
    listingsByProduct: groupLoader(dataSource, EcommerceListing, { column: "product_id", keyOf: (l) => l.productId!, validKey: isUuid, orderBy: [["t.listed_on", "ASC"], ["t.id", "ASC"]] }),
    unitFigures: loaderPerArguments((year: number) => unitFigures(dataSource, year)),
    economyFigures: economyFigures(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;


