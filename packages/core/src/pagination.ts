/**
 * Relay cursor connections with keyset pagination. A cursor holds the sort key of the last row
 * seen plus its id, so a page is one index range scan however deep the client pages, and a row
 * inserted meanwhile never shifts the pages that follow.
 */
import "reflect-metadata";
import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { cachedAggregate } from "./aggregate-cache";
import { today } from "./calendar";
import { readEntities } from "./entity-rows";
import { badInput } from "./errors";
import { searchCondition, searchTerms } from "./text";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// Every subgraph serves its own connections, so PageInfo is resolved by each of them.
@ObjectType({ description: "Where a page stands in a connection (thông tin trang), per the Relay cursor spec." })
@Directive("@shareable")
export class PageInfo {
  @Field({ description: "True when more rows follow the last edge of this page." })
  hasNextPage: boolean;

  @Field({ description: "True when rows come before the first edge of this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge, to page backwards with `before`." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge, to page forwards with `after`." })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (at most ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the rows after this cursor." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Return the rows before this cursor." })
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node type;
 * `nodeType` is the node class (an object or interface type, abstract classes included).
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T> | (abstract new () => T), name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${description} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this edge, for `after` / `before`." })
    cursor: string;

    @Field(() => nodeType as ClassType<T>, { description: `The ${description}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description} records (Relay cursor connection).` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge], { description: "The edges of this page, in order." })
    edges: Edge[];

    @Field(() => [nodeType as ClassType<T>], { description: "The nodes of this page, in order (shortcut for edges.node)." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo: PageInfo;

    count: () => Promise<number>;

    @Field(() => Int, { description: "Number of rows matching the filter, over all pages." })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

export interface SortKey {
  /** SQL expression of the sort column, e.g. `o.name`. Must be NOT NULL. */
  expression: string;
  /** How to read the value back from a row for the cursor. */
  read: (row: any) => unknown;
}

export interface KeysetOrder {
  keys: SortKey[];
  direction: "ASC" | "DESC";
  /** Unique tiebreaker, e.g. `o.id`, read with `idOf`. */
  idExpression: string;
  idOf: (row: any) => string;
}

/**
 * Keyset order of `query`'s rows on one of their entity's fields (its column found in the entity's metadata, read back
 * from a row's `field`), ties broken by the row's id.
 */
export function orderByField<T extends { id: string }>(query: SelectQueryBuilder<T>, field: keyof T & string, direction: "ASC" | "DESC"): KeysetOrder {
  const column = query.expressionMap.mainAlias!.metadata.findColumnWithPropertyName(field);
  if (!column) throw new Error(`${query.alias} has no column for ${field}`);
  return {
    keys: [{ expression: `${query.alias}.${column.databaseName}`, read: (row: T) => row[field] }],
    direction,
    idExpression: `${query.alias}.id`,
    idOf: (row: T) => row.id,
  };
}

/** Keeps the rows whose folded `column` (a `search_text`) holds every term of `search` (see `searchTerms`); no terms, no condition. */
export function applySearch<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, search: string | null | undefined): void {
  const terms = searchTerms(search);
  if (terms.length === 0) return;
  const condition = searchCondition(column, terms);
  query.andWhere(condition.sql, condition.params);
}

/**
 * Sets a connection's `edges` and the cursors of its `pageInfo`: the edges (a cursor encoded per row) are
 * made when first read, so a page asked only for its `nodes` and `endCursor` (a list page, a nested count)
 * encodes two cursors, not one per row. Reading `edges` gives the same edges as before.
 */
function setEdges<T>(connection: Connection<T>, rows: T[], cursorOf: (row: T) => string): void {
  let edges: { cursor: string; node: T }[] | undefined;
  Object.defineProperty(connection, "edges", {
    configurable: true,
    enumerable: true,
    get: () => (edges ??= rows.map((node) => ({ node, cursor: cursorOf(node) }))),
    set: (value: { cursor: string; node: T }[]) => (edges = value),
  });
  connection.nodes = rows;
  connection.pageInfo = {
    ...connection.pageInfo,
    startCursor: rows.length ? cursorOf(rows[0]) : null,
    endCursor: rows.length ? cursorOf(rows[rows.length - 1]) : null,
  };
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (typeof v === "bigint" ? v.toString() : v))), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, arity: number, field: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw badInput("This cursor is not valid for this list (it may come from another list or another sort order).", field, "INVALID_CURSOR");
}

function pageSize(args: ConnectionArgs): { size: number; backwards: boolean } {
  if (args.first != null && args.last != null) {
    throw badInput("Give either `first` or `last`, not both.", "last");
  }
  const backwards = args.last != null;
  const size = backwards ? args.last! : (args.first ?? DEFAULT_PAGE_SIZE);
  const field = backwards ? "last" : "first";
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`\`${field}\` must be between 0 and ${MAX_PAGE_SIZE}.`, field, "PAGE_SIZE_OUT_OF_RANGE", { max: MAX_PAGE_SIZE });
  }
  return { size, backwards };
}

