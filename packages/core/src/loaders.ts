/**
 * DataLoader factories for the per-request loaders of every subgraph: N keys become one
 * `WHERE column = ANY($1)` statement, answered in the order asked.
 */
import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { readByKeys, rowHydrator } from "./entity-rows";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

export interface LoaderOptions<T> {
  /** The column (SQL name, on alias `t`) the keys are matched against. */
  column: string;
  /** The key of a loaded row; by default the row's field mapped to `column`. */
  keyOf?: (row: T) => string;
  /** Keys that cannot exist (e.g. malformed ids) are answered without asking the database. */
  validKey?: (key: string) => boolean;
  /** Order of rows inside a group. */
  orderBy?: [string, "ASC" | "DESC"][];
}

/** How a loaded row's key is read: `keyOf`, or the entity's field whose column is `column`. */
function keyReader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: LoaderOptions<T>): (row: T) => string {
  if (options.keyOf) return options.keyOf;
  const field = dataSource.getMetadata(entity).columns.find((c) => c.databaseName === options.column)?.propertyName;
  if (!field) throw new Error(`${dataSource.getMetadata(entity).name} has no column ${options.column}`);
  return (row) => row[field] as string;
}

function selectByKeys<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  options: LoaderOptions<T>,
  keys: readonly string[],
): Promise<T[]> {
  const valid = keys.filter(options.validKey ?? (() => true));
  if (valid.length === 0) return Promise.resolve([]);
  const order = options.orderBy ?? [];
  const read = readByKeys(dataSource, `${dataSource.getMetadata(entity).name}|${options.column}|${JSON.stringify(order)}`, (values) => {
    const query = dataSource.getRepository(entity).createQueryBuilder("t").where(`t.${options.column} = ANY(:keys)`, { keys: values });
    for (const [expression, direction] of order) query.addOrderBy(expression, direction);
    return query;
  });
  return read(valid);
}

/** A column (SQL, on alias `t`) and a direction to order rows by, e.g. "t.joined_on ASC". */
export type OrderTerm = `${string} ${"ASC" | "DESC"}`;

/**
 * The options of a loader of rows keyed by a uuid `column` (keys that are no uuid are answered without a statement),
 * each key's rows in `order`; a row's key is its field mapped to `column`.
 */
export function uuidKeyed<T>(column: string, ...order: OrderTerm[]): LoaderOptions<T> & { orderBy: [string, "ASC" | "DESC"][] } {
  const orderBy = order.map((term): [string, "ASC" | "DESC"] => {
    const at = term.lastIndexOf(" ");
    return [term.slice(0, at), term.slice(at + 1) as "ASC" | "DESC"];
  });
  return { column, validKey: isUuid, orderBy };
}

/** One row (or null) per key. */
export function rowLoader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: LoaderOptions<T>): DataLoader<string, T | null> {
  const keyOf = keyReader(dataSource, entity, options);
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await selectByKeys(dataSource, entity, options, keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows (possibly none) per key, in `orderBy` order. */
export function groupLoader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: LoaderOptions<T>): DataLoader<string, T[]> {
  const keyOf = keyReader(dataSource, entity, options);
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await selectByKeys(dataSource, entity, options, keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** The first page of a key's rows, with the count of all of them. */
export interface FirstPage<T> {
  rows: T[];
  total: number;
}

export interface FirstPageOptions<T extends ObjectLiteral> extends LoaderOptions<T> {
  /** Order of rows inside a group; the page is the first `limit` of them. */
  orderBy: [string, "ASC" | "DESC"][];
  /** Rows per key; 0: the counts alone, every page empty (a field asked only for its `totalCount`). */
  limit: number;
  /** Further conditions on alias `t` (e.g. the caller's unit), added to the query before it runs. */
  refine?: (query: SelectQueryBuilder<T>) => void;
}

/**
 * The first `limit` rows of each key and each key's count, in one statement: a window over each
 * key's rows. The window is computed before the page is cut, so the cut goes in an outer query, and
 * the rows are read back into entities through the driver (column types and transformers).
 */
export function firstPageLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  options: FirstPageOptions<T>,
): DataLoader<string, FirstPage<T>> {
  if (options.limit === 0) return countLoader(dataSource, entity, options);
  const keyOf = keyReader(dataSource, entity, options);
  return new DataLoader<string, FirstPage<T>>(async (keys) => {
    const valid = keys.filter(options.validKey ?? (() => true));
    const pages = new Map<string, FirstPage<T>>();
    if (valid.length > 0) {
      const order = options.orderBy.map(([expression, direction]) => `${expression} ${direction}`).join(", ");
      const query = dataSource
        .getRepository(entity)
        .createQueryBuilder("t")
        .addSelect(`row_number() OVER (PARTITION BY t.${options.column} ORDER BY ${order})`, "page_position")
        .addSelect(`count(*) OVER (PARTITION BY t.${options.column})`, "page_total")
        .where(`t.${options.column} = ANY(:keys)`, { keys: valid });
      options.refine?.(query);
      const [sql, params] = query.getQueryAndParameters();
      const raw: Record<string, unknown>[] = await dataSource.query(
        `SELECT * FROM (${sql}) page WHERE page_position <= $${params.length + 1} ORDER BY page_position`,
        [...params, options.limit],
      );
      const hydrate = rowHydrator<T>(dataSource, dataSource.getMetadata(entity), "t");
      for (const values of raw) {
        const row = hydrate(values);
        if (row === null) continue;
        const key = keyOf(row);
        const page = pages.get(key) ?? { rows: [], total: Number(values.page_total) };
        page.rows.push(row);
        pages.set(key, page);
      }
    }
    return keys.map((key) => pages.get(key) ?? { rows: [], total: 0 });
  });
}

/**
 * Each key's count of rows (under `refine`'s conditions), every page empty, in one statement: the total
 * a first page carries, without reading a row. The key is the column's value as the database gives it
 * back (the same text `keyOf` reads from a loaded row of a text or uuid column).
 */
function countLoader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: FirstPageOptions<T>): DataLoader<string, FirstPage<T>> {
  return new DataLoader<string, FirstPage<T>>(async (keys) => {
    const valid = keys.filter(options.validKey ?? (() => true));
    const totals = new Map<string, number>();
    if (valid.length > 0) {
      const query = dataSource
        .getRepository(entity)
        .createQueryBuilder("t")
        .select(`t.${options.column}`, "page_key")
        .addSelect("count(*)", "page_total")
        .where(`t.${options.column} = ANY(:keys)`, { keys: valid })
        .groupBy(`t.${options.column}`);
      options.refine?.(query);
      for (const row of await query.getRawMany<{ page_key: unknown; page_total: unknown }>()) totals.set(String(row.page_key), Number(row.page_total));
    }
    return keys.map((key) => ({ rows: [], total: totals.get(key) ?? 0 }));
  });
}

/**
 * One loader per distinct argument set asked for in a request (a filter, a page size, a year): the
 * arguments are the loader's key, as JSON, and every parent asking with them shares its batch.
 */
export function loadersByArgs<A, L>(make: (args: A) => L): (args: A) => L {
  const loaders = new Map<string, L>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(args)));
    return loader;
  };
}
