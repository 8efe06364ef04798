/** Trade promotion's part of the collective-economy overview: events of the period, their participations and online sales. */
import { READ_NOTE, SIGNED_IN } from "@kttt/core";
import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { TradePromotionContext } from "../context";
import { CollectiveEconomyRef } from "../entities/external";
import { TradePromotionFigures } from "../types/statistics";

@Resolver(() => CollectiveEconomyRef)
export class CollectiveEconomyTradeResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => TradePromotionFigures, {
    nullable: true,
    description:
      "Trade promotion in the period (xúc tiến thương mại): events whose dates overlap the period, their participations, and the share of OCOP owners selling online; " +
      `for a unit, events held there and participants registered there. A unit of the period's map has what lay in it then; one of today's communes asked for a period before 2025-07-01 has what lies in its territory, re-cut by today's map as membership's figures are (records of split or lost former communes fall in no commune). ${READ_NOTE.SIGNED_IN}`,
  })
  async tradePromotion(@Root() economy: CollectiveEconomyRef, @Ctx() ctx: TradePromotionContext): Promise<TradePromotionFigures> {
    return ctx.loaders.economyFigures.load(economy.id);
  }
}
