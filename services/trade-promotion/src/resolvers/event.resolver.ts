import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs, DETAILS, nestedConnection, isUuid, READ_NOTE, type Connection } from "@kttt/core";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import type { TradeParticipation } from "../entities/participation";
import { AdminUnitRef, adminUnitRef, SupportProgrammeRef, supportProgrammeRef } from "../entities/external";
import { placeFieldsResolver } from "./places";
import { listTradeEvents } from "../repositories/lists";
import { TradeEventConnection, TradeParticipationConnection } from "../types/connections";
import { TradeEventListArgs } from "../types/filters";

const EVENT_COMMUNE =
  "The commune where it was held (xã, phường nơi tổ chức), as recorded since `communeSince`. Null for an event held outside the province or online " +
  "(no commune of Hà Tĩnh), and for one the sources place in a district only (most events before 2025-07-01): not recorded, not guessed.";

@Resolver(() => TradeEvent)
export class TradeEventResolver extends placeFieldsResolver(TradeEvent, EVENT_COMMUNE) {
  @Query(() => TradeEventConnection, { nullable: true, description: "Trade-promotion events (hoạt động xúc tiến thương mại), filtered and paginated." })
  tradeEvents(@Args() args: TradeEventListArgs, @Ctx() ctx: TradePromotionContext): Promise<Connection<TradeEvent>> {
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

  @Authorized(...DETAILS.TRADE)
  @FieldResolver(() => SupportProgrammeRef, {
    nullable: true,
    description: `The support programme that funds it (chương trình hỗ trợ kinh phí), resolved by the policy-support subgraph; null when none is recorded. ${READ_NOTE.TRADE}`,
  })
  fundingProgramme(@Root() event: TradeEvent): SupportProgrammeRef | null {
    return event.fundingProgrammeId ? supportProgrammeRef(event.fundingProgrammeId) : null;
  }

  @FieldResolver(() => TradeParticipationConnection, { description: "Who took part (đơn vị tham gia), by first day of attendance." })
  async participations(@Root() event: TradeEvent, @Args() args: ConnectionArgs, @Ctx() ctx: TradePromotionContext): Promise<Connection<TradeParticipation>> {
    return nestedConnection(TradeParticipationConnection, args, (p: TradeParticipation) => p.id, {
      firstPage: (limit) => ctx.loaders.firstParticipationsByEvent({ limit }).load(event.id),
      all: () => ctx.loaders.participationsByEvent.load(event.id),
    });
  }
}
