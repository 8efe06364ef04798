/**
 * DataLoader factories for the per-request loaders of every subgraph: N keys become one
 * `WHERE column = ANY($1)` statement, answered in the order asked.
 */
import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

export interface LoaderOptions<T> {
  /** The column (SQL name, on alias `t`) the keys are matched against. */
  column: string;
  /** The key of a loaded row. */
  keyOf: (row: T) => string;
  /** Keys that cannot exist (e.g. malformed ids) are answered without asking the database. */
  validKey?: (key: string) => boolean;
  /** Order of rows inside a group. */
  orderBy?: [string, "ASC" | "DESC"][];
}

function selectByKeys<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: LoaderOptions<T>, keys: readonly string[]): Promise<T[]> {
  const valid = keys.filter(options.validKey ?? (() => true));
  if (valid.length === 0) return Promise.resolve([]);
  const query = dataSource.getRepository(entity).createQueryBuilder("t").where(`t.${options.column} = ANY(:keys)`, { keys: valid });
  for (const [expression, direction] of options.orderBy ?? []) query.addOrderBy(expression, direction);
  return query.getMany();
}

/** One row (or null) per key. */
export function rowLoader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: LoaderOptions<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await selectByKeys(dataSource, entity, options, keys);
    const byKey = new Map(rows.map((row) => [options.keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows (possibly none) per key, in `orderBy` order. */
export function groupLoader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, options: LoaderOptions<T>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await selectByKeys(dataSource, entity, options, keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = options.keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
