import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs, DETAILS, LocalDateScalar, nestedConnection, isUuid, READ_NOTE, today } from "@kttt/core";
import { PLACE_DESCRIPTION, recordCommuneOn, recordDistrictOn } from "@kttt/reference";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import type { TradeParticipation } from "../entities/participation";
import { AdminUnitRef, adminUnitRef, adminUnitVersionRef, SupportProgrammeRef, supportProgrammeRef } from "../entities/external";
import { listTradeEvents } from "../repositories/lists";
import { TradeEventConnection, TradeParticipationConnection } from "../types/connections";
import { TradeEventListArgs } from "../types/filters";

@Resolver(() => TradeEvent)
export class TradeEventResolver {
  @Query(() => TradeEventConnection, { nullable: true, description: "Trade-promotion events (hoạt động xúc tiến thương mại), filtered and paginated." })
  tradeEvents(@Args() args: TradeEventListArgs, @Ctx() ctx: TradePromotionContext): Promise<TradeEventConnection> {
    return listTradeEvents(ctx.dataSource, args);
  }

  @Query(() => TradeEvent, { nullable: true, description: "One event by id; null when there is none." })
  tradeEvent(@Arg("id", () => ID, { description: "The event's id." }) id: string, @Ctx() ctx: TradePromotionContext): Promise<TradeEvent | null> | null {
    return isUuid(id) ? ctx.loaders.event.load(id) : null;
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description: "The unit where it was held, resolved by membership: the unit bearing `adminUnitCode` on its first day; null outside the province or online.",
  })
  adminUnit(@Root() event: TradeEvent): AdminUnitRef | null {
    return event.adminUnitCode ? adminUnitRef(event.adminUnitCode, event.startsOn) : null;
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description:
      "The commune where it was held (xã, phường nơi tổ chức), as recorded since `communeSince`. Null for an event held outside the province or online " +
      "(no commune of Hà Tĩnh), and for one the sources place in a district only (most events before 2025-07-01): not recorded, not guessed.",
  })
  commune(@Root() event: TradeEvent): AdminUnitRef | null {
    return event.communeId ? adminUnitVersionRef(event.communeId) : null;
  }

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.communeOn })
  communeOn(
    @Root() event: TradeEvent,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date; default: today in Hà Tĩnh." }) asOf: string | null,
  ): AdminUnitRef | null {
    const place = recordCommuneOn(event.communeId, asOf ?? today());
    return place ? adminUnitVersionRef(place.id) : null;
  }

  @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.districtOn })
  districtOn(@Root() event: TradeEvent, @Arg("asOf", () => LocalDateScalar, { description: "The date, e.g. 2025-03-01." }) asOf: string): AdminUnitRef | null {
    const district = recordDistrictOn(event.communeId, asOf);
    return district ? adminUnitVersionRef(district.id) : null;
  }

  @Authorized(...DETAILS.TRADE)
  @FieldResolver(() => SupportProgrammeRef, {
    nullable: true,
    description: `The support programme that funds it (chương trình hỗ trợ kinh phí), resolved by the policy-support subgraph; null when none is recorded. ${READ_NOTE.TRADE}`,
  })
  fundingProgramme(@Root() event: TradeEvent): SupportProgrammeRef | null {
    return event.fundingProgrammeId ? supportProgrammeRef(event.fundingProgrammeId) : null;
  }

  @FieldResolver(() => TradeParticipationConnection, { description: "Who took part (đơn vị tham gia), by first day of attendance." })
  async participations(@Root() event: TradeEvent, @Args() args: ConnectionArgs, @Ctx() ctx: TradePromotionContext): Promise<TradeParticipationConnection> {
    return nestedConnection(TradeParticipationConnection, args, (p: TradeParticipation) => p.id, {
      firstPage: (limit) => ctx.loaders.firstParticipationsByEvent({ limit }).load(event.id),
      all: () => ctx.loaders.participationsByEvent.load(event.id),
    });
  }
}
