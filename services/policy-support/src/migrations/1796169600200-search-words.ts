import { searchWordsMigration } from "@kttt/core";

/** Search finds a word where a word starts: documents', policies' and programmes' search text as words (core's searchWordsMigration). */
export const PolicySearchWords1796169600200 = searchWordsMigration("PolicySearchWords1796169600200", [
  {
    table: "legal_document",
    source: "number || ' ' || title || ' ' || issuer",
    indexes: ["CREATE INDEX legal_document_search_idx ON legal_document USING gin (search_text gin_trgm_ops)"],
  },
  {
    table: "support_policy",
    source: "code || ' ' || name || ' ' || coalesce(description, '')",
    indexes: ["CREATE INDEX support_policy_search_idx ON support_policy USING gin (search_text gin_trgm_ops)"],
  },
  {
    table: "support_programme",
    source: "code || ' ' || name",
    indexes: ["CREATE INDEX support_programme_search_idx ON support_programme USING gin (search_text gin_trgm_ops)"],
  },
]);
