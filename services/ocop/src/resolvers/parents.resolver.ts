/**
 * The OCOP products of membership's entities (Cooperative, CooperativeGroup, CooperativeUnion,
 * AdminUnit) and of local owners: first pages of many parents come from one windowed statement.
 */
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { firstPageConnection, firstPageFetchSize, today } from "@kttt/core";
import { latestUnitNear } from "@kttt/reference";
import type { OcopContext } from "../context";
import { AdminUnit, Cooperative, CooperativeGroup, CooperativeUnion } from "../entities/external";
import { OcopLocalOwner } from "../entities/owner";
import { listProducts, type ParentColumn } from "../repositories/products";
import { OcopProductConnection } from "../types/connections";
import { placeFieldsResolver } from "./places";
import { OcopChildProductArgs, OcopProductOrder, type OcopProductFilter } from "../types/filters";

const DESCRIPTION = "OCOP products (sản phẩm OCOP) by name; status and stars judged on `asOf`.";

function productsOf(column: ParentColumn, key: string, args: OcopChildProductArgs, ctx: OcopContext): Promise<OcopProductConnection> {
  const asOf = args.asOf ?? today();
  if (args.after || args.before || args.last != null) {
    // Paging on inside one parent's list: an ordinary keyset page of the product list.
    const filter: OcopProductFilter = { asOf, status: args.status, stars: args.stars, group: args.group };
    if (column === "owner_organization_id") filter.ownerOrganizationId = key;
    else if (column === "owner_id") filter.ownerId = key;
    else {
      filter.adminUnitCode = key;
      filter.adminUnitAsOf = latestUnitNear(key, asOf)?.date;
    }
    return listProducts(ctx.dataSource, { ...args, filter, orderBy: OcopProductOrder.NAME_ASC });
  }
  const filter = { asOf, status: args.status ?? null, stars: args.stars ?? null, group: args.group ?? null, limit: firstPageFetchSize(args) };
  return (column === "admin_unit_code" ? ctx.loaders.firstUnitProducts(filter) : ctx.loaders.firstProducts({ column, filter }))
    .load(key)
    .then((page) => {
      for (const product of page.rows) product.listAsOf = asOf;
      // Cursors are those of the NAME_ASC product list, so `after` pages on through it.
      return firstPageConnection(OcopProductConnection, page.rows, page.total, (p) => p.id, args, (p) => [p.name, p.id]);
    });
}

@Resolver(() => Cooperative)
export class CooperativeOcopResolver {
  @FieldResolver(() => OcopProductConnection, { nullable: true, description: DESCRIPTION })
  ocopProducts(@Root() parent: Cooperative, @Args() args: OcopChildProductArgs, @Ctx() ctx: OcopContext): Promise<OcopProductConnection> {
    return productsOf("owner_organization_id", parent.id, args, ctx);
  }
}

@Resolver(() => CooperativeGroup)
export class CooperativeGroupOcopResolver {
  @FieldResolver(() => OcopProductConnection, { nullable: true, description: DESCRIPTION })
  ocopProducts(@Root() parent: CooperativeGroup, @Args() args: OcopChildProductArgs, @Ctx() ctx: OcopContext): Promise<OcopProductConnection> {
    return productsOf("owner_organization_id", parent.id, args, ctx);
  }
}

@Resolver(() => CooperativeUnion)
export class CooperativeUnionOcopResolver {
  @FieldResolver(() => OcopProductConnection, { nullable: true, description: DESCRIPTION })
  ocopProducts(@Root() parent: CooperativeUnion, @Args() args: OcopChildProductArgs, @Ctx() ctx: OcopContext): Promise<OcopProductConnection> {
    return productsOf("owner_organization_id", parent.id, args, ctx);
  }
}

@Resolver(() => AdminUnit)
export class AdminUnitOcopResolver {
  @FieldResolver(() => OcopProductConnection, {
    nullable: true,
    description:
      "OCOP products made in the unit (sản phẩm OCOP của địa phương) by name; status and stars judged on `asOf` (default today). A product counts where its " +
      "commune lay on `asOf`, or on the nearest day the unit existed (a district's last day, 2025-06-30; a 2025 commune's first, 2025-07-01).",
  })
  ocopProducts(@Root() parent: AdminUnit, @Args() args: OcopChildProductArgs, @Ctx() ctx: OcopContext): Promise<OcopProductConnection> {
    return productsOf("admin_unit_code", parent.code, args, ctx);
  }
}

@Resolver(() => OcopLocalOwner)
export class OcopLocalOwnerResolver extends placeFieldsResolver(OcopLocalOwner) {
  @FieldResolver(() => OcopProductConnection, { nullable: true, description: DESCRIPTION })
  ocopProducts(@Root() parent: OcopLocalOwner, @Args() args: OcopChildProductArgs, @Ctx() ctx: OcopContext): Promise<OcopProductConnection> {
    return productsOf("owner_id", parent.id, args, ctx);
  }

  @FieldResolver(() => AdminUnit, { description: "Administrative unit where it is registered, resolved by membership." })
  adminUnit(@Root() owner: OcopLocalOwner): AdminUnit {
    return Object.assign(new AdminUnit(), { code: owner.adminUnitCode });
  }
}
