import { searchWordsMigration } from "@kttt/core";

/** Search finds a word where a word starts: the owners' and the products' search text as words (core's searchWordsMigration). */
export const OcopSearchWords1796169600100 = searchWordsMigration("OcopSearchWords1796169600100", [
  { table: "ocop_owner", source: "name || ' ' || registration_number", indexes: [] },
  {
    table: "ocop_product",
    source: "name || ' ' || subgroup",
    indexes: ["CREATE INDEX ocop_product_search_idx ON ocop_product USING gin (search_text gin_trgm_ops)"],
  },
]);
