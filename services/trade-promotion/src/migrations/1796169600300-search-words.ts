import { searchWordsMigration } from "@kttt/core";

/** Search finds a word where a word starts: events' and links' search text as words (core's searchWordsMigration). */
export const TradeSearchWords1796169600300 = searchWordsMigration("TradeSearchWords1796169600300", [
  {
    table: "trade_event",
    source: "name || ' ' || organiser || ' ' || place",
    indexes: ["CREATE INDEX trade_event_search_idx ON trade_event USING gin (search_text gin_trgm_ops)"],
  },
  {
    table: "supply_demand_link",
    source: "buyer || ' ' || product_name",
    indexes: ["CREATE INDEX supply_demand_link_search_idx ON supply_demand_link USING gin (search_text gin_trgm_ops)"],
  },
]);
