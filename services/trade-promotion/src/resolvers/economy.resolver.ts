/** Trade promotion's part of the collective-economy overview: events of the period, their participations and online sales. */
import { economyPartResolver } from "@kttt/core";
import { membership } from "../entities/external";
import { TradePromotionFigures } from "../types/statistics";

export const CollectiveEconomyTradeResolver = economyPartResolver(
  "CollectiveEconomyTradeResolver",
  membership.CollectiveEconomyRef,
  "tradePromotion",
  TradePromotionFigures,
  "Trade promotion in the period (xúc tiến thương mại): events whose dates overlap the period, their participations, and the share of OCOP owners selling online; " +
    "for a unit, events held there and participants registered there.",
);
