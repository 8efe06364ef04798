import { searchWordsMigration } from "@kttt/core";

/** Search finds a word where a word starts: the organisations' and the units' search text as words (core's searchWordsMigration). */
export const SearchWords1796169600000 = searchWordsMigration("SearchWords1796169600000", [
  {
    table: "organization",
    source: "name || ' ' || coalesce(registration_number, '')",
    indexes: [
      "CREATE INDEX organization_search_idx ON organization USING gin (search_text gin_trgm_ops)",
      "CREATE INDEX organization_kind_name_idx ON organization (kind, name, id) INCLUDE (search_text)",
    ],
  },
  { table: "admin_unit", source: "name || ' ' || code", indexes: ["CREATE INDEX admin_unit_search_idx ON admin_unit USING gin (search_text gin_trgm_ops)"] },
]);
