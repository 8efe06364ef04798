import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs, DETAILS, nestedConnection, isUuid, READ_NOTE, type Connection } from "@kttt/core";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import type { TradeParticipation } from "../entities/participation";
import { AdminUnitRef, adminUnitRef, SupportProgrammeRef, supportProgrammeRef } from "../entities/external";
import { listTradeEvents } from "../repositories/lists";
import { TradeEventConnection, TradeParticipationConnection } from "../types/connections";
import { TradeEventListArgs } from "../types/filters";

@Resolver(() => TradeEvent)
export class TradeEventResolver {
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
    description: "The unit where it was held, resolved by membership; null outside the province or online.",
  })
  adminUnit(@Root() event: TradeEvent): AdminUnitRef | null {
    return event.adminUnitCode ? adminUnitRef(event.adminUnitCode) : null;
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
