import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateScalar, today } from "@kttt/core";
import { PLACE_DESCRIPTION, recordCommuneOn, recordDistrictOn } from "@kttt/reference";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import { AdminUnitRef, adminUnitRef, adminUnitVersionRef, OcopProductRef, participantRef, productRef, type ParticipantRef } from "../entities/external";
import { TradeParticipation } from "../entities/participation";
import { TradeParticipant } from "../types/union";

@Resolver(() => TradeParticipation)
export class TradeParticipationResolver {
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

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.commune("the participant") })
  commune(@Root() participation: TradeParticipation): AdminUnitRef | null {
    return participation.communeId ? adminUnitVersionRef(participation.communeId) : null;
  }

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.communeOn })
  communeOn(
    @Root() participation: TradeParticipation,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date; default: today in Hà Tĩnh." }) asOf: string | null,
  ): AdminUnitRef | null {
    const place = recordCommuneOn(participation.communeId, asOf ?? today());
    return place ? adminUnitVersionRef(place.id) : null;
  }

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.districtOn })
  districtOn(
    @Root() participation: TradeParticipation,
    @Arg("asOf", () => LocalDateScalar, { description: "The date, e.g. 2025-03-01." }) asOf: string,
  ): AdminUnitRef | null {
    const district = recordDistrictOn(participation.communeId, asOf);
    return district ? adminUnitVersionRef(district.id) : null;
  }
}
