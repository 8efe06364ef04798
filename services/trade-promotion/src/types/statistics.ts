import { ObjectType } from "type-graphql";
import { FieldOf, StatisticsGroupOf, StatisticsOf } from "@kttt/core";
import { TradePromotionGroupBy } from "../domain/enums";

@ObjectType({
  description:
    "Trade-promotion results over a period (kết quả xúc tiến thương mại): events held, who took part and what they sold and signed, and how many OCOP owners sell online.",
})
export class TradePromotionFigures {
  @FieldOf.int("Events whose dates overlap the period (số sự kiện); for a unit, those held in the unit.")
  events: number;

  @FieldOf.money("Budget of those events (kinh phí tổ chức), VND; events without a known budget count 0.")
  eventBudget: bigint;

  @FieldOf.int("Participations in those events (lượt tham gia); for a unit, by participants registered there.")
  participations: number;

  @FieldOf.int("Distinct organisations and OCOP owners that took part (số chủ thể tham gia).")
  participants: number;

  @FieldOf.int("Booths the participants had (số gian hàng).")
  booths: number;

  @FieldOf.money("Sales at the events (doanh thu tại sự kiện), VND.")
  sales: bigint;

  @FieldOf.int("Contracts signed (số hợp đồng).")
  contracts: number;

  @FieldOf.money("Value of the contracts signed (giá trị hợp đồng), VND.")
  contractValue: bigint;

  @FieldOf.int("Memoranda of understanding signed (số biên bản ghi nhớ).")
  memoranda: number;

  @FieldOf.money("Value the memoranda name (giá trị ghi nhớ), VND.")
  memorandumValue: bigint;

  @FieldOf.int(
    "Supply-demand links agreed in the period (số kết nối cung cầu): sellers' agreements with buyers, at an event or not; for a unit, by sellers registered there. " +
      "Null when grouped by event type or format (most links belong to no event).",
    { nullable: true },
  )
  supplyDemandLinks: number | null;

  @FieldOf.money("Value of those links (giá trị kết nối cung cầu), VND; null when supplyDemandLinks is null.", { nullable: true })
  supplyDemandValue: bigint | null;

  @FieldOf.int(
    "OCOP owners active in trade promotion in the period (chủ thể OCOP hoạt động XTTM): owners that showed an OCOP product at an event, had an OCOP product on an e-commerce platform, " +
      "or sold one through a supply-demand link. The denominator of onlineSellingShare. Null when grouped by event type or format.",
    { nullable: true },
  )
  ocopOwners: number | null;

  @FieldOf.int(
    "Of ocopOwners, those with at least one OCOP product on an e-commerce platform at some time in the period (chủ thể OCOP bán hàng trên sàn TMĐT).",
    { nullable: true },
  )
  ocopOwnersSellingOnline: number | null;

  @FieldOf.decimal(
    "Share of OCOP owners selling online (tỷ lệ chủ thể OCOP bán hàng trên sàn TMĐT), 0 to 1: ocopOwnersSellingOnline ÷ ocopOwners — the denominator is the OCOP owners active in " +
      "trade promotion in the period as this subgraph records them, not every OCOP owner of the province. The province's target is at least 0.5. Null when ocopOwners is 0 or null.",
    { nullable: true },
  )
  onlineSellingShare: number | null;

  @FieldOf.boolean("Whether onlineSellingShare reaches the province's target of 50% (đạt chỉ tiêu); null when the share is null.", { nullable: true })
  meetsOnlineSellingTarget: boolean | null;
}

// GraphQL keeps the name it was published under; the class is named like the other subgraphs' groups.
@ObjectType("TradePromotionGroup", { description: "One group of a trade-promotion breakdown (một nhóm)." })
export class TradePromotionStatisticsGroup extends StatisticsGroupOf(
  TradePromotionFigures,
  "Key of the group: a TradeEventType, a TradeEventFormat, a unit code, NONE for events held outside the province or online, or null, by unit, for the records " +
    "no unit of the map can hold (unplaced: a split commune, or one whose successor is unknown).",
) {
  /** Set when grouped by unit; served as `adminUnit`, the unit in force on `unitMapDate`. */
  adminUnitCode: string | null;
  unitMapDate: string | null;
}

@ObjectType({ description: "Trade-promotion statistics of a year (thống kê xúc tiến thương mại)." })
export class TradePromotionStatistics extends StatisticsOf(TradePromotionFigures, TradePromotionStatisticsGroup, TradePromotionGroupBy, {
  year: "The year (năm): events overlapping it, listings on sale at some time in it.",
  groups:
    "Figures per group, by key. Every event and participation is in exactly one group, so events, participations, booths and money add up to the total; distinct counts " +
    "(participants, OCOP owners) need not, since one organisation can be in several groups. Empty without groupBy.",
}) {}
