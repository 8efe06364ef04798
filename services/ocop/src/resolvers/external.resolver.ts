/**
 * The fields ocop adds to membership's entities (Cooperative, CooperativeGroup, CooperativeUnion,
 * AdminUnit; keys in entities/external.ts): their OCOP products. First pages of many parents come from
 * one windowed statement; local owners' products (resolvers/owner.resolver.ts) page the same way.
 */
import { accessScope, extensionFieldResolvers, firstPageConnection, firstPageFetchSize, today, type Connection } from "@kttt/core";
import { codeOfAdminUnitId, unitById, unitNear } from "@kttt/reference";
import type { OcopContext } from "../context";
import { AdminUnitRef, membership } from "../entities/external";
import { listProducts, type ParentColumn } from "../repositories/products";
import { OcopProductConnection } from "../types/connections";
import { OcopChildProductArgs, type OcopProductFilter } from "../types/filters";
import { OcopProductOrder } from "../domain/enums";
import type { OcopProduct } from "../entities/product";

export const PRODUCTS_DESCRIPTION = "OCOP products (sản phẩm OCOP) by name; status and stars judged on `asOf`.";

export function productsOf(column: ParentColumn, key: string, args: OcopChildProductArgs, ctx: OcopContext): Promise<Connection<OcopProduct>> {
  const asOf = args.asOf ?? today();
  if (args.after || args.before || args.last != null) {
    // Paging on inside one parent's list: an ordinary keyset page of the product list.
    const filter: OcopProductFilter = { asOf, status: args.status, stars: args.stars, group: args.group };
    if (column === "owner_organization_id") filter.ownerOrganizationId = key;
    else if (column === "owner_id") filter.ownerId = key;
    else {
      // `key` is a unit version's id: its code judged on the nearest day of that version's life names the same unit.
      const unit = unitById(key);
      filter.adminUnitCode = codeOfAdminUnitId(key);
      filter.adminUnitAsOf = unit ? unitNear(unit, asOf).date : undefined;
    }
    return listProducts(ctx.dataSource, { ...args, filter, orderBy: OcopProductOrder.NAME_ASC }, accessScope(ctx.principal));
  }
  const filter = { asOf, status: args.status ?? null, stars: args.stars ?? null, group: args.group ?? null, limit: firstPageFetchSize(args) };
  return (column === "admin_unit_code" ? ctx.loaders.firstUnitProducts(filter) : ctx.loaders.firstProducts({ column, filter })).load(key).then((page) => {
    for (const product of page.rows) product.listAsOf = asOf;
    // Cursors are those of the NAME_ASC product list, so `after` pages on through it.
    return firstPageConnection(
      OcopProductConnection,
      page.rows,
      page.total,
      (p) => p.id,
      args,
      (p) => [p.name, p.id],
    );
  });
}

/** `ocopProducts` on a parent: its products, by the column that names the parent. */
const products = (column: ParentColumn, description: string) => ({
  field: "ocopProducts",
  type: () => OcopProductConnection,
  description,
  args: OcopChildProductArgs,
  resolve: (ctx: OcopContext, key: string, args: OcopChildProductArgs) => productsOf(column, key, args, ctx),
});

/** On membership's organisations: the products they own. */
export const organizationOcopResolvers = extensionFieldResolvers(
  "OcopResolver",
  { Cooperative: membership.CooperativeRef, CooperativeGroup: membership.CooperativeGroupRef, CooperativeUnion: membership.CooperativeUnionRef },
  products("owner_organization_id", PRODUCTS_DESCRIPTION),
);

/** On a version of a unit: the products made in it. */
export const [AdminUnitOcopResolver] = extensionFieldResolvers(
  "OcopResolver",
  { AdminUnit: AdminUnitRef },
  products(
    "admin_unit_code",
    "OCOP products made in this version of the unit (sản phẩm OCOP của địa phương) by name; status and stars judged on `asOf` (default today). A product counts where its " +
      "commune lay on `asOf`, or on the nearest day this version existed (a district's last day, 2025-06-30; a 2025 commune's first, 2025-07-01; a mid-2024 commune's last).",
  ),
);
