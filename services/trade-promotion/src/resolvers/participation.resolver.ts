import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PLACE_DESCRIPTION } from "@kttt/reference";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import { AdminUnitRef, adminUnitRef, OcopProductRef, participantRef, productRef, type ParticipantRef } from "../entities/external";
import { TradeParticipation } from "../entities/participation";
import { TradeParticipant } from "../types/union";
import { placeFieldsResolver } from "./places";

@Resolver(() => TradeParticipation)
export class TradeParticipationResolver extends placeFieldsResolver(TradeParticipation, PLACE_DESCRIPTION.commune("the participant")) {
  @FieldResolver(() => TradeEvent, { description: "The event (sự kiện)." })
  async event(@Root() participation: TradeParticipation, @Ctx() ctx: TradePromotionContext): Promise<TradeEvent> {
    return (await ctx.loaders.event.load(participation.eventId))!;
  }

  @FieldResolver(() => TradeParticipant, { description: "Who took part, resolved by membership or ocop." })
  participant(@Root() participation: TradeParticipation): ParticipantRef {
    return participantRef(participation.participantId, participation.participantKind);
  }

  @FieldResolver(() => [OcopProductRef], { description: "The OCOP products it showed (sản phẩm OCOP trưng bày), resolved by ocop." })
  async products(@Root() participation: TradeParticipation, @Ctx() ctx: TradePromotionContext): Promise<OcopProductRef[]> {
    return (await ctx.loaders.productsByParticipation.load(participation.id)).map((p) => productRef(p.productId));
  }

  @FieldResolver(() => AdminUnitRef, {
    description: "The unit where the participant is registered, resolved by membership: the unit bearing `adminUnitCode` on the first day it took part.",
  })
  adminUnit(@Root() participation: TradeParticipation): AdminUnitRef {
    return adminUnitRef(participation.adminUnitCode, participation.attendedFrom);
  }
}
