import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, DETAILS, LocalDateScalar, READ_NOTE, today, VndScalar } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
import { TradeParticipantKind } from "../domain/enums";

@ObjectType({
  description:
    "One organisation's part in an event (tham gia xúc tiến thương mại): its booths, the OCOP products it showed, what it sold and the contracts and memoranda it signed.",
})
@Entity("trade_participation")
export class TradeParticipation {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Column("uuid", { name: "event_id" })
  eventId: string;

  @Field(() => ID, { description: "Id of the participant in the membership records, or of the OCOP local owner (mã chủ thể)." })
  @Column("uuid", { name: "participant_id" })
  participantId: string;

  @Field(() => TradeParticipantKind, { description: "Kind of participant (loại chủ thể)." })
  @Column("text", { name: "participant_kind" })
  participantKind: TradeParticipantKind;

  @Field({
    description:
      "Code of the unit where the participant is registered (mã đơn vị hành chính), as given when it took part: the district before 2025-07-01 (the commune's district), the commune after.",
  })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version's id) where the participant lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when the participant lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => LocalDateScalar, { description: "First day it took part (từ ngày), inside the event's dates." })
  @Column("date", { name: "attended_from" })
  attendedFrom: string;

  @Field(() => LocalDateScalar, { description: "Last day it took part (đến ngày), inside the event's dates." })
  @Column("date", { name: "attended_to" })
  attendedTo: string;

  @Field(() => Int, { description: "Booths it had (số gian hàng)." })
  @Column("integer")
  booths: number;

  @Authorized(...DETAILS.TRADE)
  @Field(() => VndScalar, { nullable: true, description: `Sales at the event (doanh thu bán hàng tại sự kiện), VND. ${READ_NOTE.TRADE}` })
  @Column("bigint", { name: "sales_amount", transformer: bigintTransformer })
  salesAmount: bigint;

  @Authorized(...DETAILS.TRADE)
  @Field(() => Int, { nullable: true, description: `Sales contracts signed (số hợp đồng ký kết). ${READ_NOTE.TRADE}` })
  @Column("integer", { name: "contract_count" })
  contractCount: number;

  @Authorized(...DETAILS.TRADE)
  @Field(() => VndScalar, { nullable: true, description: `Value of the contracts signed (giá trị hợp đồng), VND. ${READ_NOTE.TRADE}` })
  @Column("bigint", { name: "contract_value", transformer: bigintTransformer })
  contractValue: bigint;

  @Authorized(...DETAILS.TRADE)
  @Field(() => Int, { nullable: true, description: `Memoranda of understanding signed (số biên bản ghi nhớ). ${READ_NOTE.TRADE}` })
  @Column("integer", { name: "mou_count" })
  mouCount: number;

  @Authorized(...DETAILS.TRADE)
  @Field(() => VndScalar, { nullable: true, description: `Value the memoranda name (giá trị ghi nhớ), VND. ${READ_NOTE.TRADE}` })
  @Column("bigint", { name: "mou_value", transformer: bigintTransformer })
  mouValue: bigint;

  @Authorized(...DETAILS.TRADE)
  @Field(() => String, { nullable: true, description: `Remarks (ghi chú). ${READ_NOTE.TRADE}` })
  @Column("text", { nullable: true })
  note: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  /** The code of today's commune where the participant lies (the COMMUNE access rule reads it); null where none decides. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }
}

/** An OCOP product shown by a participant (sản phẩm tham gia trưng bày). */
@Entity("participation_product")
export class ParticipationProduct {
  @PrimaryColumn("uuid", { name: "participation_id" })
  participationId: string;

  @PrimaryColumn("uuid", { name: "product_id" })
  productId: string;
}
