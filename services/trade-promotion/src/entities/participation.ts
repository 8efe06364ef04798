import { ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { linkTable, Stored } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
import { TradeParticipantKind } from "../domain/enums";

@ObjectType({
  description:
    "One organisation's part in an event (tham gia xúc tiến thương mại): its booths, the OCOP products it showed, what it sold and the contracts and memoranda it signed.",
})
@Entity("trade_participation")
export class TradeParticipation extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Column("uuid", { name: "event_id" })
  eventId: string;

  @Stored.ref("Id of the participant in the membership records, or of the OCOP local owner (mã chủ thể).")
  participantId: string;

  @Stored.enum(TradeParticipantKind, "Kind of participant (loại chủ thể).")
  participantKind: TradeParticipantKind;

  @Stored.place({
    adminUnitCode:
      "Code of the unit where the participant is registered (mã đơn vị hành chính), as given when it took part: the district before 2025-07-01 (the commune's district), the commune after.",
    who: "the participant",
  })
  adminUnitCode: string;

  @Stored.date("First day it took part (từ ngày), inside the event's dates.")
  attendedFrom: string;

  @Stored.date("Last day it took part (đến ngày), inside the event's dates.")
  attendedTo: string;

  @Stored.int("Booths it had (số gian hàng).")
  booths: number;

  @Stored.money("Sales at the event (doanh thu bán hàng tại sự kiện), VND.", { guard: "TRADE" })
  salesAmount: bigint;

  @Stored.int("Sales contracts signed (số hợp đồng ký kết).", { guard: "TRADE" })
  contractCount: number;

  @Stored.money("Value of the contracts signed (giá trị hợp đồng), VND.", { guard: "TRADE" })
  contractValue: bigint;

  @Stored.int("Memoranda of understanding signed (số biên bản ghi nhớ).", { guard: "TRADE" })
  mouCount: number;

  @Stored.money("Value the memoranda name (giá trị ghi nhớ), VND.", { guard: "TRADE" })
  mouValue: bigint;

  @Stored.text("Remarks (ghi chú).", { guard: "TRADE", nullable: true })
  note: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;
}

/** An OCOP product shown by a participant (sản phẩm tham gia trưng bày). */
export const ParticipationProduct = linkTable("participation_product", "participationId", "productId");
