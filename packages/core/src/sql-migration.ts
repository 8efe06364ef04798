/**
 * A migration made of SQL statements: the tables core gives every subgraph (audit trail, receipts, data version),
 * which each subgraph adds to its own list under its own timestamp, and each subgraph's initial schema
 * (`initialMigration`). The class name is the migration's name, as TypeORM records it in the `migrations` table.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A migration named `name` that runs `up` in order, and `down` in order to undo it; with `transaction: false`, outside
 * a transaction (TypeORM's `transaction` of a migration), as VACUUM must.
 */
export function sqlMigration(
  name: string,
  up: readonly string[],
  down: readonly string[],
  options: { transaction?: false } = {},
): new () => MigrationInterface {
  const migration = class implements MigrationInterface {
    name = name;
    transaction = options.transaction;
    async up(q: QueryRunner): Promise<void> {
      for (const statement of up) await q.query(statement);
    }
    async down(q: QueryRunner): Promise<void> {
      for (const statement of down) await q.query(statement);
    }
  };
  Object.defineProperty(migration, "name", { value: name });
  return migration;
}

/**
 * A subgraph's initial migration: first the unaccent and pg_trgm extensions and `kttt_fold`, the accent-folding function
 * search columns are generated with, then `up`. Undone by `down`, then dropping `tables` in order, then `kttt_fold`.
 * The statements are those the initial migrations shipped with.
 */
export function initialMigration(name: string, up: readonly string[], tables: readonly string[], down: readonly string[] = []): new () => MigrationInterface {
  const fold = [
    `CREATE EXTENSION IF NOT EXISTS unaccent`,
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes the
    // wrapper safe to declare IMMUTABLE, which generated columns and indexes require.
    `
      CREATE FUNCTION kttt_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`,
  ];
  const drop = [...tables.map((table) => `DROP TABLE IF EXISTS ${table}`), `DROP FUNCTION IF EXISTS kttt_fold(text)`];
  return sqlMigration(name, [...fold, ...up], [...down, ...drop]);
}

/**
 * Adds to `table` a commune (`commune_id`, a unit version id of @kttt/reference, e.g. 18202 or 18202@2025-07-01)
 * and the date it holds since (`commune_since`), both or neither; `also` adds clauses to the same statement, `index`
 * (default true) indexes the commune. `indent` is the statement's indentation as the migrations shipped it.
 */
export async function addCommuneColumns(
  q: QueryRunner,
  table: string,
  options: { also?: readonly string[]; index?: boolean; indent?: number } = {},
): Promise<void> {
  const pad = " ".repeat(options.indent ?? 6);
  const clauses = [
    `ADD COLUMN commune_id text CHECK (commune_id ~ '^[0-9]{5}(@[0-9]{4}-[0-9]{2}-[0-9]{2})?$')`,
    `ADD COLUMN commune_since date`,
    `ADD CONSTRAINT ${table}_commune_since_check CHECK ((commune_id IS NULL) = (commune_since IS NULL))`,
    ...(options.also ?? []),
  ];
  await q.query(`\n${pad}ALTER TABLE ${table}\n${clauses.map((clause) => `${pad}  ${clause}`).join(",\n")}`);
  if (options.index ?? true) await q.query(`CREATE INDEX ${table}_commune_idx ON ${table} (commune_id)`);
}

/** Undoes `addCommuneColumns` (its index goes with the column). */
export async function dropCommuneColumns(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} DROP COLUMN commune_since, DROP COLUMN commune_id`);
}

/** Unit codes of district units (3 digits), as the initial migrations checked them. */
export const DISTRICT_CODE = "^[0-9]{3}$";
/** Unit codes of districts or communes (5 digits): the district level ended on 2025-07-01. */
export const DISTRICT_OR_COMMUNE_CODE = "^([0-9]{3}|[0-9]{5})$";

/** Replaces the check of `table`'s `admin_unit_code` (named `<table>_admin_unit_code_check`) with one for `pattern`. */
export async function checkUnitCodes(q: QueryRunner, table: string, pattern: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_admin_unit_code_check`);
  await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_admin_unit_code_check CHECK (admin_unit_code ~ '${pattern}')`);
}

/** A table's search column: the SQL expression of the table's columns it is made of, and the statements that index it. */
export interface SearchColumn {
  table: string;
  source: string;
  indexes: readonly string[];
}

/**
 * Makes each table's `search_text` the words of `source` (`kttt_search_words`): folded as before (`kttt_fold`), every
 * run of characters that are neither letters nor digits one space, and a space in front. A word then starts after a
 * space, so that `LIKE '% term%'` finds a term where a word starts (core's searchCondition): "huong" finds "Hương Sơn",
 * not "Thượng Lộc", and "nd cp" finds "113/2024/NĐ-CP". The column is dropped and added again in one statement per
 * table (its indexes go with it; `indexes` builds them again); `down` puts back `kttt_fold(source)`.
 */
export function searchWordsMigration(name: string, columns: readonly SearchColumn[]): new () => MigrationInterface {
  const column = (c: SearchColumn, expression: string) =>
    `ALTER TABLE ${c.table} DROP COLUMN search_text, ADD COLUMN search_text text GENERATED ALWAYS AS (${expression}) STORED`;
  return sqlMigration(
    name,
    [
      `CREATE FUNCTION kttt_search_words(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT ` +
        `AS $$ SELECT ' ' || regexp_replace(kttt_fold(value), '[^[:alnum:]]+', ' ', 'g') $$`,
      ...columns.flatMap((c) => [column(c, `kttt_search_words(${c.source})`), ...c.indexes]),
    ],
    [...columns.flatMap((c) => [column(c, `kttt_fold(${c.source})`), ...c.indexes]), `DROP FUNCTION kttt_search_words(text)`],
  );
}

/**
 * Vacuums and analyses `tables` after a migration rewrote them (searchWordsMigration does): a rewritten table has no
 * page marked all-visible and no statistics for a column added again, so until autovacuum came by, the name walks
 * would read the table for every index entry and the planner would guess how many rows a search finds. VACUUM runs
 * outside a transaction: this migration runs without one (TypeORM's `transaction = false`); it has nothing to undo.
 */
export function vacuumMigration(name: string, tables: readonly string[]): new () => MigrationInterface {
  return sqlMigration(
    name,
    tables.map((table) => `VACUUM (ANALYZE) ${table}`),
    [],
    { transaction: false },
  );
}
