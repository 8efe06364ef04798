import { auditMigration, dataVersionMigration, formerlyNamed, mutationReceiptsMigration, vacuumMigration } from "@kttt/core";
import { TradePromotionInitial1732406400300 } from "./1732406400300-initial";
import { FundingProgrammeIndex1732406400303 } from "./1732406400303-funding-programme-index";
import { ParticipationCommune1732406400304 } from "./1732406400304-participation-commune";
import { EventCommune1732406400305 } from "./1732406400305-event-commune";
import { ListingLinkCommune1732406400306 } from "./1732406400306-listing-link-commune";
import { TradeSearchWords1796169600300 } from "./1796169600300-search-words";

/** Every migration of the trade-promotion database, in order (timestamps 17324064003xx). */
export const migrations = [
  formerlyNamed(TradePromotionInitial1732406400300, "Initial1732406400300"),
  mutationReceiptsMigration(1732406400301),
  auditMigration(1732406400302),
  FundingProgrammeIndex1732406400303,
  ParticipationCommune1732406400304,
  EventCommune1732406400305,
  ListingLinkCommune1732406400306,
  // Statistics of closed periods are cached per data version (core's cachedAggregate).
  dataVersionMigration(1732406400307),
  TradeSearchWords1796169600300,
  // The tables it rewrote, vacuumed and analysed outside a transaction.
  vacuumMigration("TradeVacuumSearchWords1796169600301", ["trade_event", "supply_demand_link"]),
];
