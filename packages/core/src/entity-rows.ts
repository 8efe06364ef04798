/**
 * Entities read from SQL rows the way TypeORM's `getMany` reads them, without its per-row machinery.
 * On a page of cooperatives `getMany` was a quarter of the membership subgraph's CPU (bench profile):
 * per batch it rebuilt the statement (select list, property-name rewriting, a regular expression per
 * column), and per row it grouped raw rows by primary key for joins nobody asked for and looked up
 * each column's alias again. Here a query without joins (every read path of the subgraphs) is turned
 * into SQL once, and each row is hydrated through the same driver conversions and transformers
 * (`prepareHydratedValue`, `setEntityValue`) into the same entity class. Anything else (joins,
 * relation ids or counts, inheritance, load listeners or subscribers, a partial selection) goes
 * through `getMany` as before.
 */
import type { DataSource, EntityMetadata, ObjectLiteral, QueryRunner, SelectQueryBuilder } from "typeorm";
import { DriverUtils } from "typeorm/driver/DriverUtils";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/** Turns one raw row (keys `<alias>_<column>`) into an entity, or null when every selected column is null (as getMany does). */
export type RowHydrator<T> = (raw: Record<string, unknown>) => T | null;

const hydrators = new WeakMap<EntityMetadata, Map<string, RowHydrator<unknown>>>();

/** True when `getMany` would read `metadata`'s rows column by column and nothing else: no relations, inheritance or load listeners. */
function plainEntity(dataSource: DataSource, metadata: EntityMetadata): boolean {
  return (
    metadata.relations.length === 0 &&
    !metadata.discriminatorColumn &&
    metadata.childEntityMetadatas.length === 0 &&
    metadata.afterLoadListeners.length === 0 &&
    dataSource.subscribers.length === 0
  );
}

/**
 * Column types PostgreSQL's driver converts when it reads them (`PostgresDriver.prepareHydratedValue`, TypeORM 0.3):
 * dates and times, enums (a number-like value), booleans and numbers given by constructor, arrays kept as text.
 * Any other type (text, uuid, integer, bigint, numeric, boolean, jsonb…) it hands back as the pg driver parsed it.
 */
const CONVERTED_TYPES = new Set<unknown>([
  Boolean,
  Date,
  Number,
  "datetime",
  "timestamp",
  "timestamp with time zone",
  "timestamp without time zone",
  "date",
  "time",
  "vector",
  "halfvec",
  "hstore",
  "simple-array",
  "simple-json",
  "cube",
  "enum",
  "simple-enum",
]);

/**
 * The property a column's raw value goes to unchanged, or null where TypeORM changes it on the way (a conversion
 * of its type, a transformer, an embedded or virtual column): per row, the hydrator then skips the driver's chain
 * of type tests and `setEntityValue`'s checks for the columns they leave as they are (most of them).
 */
function directProperty(driverType: string, column: ColumnMetadata): string | null {
  const plain = driverType === "postgres" && !column.transformer && !column.embeddedMetadata && !column.isVirtual && !column.referencedColumn;
  return plain && !CONVERTED_TYPES.has(column.type) ? column.propertyName : null;
}

/**
 * The hydrator of `metadata`'s rows selected under `alias` (all its selectable columns): the entity class
 * made as TypeORM makes it from the database (`create` from the deserializer), each column set through
 * its driver conversion and transformer; null when no column holds a value.
 */
export function rowHydrator<T>(dataSource: DataSource, metadata: EntityMetadata, alias: string): RowHydrator<T> {
  let byAlias = hydrators.get(metadata);
  if (!byAlias) hydrators.set(metadata, (byAlias = new Map<string, RowHydrator<unknown>>()));
  const known = byAlias.get(alias);
  if (known) return known as RowHydrator<T>;
  const driver = dataSource.driver;
  const columns: [string, ColumnMetadata, string | null][] = metadata.columns
    .filter((column) => !column.isVirtual)
    .map((column) => [DriverUtils.buildAlias(driver, undefined, alias, column.databaseName), column, directProperty(driver.options.type, column)]);
  const hydrate: RowHydrator<T> = (raw) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as ObjectLiteral;
    let hasData = false;
    for (const [key, column, direct] of columns) {
      const value = raw[key];
      if (value === undefined) continue;
      if (value !== null && !column.isVirtualProperty) hasData = true;
      if (direct !== null) (entity as Record<string, unknown>)[direct] = value;
      else column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return hasData ? (entity as T) : null;
  };
  byAlias.set(alias, hydrate);
  return hydrate;
}

