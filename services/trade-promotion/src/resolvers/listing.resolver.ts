import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { READ_NOTE, SIGNED_IN, today, type Connection } from "@kttt/core";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import { OcopProductRef, participantRef, productRef, type ParticipantRef } from "../entities/external";
import { EcommerceListing, SupplyDemandLink } from "../entities/listing";
import { listEcommerceListings, listSupplyDemandLinks } from "../repositories/lists";
import { EcommerceListingConnection, SupplyDemandLinkConnection } from "../types/connections";
import { EcommerceListingListArgs, SupplyDemandLinkListArgs } from "../types/filters";
import { TradeParticipant } from "../types/union";
import { PLACE_DESCRIPTION } from "@kttt/reference";
import { placeFieldsResolver } from "./places";

@Resolver(() => EcommerceListing)
export class EcommerceListingResolver extends placeFieldsResolver(EcommerceListing, PLACE_DESCRIPTION.commune("the seller")) {
  @Query(() => EcommerceListingConnection, { nullable: true, description: "Products on e-commerce platforms (sản phẩm trên sàn TMĐT), latest listed first." })
  ecommerceListings(@Args() args: EcommerceListingListArgs, @Ctx() ctx: TradePromotionContext): Promise<Connection<EcommerceListing>> {
    return listEcommerceListings(ctx.dataSource, args);
  }

  @FieldResolver(() => TradeParticipant, { description: "The seller, resolved by membership or ocop." })
  owner(@Root() listing: EcommerceListing): ParticipantRef {
    return participantRef(listing.ownerId, listing.ownerKind);
  }

  @FieldResolver(() => OcopProductRef, { nullable: true, description: "The OCOP product listed, resolved by ocop; null for another product." })
  product(@Root() listing: EcommerceListing): OcopProductRef | null {
    return listing.productId ? productRef(listing.productId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Whether it is on sale today (đang bán)." })
  active(@Root() listing: EcommerceListing): boolean {
    return listing.delistedOn === null || listing.delistedOn >= today();
  }
}

@Resolver(() => SupplyDemandLink)
export class SupplyDemandLinkResolver extends placeFieldsResolver(SupplyDemandLink, PLACE_DESCRIPTION.commune("the seller")) {
  @Authorized(...SIGNED_IN)
  @Query(() => SupplyDemandLinkConnection, { nullable: true, description: `Supply-demand links (kết nối cung cầu), latest first. ${READ_NOTE.SIGNED_IN}` })
  supplyDemandLinks(@Args() args: SupplyDemandLinkListArgs, @Ctx() ctx: TradePromotionContext): Promise<Connection<SupplyDemandLink>> {
    return listSupplyDemandLinks(ctx.dataSource, args);
  }

  @FieldResolver(() => TradeParticipant, { description: "The seller, resolved by membership or ocop." })
  seller(@Root() link: SupplyDemandLink): ParticipantRef {
    return participantRef(link.sellerId, link.sellerKind);
  }

  @FieldResolver(() => OcopProductRef, { nullable: true, description: "The OCOP product supplied, resolved by ocop; null for another product." })
  product(@Root() link: SupplyDemandLink): OcopProductRef | null {
    return link.productId ? productRef(link.productId) : null;
  }

  @FieldResolver(() => TradeEvent, { nullable: true, description: "The event where it was agreed, if any." })
  event(@Root() link: SupplyDemandLink, @Ctx() ctx: TradePromotionContext): Promise<TradeEvent | null> | null {
    return link.eventId ? ctx.loaders.event.load(link.eventId) : null;
  }
}
