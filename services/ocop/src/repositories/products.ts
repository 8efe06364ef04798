/** Reading OCOP products: filtered, keyset-paginated lists, and first pages of many parents at once. */
import { encodeCursor, paginate, searchCondition, searchTerms, today } from "@kttt/core";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { OcopProduct } from "../entities/product";
import { OcopProductConnection } from "../types/connections";
import { OcopProductOrder, ORDER_KEYS, type OcopProductFilter, type OcopProductListArgs } from "../types/filters";

/** SQL of the certificate that says where product `p` stands on `:asOf`. */
const CURRENT = "ocop_current_certification(p.id, CAST(:asOf AS date))";

/** Conditions on the certificate in force on a date, shared by the lists and the batched pages. */
export function applyCertificateConditions<T extends object>(query: SelectQueryBuilder<T>, conditions: { asOf: string; status?: string | null; stars?: number | null; expiringWithinDays?: number | null }): void {
  query.setParameter("asOf", conditions.asOf);
  if (conditions.status) query.andWhere(`ocop_status(${CURRENT}, CAST(:asOf AS date)) = :status`, { status: conditions.status });
  if (conditions.stars != null) query.andWhere(`(${CURRENT}).stars = :stars`, { stars: conditions.stars });
  if (conditions.expiringWithinDays != null) {
    query.andWhere(`ocop_status(${CURRENT}, CAST(:asOf AS date)) = 'ACTIVE' AND (${CURRENT}).valid_until <= CAST(:asOf AS date) + CAST(:days AS integer)`, { days: conditions.expiringWithinDays });
  }
}

export function filteredProducts(dataSource: DataSource, filter: OcopProductFilter | undefined, asOf: string): SelectQueryBuilder<OcopProduct> {
  const query = dataSource.getRepository(OcopProduct).createQueryBuilder("p");
  applyCertificateConditions(query, { asOf, status: filter?.status, stars: filter?.stars, expiringWithinDays: filter?.expiringWithinDays });
  if (!filter) return query;
  if (filter.group) query.andWhere("p.product_group = :group", { group: filter.group });
  if (filter.adminUnitCode) query.andWhere("p.admin_unit_code = :unit", { unit: filter.adminUnitCode });
  if (filter.ownerType) query.andWhere("p.owner_type = :ownerType", { ownerType: filter.ownerType });
  if (filter.ownerOrganizationId) query.andWhere("p.owner_organization_id = :organizationId", { organizationId: filter.ownerOrganizationId });
  if (filter.ownerId) query.andWhere("p.owner_id = :ownerId", { ownerId: filter.ownerId });
  const terms = searchTerms(filter.search);
  if (terms.length > 0) {
    const condition = searchCondition("p.search_text", terms);
    query.andWhere(condition.sql, condition.params);
  }
  return query;
}

export async function listProducts(dataSource: DataSource, args: OcopProductListArgs): Promise<OcopProductConnection> {
  const asOf = args.filter?.asOf ?? today();
  const [expression, direction, property] = ORDER_KEYS[args.orderBy ?? OcopProductOrder.NAME_ASC];
  const connection = await paginate(OcopProductConnection, filteredProducts(dataSource, args.filter, asOf), {
    keys: [{ expression, read: (row: OcopProduct) => row[property] }],
    direction,
    idExpression: "p.id",
    idOf: (row: OcopProduct) => row.id,
  }, args);
  for (const node of connection.nodes) node.listAsOf = asOf;
  return connection;
}

export interface ProductPage {
  rows: OcopProduct[];
  total: number;
}

/** Which parent a batched page belongs to. */
export type ParentColumn = "owner_organization_id" | "owner_id" | "admin_unit_code";

export interface ChildFilter {
  asOf: string;
  status: string | null;
  stars: number | null;
  group: string | null;
  limit: number;
}

/**
 * The first `limit` products (by name) of many parents and each parent's count, in one statement:
 * a window over each parent's products.
 */
export async function firstProductPages(dataSource: DataSource, column: ParentColumn, keys: readonly string[], filter: ChildFilter): Promise<ProductPage[]> {
  if (keys.length === 0) return [];
  const query = dataSource
    .getRepository(OcopProduct)
    .createQueryBuilder("p")
    .addSelect(`row_number() OVER (PARTITION BY p.${column} ORDER BY p.name, p.id)`, "position")
    .addSelect(`count(*) OVER (PARTITION BY p.${column})`, "total")
    .where(`p.${column} = ANY(:keys)`, { keys: [...keys] });
  applyCertificateConditions(query, { asOf: filter.asOf, status: filter.status, stars: filter.stars });
  if (filter.group) query.andWhere("p.product_group = :group", { group: filter.group });
  // The window is computed before the page is cut, so the cut goes in an outer query.
  const [sql, params] = query.getQueryAndParameters();
  const raw: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM (${sql}) page WHERE position <= $${params.length + 1} ORDER BY page.p_name, page.p_id`, [...params, filter.limit]);
  const metadata = dataSource.getMetadata(OcopProduct);
  const pages = new Map<string, ProductPage>();
  for (const row of raw) {
    const product = metadata.create() as OcopProduct;
    for (const c of metadata.columns) (product as unknown as Record<string, unknown>)[c.propertyName] = row[`p_${c.databaseName}`];
    product.listAsOf = filter.asOf;
    const key = String(row[`p_${column}`]);
    const page = pages.get(key) ?? { rows: [], total: Number(row.total) };
    page.rows.push(product);
    pages.set(key, page);
  }
  return keys.map((k) => pages.get(k) ?? { rows: [], total: 0 });
}

/** A first page fetched with its total; cursors are those of the NAME_ASC list, so `after` pages on. */
export function firstPage(page: ProductPage, size: number): OcopProductConnection {
  const rows = page.rows.slice(0, size);
  const connection = new OcopProductConnection();
  connection.edges = rows.map((node) => ({ node, cursor: encodeCursor([node.name, node.id]) }));
  connection.nodes = rows;
  connection.pageInfo = {
    hasNextPage: page.total > rows.length,
    hasPreviousPage: false,
    startCursor: connection.edges[0]?.cursor ?? null,
    endCursor: connection.edges[connection.edges.length - 1]?.cursor ?? null,
  };
  (connection as unknown as { count: () => Promise<number> }).count = () => Promise.resolve(page.total);
  return connection;
}
