/** The fields trade promotion adds to other subgraphs' entities; every one batched through a loader. */
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import {
  ConnectionArgs,
  DETAILS,
  extensionFieldResolvers,
  isOwnCommune,
  nestedConnection,
  OWN_COMMUNE,
  Role,
  unitFiguresResolver,
  type Connection,
} from "@kttt/core";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import { AdminUnitRef, membership, OcopLocalOwnerRef, OcopProductRef, SupportProgrammeRef } from "../entities/external";
import { EcommerceListing } from "../entities/listing";
import type { TradeParticipation } from "../entities/participation";
import { TradeEventConnection, TradeParticipationConnection } from "../types/connections";
import { TradePromotionFigures } from "../types/statistics";

function participations(ctx: TradePromotionContext, id: string, args: ConnectionArgs): Promise<Connection<TradeParticipation>> {
  return nestedConnection(TradeParticipationConnection, args, (p: TradeParticipation) => p.id, {
    firstPage: (limit) => ctx.loaders.firstParticipationsByParticipant({ limit }).load(id),
    all: () => ctx.loaders.participationsByParticipant.load(id),
  });
}

/** `tradeParticipations` on membership's organisations and ocop's local owners: the events they took part in. */
export const participantTradeResolvers = extensionFieldResolvers(
  "TradeResolver",
  {
    Cooperative: membership.CooperativeRef,
    CooperativeGroup: membership.CooperativeGroupRef,
    CooperativeUnion: membership.CooperativeUnionRef,
    OcopLocalOwner: OcopLocalOwnerRef,
  },
  {
    field: "tradeParticipations",
    type: () => TradeParticipationConnection,
    description: "Fairs, exhibitions and other trade-promotion events it took part in (tham gia xúc tiến thương mại), latest first.",
    args: ConnectionArgs,
    resolve: participations,
  },
);

@Resolver(() => OcopProductRef)
export class OcopProductTradeResolver {
  @FieldResolver(() => [TradeEvent], { nullable: true, description: "Events where the product was shown (sự kiện đã tham gia trưng bày), latest first." })
  async tradeEvents(@Root() ref: OcopProductRef, @Ctx() ctx: TradePromotionContext): Promise<TradeEvent[]> {
    const events = await ctx.loaders.event.loadMany(await ctx.loaders.eventIdsByProduct.load(ref.id));
    return events.filter((e): e is TradeEvent => e instanceof TradeEvent);
  }

  @FieldResolver(() => [EcommerceListing], {
    nullable: true,
    description: "Where the product is or was sold online (gian hàng trên sàn TMĐT), oldest listing first.",
  })
  listings(@Root() ref: OcopProductRef, @Ctx() ctx: TradePromotionContext): Promise<EcommerceListing[]> {
    return ctx.loaders.listingsByProduct.load(ref.id);
  }
}

export const AdminUnitTradeResolver = unitFiguresResolver(AdminUnitRef, "tradePromotion", () => TradePromotionFigures, {
  year: "The year, e.g. 2023.",
  description:
    "Trade promotion in the unit in a year (xúc tiến thương mại trên địa bàn): events held in the unit, participations and OCOP owners that lay in it, on the map of the year's end (or today) while the unit is in force then, else of its last day.",
});

/**
 * Which events a programme funded is the same fact as an event's `fundingProgramme`, read from the
 * other end, so it has the same readers: a commune is let in here and sees only the events that lie in it
 * today (the event's `communeCodeToday`, as `OWN_COMMUNE` judges `fundingProgramme`).
 */
const FUNDED_EVENT_READERS = DETAILS.TRADE.map((rule) => (rule === OWN_COMMUNE ? Role.COMMUNE : rule));

@Resolver(() => SupportProgrammeRef)
export class SupportProgrammeTradeResolver {
  @Authorized(...FUNDED_EVENT_READERS)
  @FieldResolver(() => TradeEventConnection, {
    nullable: true,
    description:
      "Trade-promotion events the programme funded (sự kiện xúc tiến thương mại do chương trình hỗ trợ kinh phí), earliest start first. " +
      "Trade detail, like an event's `fundingProgramme`: Alliance, Sở Công Thương (SO_CT), and a commune (COMMUNE) for the events that lie in it today; FORBIDDEN for others.",
  })
  async tradeEvents(@Root() ref: SupportProgrammeRef, @Args() args: ConnectionArgs, @Ctx() ctx: TradePromotionContext): Promise<Connection<TradeEvent>> {
    if (ctx.principal.role !== Role.COMMUNE) {
      return nestedConnection(TradeEventConnection, args, (event: TradeEvent) => event.id, {
        firstPage: (limit) => ctx.loaders.firstEventsByProgramme({ limit, unit: null }).load(ref.id),
        all: () => ctx.loaders.eventsByProgramme.load(ref.id),
      });
    }
    // Where an event lies today follows from its recorded commune, not a column a query can match: a commune's events are picked from the programme's, still one statement per batch.
    const own = async () => (await ctx.loaders.eventsByProgramme.load(ref.id)).filter((event) => isOwnCommune(ctx.principal, event));
    return nestedConnection(TradeEventConnection, args, (event: TradeEvent) => event.id, {
      firstPage: async (limit) => {
        const rows = await own();
        return { rows: rows.slice(0, limit), total: rows.length };
      },
      all: own,
    });
  }
}
