/** Reading OCOP products: filtered, keyset-paginated lists, and first pages of many parents at once. */
import { orderByField, paginate, searchCondition, searchTerms, today, type Connection } from "@kttt/core";
import { unitFilterCondition } from "@kttt/reference";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { OcopProduct } from "../entities/product";
import { OcopProductConnection } from "../types/connections";
import { ORDER_KEYS, type OcopProductFilter, type OcopProductListArgs } from "../types/filters";
import { OcopProductOrder } from "../domain/enums";

/**
 * Conditions on the certificate in force on a date, shared by the lists (alias `p`) and the batched
 * first pages (alias `t`).
 */
export function applyCertificateConditions<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  conditions: { asOf: string; status?: string | null; stars?: number | null; expiringWithinDays?: number | null },
): void {
  // The certificate that says where the product stands on :asOf.
  const CURRENT = `ocop_current_certification(${alias}.id, CAST(:asOf AS date))`;
  query.setParameter("asOf", conditions.asOf);
  if (conditions.status) query.andWhere(`ocop_status(${CURRENT}, CAST(:asOf AS date)) = :status`, { status: conditions.status });
  if (conditions.stars != null) query.andWhere(`(${CURRENT}).stars = :stars`, { stars: conditions.stars });
  if (conditions.expiringWithinDays != null) {
    query.andWhere(`ocop_status(${CURRENT}, CAST(:asOf AS date)) = 'ACTIVE' AND (${CURRENT}).valid_until <= CAST(:asOf AS date) + CAST(:days AS integer)`, {
      days: conditions.expiringWithinDays,
    });
  }
}

export function filteredProducts(dataSource: DataSource, filter: OcopProductFilter | undefined, asOf: string): SelectQueryBuilder<OcopProduct> {
  const query = dataSource.getRepository(OcopProduct).createQueryBuilder("p");
  applyCertificateConditions(query, "p", { asOf, status: filter?.status, stars: filter?.stars, expiringWithinDays: filter?.expiringWithinDays });
  if (!filter) return query;
  if (filter.group) query.andWhere("p.product_group = :group", { group: filter.group });
  if (filter.adminUnitCode) {
    const condition = unitFilterCondition("p", filter.adminUnitCode, filter.adminUnitAsOf ?? null, today());
    query.andWhere(condition.sql, condition.params);
  }
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

export async function listProducts(dataSource: DataSource, args: OcopProductListArgs, countScope: string | null = null): Promise<Connection<OcopProduct>> {
  const asOf = args.filter?.asOf ?? today();
  const [, direction, property] = ORDER_KEYS[args.orderBy ?? OcopProductOrder.NAME_ASC];
  const query = filteredProducts(dataSource, args.filter, asOf);
  const connection = await paginate(OcopProductConnection, query, orderByField(query, property, direction), args, countScope);
  for (const node of connection.nodes) node.listAsOf = asOf;
  return connection;
}

/** Which parent a batched page belongs to, and the product's property that holds it. */
export const PARENT_COLUMNS = {
  owner_organization_id: "ownerOrganizationId",
  owner_id: "ownerId",
  admin_unit_code: "adminUnitCode",
} as const satisfies Record<string, keyof OcopProduct>;
export type ParentColumn = keyof typeof PARENT_COLUMNS;

export interface ChildFilter {
  asOf: string;
  status: string | null;
  stars: number | null;
  group: string | null;
  limit: number;
}