/** Whether `query` reads whole entities of its main alias and nothing else, so that its rows can be hydrated directly. */
function plainSelect<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): boolean {
  const map = query.expressionMap;
  const main = map.mainAlias;
  return (
    !!main?.hasMetadata &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.relationCountAttributes.length === 0 &&
    map.selects.length === 1 &&
    map.selects[0].selection === main.name &&
    !map.lockMode &&
    !map.cache &&
    map.skip === undefined &&
    map.take === undefined &&
    plainEntity(query.connection, main.metadata)
  );
}

/** Runs `sql` on the query builder's own query runner (a transaction's) or a pooled connection, as `getMany` does. */
async function run(dataSource: DataSource, runner: QueryRunner | undefined, sql: string, parameters: unknown[]): Promise<Record<string, unknown>[]> {
  const queryRunner = runner ?? dataSource.createQueryRunner();
  try {
    return (await queryRunner.query(sql, parameters)) as Record<string, unknown>[];
  } finally {
    if (!runner) await queryRunner.release();
  }
}

/** The rows of raw results as entities (rows with no value in any column left out, as `getMany` does). */
export function hydrateRows<T>(hydrate: RowHydrator<T>, raw: Record<string, unknown>[]): T[] {
  const entities: T[] = [];
  for (const row of raw) {
    const entity = hydrate(row);
    if (entity !== null) entities.push(entity);
  }
  return entities;
}

/** `query.getMany()`: the same statement, the same entities, read directly when the query allows (see above). */
export async function readEntities<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  if (!plainSelect(query)) return query.getMany();
  const [sql, parameters] = query.getQueryAndParameters();
  const main = query.expressionMap.mainAlias!;
  const runner = (query as unknown as { queryRunner?: QueryRunner }).queryRunner;
  return hydrateRows(rowHydrator<T>(query.connection, main.metadata, main.name), await run(query.connection, runner, sql, parameters));
}

/** Statements built once per data source, by loader: `key` → the SQL and how to read its rows. */
const statements = new WeakMap<DataSource, Map<string, { sql: string; hydrate: RowHydrator<unknown> } | null>>();

/**
 * A loader's read by keys, its statement built once: `build(keys)` makes the query builder, whose one
 * parameter is the array of keys (`= ANY(:keys)`), and `key` names it among the data source's loaders.
 * Each call runs the same SQL with its own keys, and reads the rows as `readEntities` does (a query it
 * cannot read directly is built and run through `getMany` each time, as before).
 */
export function readByKeys<T extends ObjectLiteral>(
  dataSource: DataSource,
  key: string,
  build: (keys: readonly string[]) => SelectQueryBuilder<T>,
): (keys: readonly string[]) => Promise<T[]> {
  let byKey = statements.get(dataSource);
  if (!byKey) statements.set(dataSource, (byKey = new Map<string, { sql: string; hydrate: RowHydrator<unknown> } | null>()));
  let statement = byKey.get(key);
  if (statement === undefined) {
    const probe: string[] = [];
    const query = build(probe);
    const [sql, parameters] = query.getQueryAndParameters();
    const main = query.expressionMap.mainAlias;
    statement =
      plainSelect(query) && parameters.length === 1 && parameters[0] === probe ? { sql, hydrate: rowHydrator(dataSource, main!.metadata, main!.name) } : null;
    byKey.set(key, statement);
  }
  if (!statement) return (keys) => build(keys).getMany();
  const { sql, hydrate } = statement;
  return async (keys) => hydrateRows(hydrate as RowHydrator<T>, await run(dataSource, undefined, sql, [keys]));
}