/**
 * Runs a keyset-paginated query: `query` has the filters applied and no ORDER BY; the count query
 * runs only when a client asks for `totalCount`. With `countScope` (the caller's `accessScope`), the
 * count is an aggregate kept per data version (`cachedAggregate`, keyed by the count's SQL, its
 * parameters and today's date): counting every match of a common search term over a large register
 * costs far more than its page, and only a write can change it. Needs the data version migration.
 * `reading` says how the page's rows are found (`PageReading`): by default, one statement in the order's index.
 */
export async function paginate<T extends ObjectLiteral, C extends Connection<T>>(
  ConnectionClass: new () => C,
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  args: ConnectionArgs,
  countScope: string | null = null,
  reading: PageReading = {},
): Promise<C> {
  const { size, backwards } = pageSize(args);
  const countQuery = query.clone();
  const arity = order.keys.length + 1;
  const expressions = [...order.keys.map((k) => k.expression), order.idExpression].join(", ");
  // Walking backwards reverses the scan; the page is put back in the client's order below.
  const scanDirection = backwards ? (order.direction === "ASC" ? "DESC" : "ASC") : order.direction;
  // The rows past the cursor of `argument` in the scan's direction (`past`), or before it.
  const bound = (argument: "after" | "before", name: string, past: boolean) => {
    const cursor = args[argument];
    if (!cursor) return;
    const values = decodeCursor(cursor, arity, argument);
    const placeholders = values.map((_, i) => `:${name}${i}`).join(", ");
    const params = Object.fromEntries(values.map((v, i) => [`${name}${i}`, v]));
    query.andWhere(`(${expressions}) ${(scanDirection === "ASC") === past ? ">" : "<"} (${placeholders})`, params);
  };
  bound(backwards ? "before" : "after", "cursor", true);
  bound(backwards ? "after" : "before", "otherCursor", false);
  const ordered = <Q extends SelectQueryBuilder<T>>(q: Q): Q => {
    for (const key of order.keys) q.addOrderBy(key.expression, scanDirection);
    return q.addOrderBy(order.idExpression, scanDirection);
  };
  ordered(query);
  let counted: Promise<number> | undefined;
  const count = () => {
    if (countScope === null) return countQuery.getCount();
    const key = JSON.stringify([...countQuery.getQueryAndParameters(), today()]);
    return cachedAggregate(countQuery.connection, "totalCount", key, countScope, true, () => countQuery.getCount());
  };
  const total = () => (counted ??= count());
  // The count first, when it is asked for anyway: few matches are read whole and sorted rather than walked to.
  const sortMatches = reading.keysFirst === true && reading.sortMatchesBelow !== undefined && size > 0 && (await total()) < reading.sortMatchesBelow;
  const rows =
    size === 0
      ? []
      : await readEntities(reading.keysFirst ? rowsOfKeys(query, order, size + 1, ordered, sortMatches ? scanDirection : null) : query.limit(size + 1));
  const hasMore = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const connection = new ConnectionClass();
  connection.pageInfo = {
    hasNextPage: backwards ? Boolean(args.before) : hasMore,
    hasPreviousPage: backwards ? hasMore : Boolean(args.after),
    startCursor: null,
    endCursor: null,
  };
  setEdges(connection, page, (node) => encodeCursor([...order.keys.map((k) => k.read(node)), order.idOf(node)]));
  (connection as unknown as { count: () => Promise<number> }).count = total;
  return connection;
}

/**
 * The rows of `query`'s first `limit` ids in its order, as one statement: `… WHERE id IN (the ids' query) ORDER BY …`.
 * With `sortDirection`, the ids' query reads every match with their keys in a subquery fenced with `OFFSET 0` (so the
 * planner finds them through the filter's index, not by walking the order's) and sorts them in that direction.
 */
function rowsOfKeys<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  limit: number,
  ordered: (q: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  sortDirection: "ASC" | "DESC" | null,
): SelectQueryBuilder<T> {
  let ids: string;
  if (sortDirection) {
    const matches = query.clone().orderBy().select(order.idExpression, "id");
    order.keys.forEach((key, i) => matches.addSelect(key.expression, `key${i}`));
    const keys = [...order.keys.map((_, i) => `matches.key${i}`), "matches.id"].map((key) => `${key} ${sortDirection}`).join(", ");
    ids = `SELECT matches.id FROM (${matches.getQuery()} OFFSET 0) matches ORDER BY ${keys} LIMIT ${limit}`;
  } else {
    ids = query.clone().select(order.idExpression).limit(limit).getQuery();
  }
  const rows = query.connection
    .createQueryBuilder(query.expressionMap.mainAlias!.target as EntityTarget<T>, query.alias)
    .where(`${order.idExpression} IN (${ids})`)
    .setParameters(query.getParameters());
  return ordered(rows);
}

