import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ImportPayloadOf, ImportRowInput, ImportRowResultOf, FieldOf } from "@kttt/core";
import { TradeParticipantKind } from "../domain/enums";

/** At most this many rows in one importTradeParticipations call (one transaction). */
export const MAX_TRADE_IMPORT_ROWS = 5000;

@InputType({
  description:
    "One row of a list of participants in trade-promotion events (một dòng của danh sách tham gia xúc tiến thương mại). " +
    "Checked by the rules of registerTradeParticipation and updateTradeParticipation; matched to the graph on the event and the " +
    "participant. Rows are checked one by one and answered row by row, so no field here is refused for the whole call.",
})
export class TradeParticipationImportRow extends ImportRowInput {
  @FieldOf.text("The event's name as recorded (tên sự kiện), matched without regard to case or diacritics.")
  eventName: string;

  @FieldOf.date("The event's first day (ngày bắt đầu sự kiện): needed only when several events bear the name.", { nullable: true })
  eventStartsOn?: string;

  @Field(() => TradeParticipantKind, {
    description: "Kind of participant (loại chủ thể): a cooperative, group or union of the membership subgraph; OCOP local owners are not imported yet.",
  })
  participantKind: TradeParticipantKind;

  @FieldOf.text("The participant's name as the list writes it (tên chủ thể).")
  participantName: string;

  @FieldOf.text("The participant's registration number (mã số HTX); none for a cooperative group.", { nullable: true })
  participantRegistrationNumber?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The participant's id in the membership subgraph: the import command finds it from the registration number (a group from its name).",
  })
  participantId?: string;

  @Field({
    nullable: true,
    description:
      "The unit where the participant is registered (đơn vị hành chính), on its first day at the event: its code, e.g. 444, or its name, " +
      "e.g. Huyện Hương Khê; with `commune`, the district that commune lay in (before 1/7/2025). Needed when `commune` is empty.",
  })
  adminUnit?: string;

  @Field({
    nullable: true,
    description:
      "The commune where the participant lies (xã, phường), in force on its first day at the event: a 2024 commune by name (with `adminUnit` " +
      'or ", Huyện …" where the name alone is ambiguous) or code, or a 2025 commune. Recorded as the participation\'s commune since that day.',
  })
  commune?: string;

  @FieldOf.date("First day it took part (từ ngày); default the event's first day.", { nullable: true })
  attendedFrom?: string;

  @FieldOf.date("Last day it took part (đến ngày); default the event's last day.", { nullable: true })
  attendedTo?: string;

  @FieldOf.int("Booths it had (số gian hàng); empty is 0.", { nullable: true })
  booths?: number;

  @FieldOf.money("Sales at the event (doanh thu), whole đồng; empty is 0.", { nullable: true })
  salesAmount?: bigint;

  @FieldOf.int("Contracts signed (số hợp đồng); empty is 0.", { nullable: true })
  contractCount?: number;

  @FieldOf.money("Value of the contracts (giá trị hợp đồng), whole đồng; empty is 0.", { nullable: true })
  contractValue?: bigint;

  @FieldOf.int("Memoranda of understanding signed (số biên bản ghi nhớ); empty is 0.", { nullable: true })
  mouCount?: number;

  @FieldOf.money("Value the memoranda name (giá trị ghi nhớ), whole đồng; empty is 0.", { nullable: true })
  mouValue?: bigint;

  @FieldOf.text("Remarks (ghi chú).", { nullable: true })
  note?: string;
}

@ObjectType({ description: "What importTradeParticipations did, or would do, with one row (kết quả từng dòng)." })
export class TradeParticipationImportRowResult extends ImportRowResultOf(
  "participationId",
  "The participation the row matched or created; null for an invalid row and for a row a dry run would create (mã tham gia).",
) {}

@ObjectType({ description: "The result of importing a batch of trade participations (kết quả nhập danh sách tham gia xúc tiến thương mại)." })
export class ImportTradeParticipationsPayload extends ImportPayloadOf(TradeParticipationImportRowResult) {}
