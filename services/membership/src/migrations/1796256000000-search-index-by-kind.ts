import { sqlMigration } from "@kttt/core";

/**
 * The folded search text gets one trigram index per legal form (partial on `kind`) instead of one over every organisation.
 * Every list but one asks for a single form, and at ×100 the cooperatives are 99,500 of 354,200 rows: a term's trigrams
 * then read posting lists a quarter as long. Measured on the ×100 demo data, the bench's 20 search pages (psql,
 * best of three) took 141 ms in all instead of 203, and `duc tho` (100 matches) 1.5 ms instead of 9.3 when read through
 * the index. A search over every form (`organizations` without a kind) asks each form's index (one OR arm per form).
 * Each row still sits in one trigram index, so a new row costs what it did.
 */
export const SearchIndexByKind1796256000000 = sqlMigration(
  "SearchIndexByKind1796256000000",
  [
    `CREATE INDEX organization_cooperative_search_idx ON organization USING gin (search_text gin_trgm_ops) WHERE kind = 'COOPERATIVE'`,
    `CREATE INDEX organization_group_search_idx ON organization USING gin (search_text gin_trgm_ops) WHERE kind = 'COOPERATIVE_GROUP'`,
    `CREATE INDEX organization_union_search_idx ON organization USING gin (search_text gin_trgm_ops) WHERE kind = 'COOPERATIVE_UNION'`,
    `DROP INDEX organization_search_idx`,
  ],
  [
    `CREATE INDEX organization_search_idx ON organization USING gin (search_text gin_trgm_ops)`,
    `DROP INDEX organization_cooperative_search_idx`,
    `DROP INDEX organization_group_search_idx`,
    `DROP INDEX organization_union_search_idx`,
  ],
);
