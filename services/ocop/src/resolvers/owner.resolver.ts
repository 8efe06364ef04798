import type { Connection } from "@kttt/core";
/** Ocop's own local owners (enterprises and household businesses): their products, paged as membership's organisations' are, and their unit. */
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OcopContext } from "../context";
import { AdminUnitRef, adminUnitRef } from "../entities/external";
import { OcopLocalOwner } from "../entities/owner";
import { OcopProductConnection } from "../types/connections";
import { OcopChildProductArgs } from "../types/filters";
import { productsOf, PRODUCTS_DESCRIPTION } from "./external.resolver";
import { placeFieldsResolver } from "./places";
import type { OcopProduct } from "../entities/product";

@Resolver(() => OcopLocalOwner)
export class OcopLocalOwnerResolver extends placeFieldsResolver(OcopLocalOwner) {
  @FieldResolver(() => OcopProductConnection, { nullable: true, description: PRODUCTS_DESCRIPTION })
  ocopProducts(@Root() parent: OcopLocalOwner, @Args() args: OcopChildProductArgs, @Ctx() ctx: OcopContext): Promise<Connection<OcopProduct>> {
    return productsOf("owner_id", parent.id, args, ctx);
  }

  @FieldResolver(() => AdminUnitRef, {
    description:
      "Administrative unit where it is registered, resolved by membership: the unit bearing `adminUnitCode` since `communeSince`, or the latest bearing it where no commune is recorded.",
  })
  adminUnit(@Root() owner: OcopLocalOwner): AdminUnitRef {
    return adminUnitRef(owner.adminUnitCode, owner.communeSince);
  }
}
