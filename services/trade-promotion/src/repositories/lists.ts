/** Reading events, listings and links: filtered, keyset-paginated lists. */
import { applySearch, badInput, orderByField, paginate, requireId, today, type Connection } from "@kttt/core";
import { unitFilterCondition, unitFilterOn } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { TradeEventOrder } from "../domain/enums";
import { TradeEvent } from "../entities/event";
import { EcommerceListing, SupplyDemandLink } from "../entities/listing";
import { EcommerceListingConnection, SupplyDemandLinkConnection, TradeEventConnection } from "../types/connections";
import type { EcommerceListingListArgs, SupplyDemandLinkListArgs, TradeEventListArgs } from "../types/filters";
import { yearRange } from "./figures";

export function listTradeEvents(dataSource: DataSource, args: TradeEventListArgs): Promise<Connection<TradeEvent>> {
  const query = dataSource.getRepository(TradeEvent).createQueryBuilder("e");
  const filter = args.filter;
  if (filter?.type) query.andWhere("e.type = :type", { type: filter.type });
  if (filter?.format) query.andWhere("e.format = :format", { format: filter.format });
  if (filter?.scope) query.andWhere("e.scope = :scope", { scope: filter.scope });
  if (filter?.from && filter?.to && filter.to < filter.from)
    throw badInput(`filter.to (${filter.to}) is before filter.from (${filter.from}).`, "filter.to", "TO_BEFORE_FROM");
  if (filter?.from) query.andWhere("e.ends_on >= :from", { from: filter.from });
  if (filter?.to) query.andWhere("e.starts_on <= :to", { to: filter.to });
  if (filter?.adminUnitCode) {
    // The unit on its date: held in it or a participant lay in it, each by its commune, else by the unit code recorded.
    const within = unitFilterOn(filter.adminUnitCode, filter.adminUnitAsOf ?? null, today());
    query.andWhere(
      `(e.commune_id = ANY(:communeIds) OR (e.commune_id IS NULL AND e.admin_unit_code = ANY(:codes)) OR EXISTS (SELECT 1 FROM trade_participation p WHERE p.event_id = e.id
         AND (p.commune_id = ANY(:communeIds) OR (p.commune_id IS NULL AND p.admin_unit_code = ANY(:codes)))))`,
      within,
    );
  }
  applySearch(query, "e.search_text", filter?.search);
  const order =
    args.orderBy === TradeEventOrder.NAME_ASC
      ? orderByField(query, "name", "ASC")
      : orderByField(query, "startsOn", args.orderBy === TradeEventOrder.STARTS_ON_ASC ? "ASC" : "DESC");
  return paginate(TradeEventConnection, query, order, args);
}

export function listEcommerceListings(dataSource: DataSource, args: EcommerceListingListArgs): Promise<Connection<EcommerceListing>> {
  const query = dataSource.getRepository(EcommerceListing).createQueryBuilder("l");
  const filter = args.filter;
  if (filter?.platform) query.andWhere("l.platform = :platform", { platform: filter.platform });
  if (filter?.ownerId) {
    requireId(filter.ownerId, "filter.ownerId", "Owner");
    query.andWhere("l.owner_id = :ownerId", { ownerId: filter.ownerId });
  }
  if (filter?.adminUnitCode) {
    const condition = unitFilterCondition("l", filter.adminUnitCode, filter.adminUnitAsOf ?? null, today());
    query.andWhere(condition.sql, condition.params);
  }
  if (filter?.activeOn) query.andWhere("l.listed_on <= :day AND (l.delisted_on IS NULL OR l.delisted_on >= :day)", { day: filter.activeOn });
  return paginate(EcommerceListingConnection, query, orderByField(query, "listedOn", "DESC"), args);
}

export function listSupplyDemandLinks(dataSource: DataSource, args: SupplyDemandLinkListArgs): Promise<Connection<SupplyDemandLink>> {
  const query = dataSource.getRepository(SupplyDemandLink).createQueryBuilder("s");
  const filter = args.filter;
  if (filter?.year != null) {
    const [from, to] = yearRange(filter.year);
    query.andWhere("s.agreed_on BETWEEN :from AND :to", { from, to });
  }
  if (filter?.sellerId) {
    requireId(filter.sellerId, "filter.sellerId", "Seller");
    query.andWhere("s.seller_id = :sellerId", { sellerId: filter.sellerId });
  }
  applySearch(query, "s.search_text", filter?.search);
  return paginate(SupplyDemandLinkConnection, query, orderByField(query, "agreedOn", "DESC"), args);
}