/** How `paginate` finds a page's rows. */
export interface PageReading {
  /**
   * The page's ids first, in order, by a subquery that reads only the order's keys, the id and the filtered columns; the
   * one statement then reads those rows. Where an index holds all of them (a search walking a name index that includes
   * the folded text), the walk never reads the table until the page is found.
   */
  keysFirst?: boolean;
  /**
   * With `keysFirst`, when the client asks for the count as well (`asksTotalCount`): the count is read first (kept per
   * data version with a `countScope`), and a list with fewer matches than this reads them all through its filter's index
   * and sorts them, instead of leaving the planner to walk the order's index to them. The planner takes matches to be
   * spread evenly along that index; a search's are not (a place name's cooperatives sit together), and at ×100 a walk
   * to 200 matches deep in name order read 22 ms of index where reading and sorting them took 1.7 ms.
   */
  sortMatchesBelow?: number;
}

/**
 * True when a connection field asks for its `totalCount`, in a field of its own, an inline fragment or a named one.
 */
export function asksTotalCount(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): boolean {
  const asks = (set: SelectionSetNode | undefined): boolean =>
    set !== undefined &&
    set.selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === "totalCount"
        : asks(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}

/**
 * How many rows a batched first page fetches per parent: `first` (default 20, at most 100), but at
 * least one, because the rows carry each parent's total: `first: 0` still answers `totalCount`.
 * `firstPageConnection` then cuts the page to what was asked.
 */
export function firstPageFetchSize(args: { first?: number | null }): number {
  return Math.min(Math.max(args.first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

/**
 * The first page of a connection whose rows and total were fetched together (e.g. by a windowed,
 * batched query); validates the page size like any other page. A cursor holds the row's id, or
 * `cursorOf`'s values where paging on goes to a keyset list (e.g. `[name, id]`).
 */
export function firstPageConnection<T, C extends Connection<T>>(
  ConnectionClass: new () => C,
  page: T[],
  total: number,
  idOf: (row: T) => string,
  args: ConnectionArgs,
  cursorOf: (row: T) => unknown[] = (row) => [idOf(row)],
): C {
  const { size } = pageSize(args);
  const rows = page.slice(0, size);
  const connection = new ConnectionClass();
  connection.pageInfo = { hasNextPage: total > rows.length, hasPreviousPage: false, startCursor: null, endCursor: null };
  setEdges(connection, rows, (node) => encodeCursor(cursorOf(node)));
  (connection as unknown as { count: () => Promise<number> }).count = () => Promise.resolve(total);
  return connection;
}

/**
 * A connection over rows already in memory (a batched child list, e.g. one organisation's
 * members from a DataLoader), sorted by the caller; cursors carry the row id.
 */
export function connectionFromArray<T, C extends Connection<T>>(ConnectionClass: new () => C, rows: T[], idOf: (row: T) => string, args: ConnectionArgs): C {
  const { size, backwards } = pageSize(args);
  const indexOf = (cursor: string, field: string) => {
    const [id] = decodeCursor(cursor, 1, field);
    const index = rows.findIndex((row) => idOf(row) === id);
    if (index < 0) throw badInput("This cursor does not point into this list.", field, "INVALID_CURSOR");
    return index;
  };
  let start = args.after ? indexOf(args.after, "after") + 1 : 0;
  let end = args.before ? indexOf(args.before, "before") : rows.length;
  if (backwards) start = Math.max(start, end - size);
  else end = Math.min(end, start + size);
  const page = rows.slice(start, end);
  const connection = new ConnectionClass();
  connection.pageInfo = { hasNextPage: end < rows.length, hasPreviousPage: start > 0, startCursor: null, endCursor: null };
  setEdges(connection, page, (node) => encodeCursor([idOf(node)]));
  (connection as unknown as { count: () => Promise<number> }).count = () => Promise.resolve(rows.length);
  return connection;
}

/**
 * True when a connection field asks for its `totalCount` and nothing else (`__typename` aside), in plain
 * fields (a fragment may ask for more, so any fragment answers false): no row of the page is read then.
 */
export function asksOnlyTotalCount(info: Pick<GraphQLResolveInfo, "fieldNodes">): boolean {
  return info.fieldNodes.every(
    (node) =>
      node.selectionSet !== undefined &&
      node.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === "totalCount" || s.name.value === "__typename")),
  );
}

/**
 * A page of a nested list (a parent's members, allocations, participations…). The common case, a
 * first page, comes from `firstPage` (a windowed statement for all parents at once, `limit` rows
 * each, see firstPageLoader); any other page from `all`, the parent's rows in order. Given the field's
 * `info`, a first page asked only for its `totalCount` comes from `firstPage(0)`: the counts alone
 * (firstPageLoader with `limit` 0 reads no rows), the page's rows left empty since nobody reads them.
 */
export async function nestedConnection<T, C extends Connection<T>>(
  ConnectionClass: new () => C,
  args: ConnectionArgs,
  idOf: (row: T) => string,
  pages: { firstPage: (limit: number) => Promise<{ rows: T[]; total: number }>; all: () => Promise<T[]> },
  info?: Pick<GraphQLResolveInfo, "fieldNodes">,
): Promise<C> {
  if (!args.after && !args.before && args.last == null) {
    const page = await pages.firstPage(info && asksOnlyTotalCount(info) ? 0 : firstPageFetchSize(args));
    return firstPageConnection(ConnectionClass, page.rows, page.total, idOf, args);
  }
  return connectionFromArray(ConnectionClass, await pages.all(), idOf, args);
}
