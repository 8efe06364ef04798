import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, DETAILS, LocalDateScalar, READ_NOTE, today, VndScalar } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, TradeEventFormat, TradeEventScope, TradeEventType } from "../domain/enums";

@ObjectType({
  description:
    "A trade-promotion event (hoạt động xúc tiến thương mại): a fair, exhibition, conference, supply-demand meeting or online campaign the Alliance brings cooperatives to.",
})
@Entity("trade_event")
export class TradeEvent {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Name with diacritics (tên sự kiện), e.g. Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022." })
  @Column("text")
  name: string;

  @Field(() => TradeEventType, { description: "Kind of event (loại hoạt động)." })
  @Column("text")
  type: TradeEventType;

  @Field(() => TradeEventFormat, { description: "In person, online or both (hình thức)." })
  @Column("text")
  format: TradeEventFormat;

  @Field(() => TradeEventScope, { description: "Provincial, regional, national or international (quy mô)." })
  @Column("text")
  scope: TradeEventScope;

  @Field({ description: "Who organised it (đơn vị tổ chức)." })
  @Column("text")
  organiser: string;

  @Field({ description: "Where it was held (địa điểm), or the platform of an online event." })
  @Column("text")
  place: string;

  @Field(() => String, {
    nullable: true,
    description: "Code of the unit of Hà Tĩnh where it was held (mã đơn vị hành chính); null outside the province or online.",
  })
  @Column("text", { name: "admin_unit_code", nullable: true })
  adminUnitCode: string | null;

  /** The commune (a unit version's id) where it was held, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Since when it lies in `commune` (từ ngày): its first day; null where no commune is recorded (outside the province, online, or only a district known).",
  })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => LocalDateScalar, { description: "First day (ngày bắt đầu)." })
  @Column("date", { name: "starts_on" })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "Last day (ngày kết thúc)." })
  @Column("date", { name: "ends_on" })
  endsOn: string;

  @Field(() => Int, { nullable: true, description: "Booths of the whole event (số gian hàng), all exhibitors included; null when not known." })
  @Column("integer", { name: "booth_count", nullable: true })
  boothCount: number | null;

  @Authorized(...DETAILS.TRADE)
  @Field(() => VndScalar, { nullable: true, description: `Budget of the event (kinh phí tổ chức), VND; null when not known. ${READ_NOTE.TRADE}` })
  @Column("bigint", { nullable: true, transformer: bigintTransformer })
  budget: bigint | null;

  @Authorized(...DETAILS.TRADE)
  @Field(() => ID, {
    nullable: true,
    description: `Id of the support programme that funds it (mã chương trình hỗ trợ kinh phí), a key of the policy-support subgraph: the same as \`fundingProgramme.id\`. ${READ_NOTE.TRADE}`,
    deprecationReason: "Use `fundingProgramme`, the programme itself (resolved by policy support); its `id` is this value.",
  })
  @Column("uuid", { name: "funding_programme_id", nullable: true })
  fundingProgrammeId: string | null;

  @Field({ description: "True for an invented event of the demo data (minh họa); false for one reported by the sources." })
  @Column("boolean")
  illustrative: boolean;

  @Field(() => String, { nullable: true, description: "Remarks and sources (ghi chú)." })
  @Column("text", { nullable: true })
  note: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  /** The code of today's commune where it was held (the COMMUNE access rule reads it); null where none is recorded or none decides. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }

  @Field({ description: "Name of the kind in Vietnamese (tên loại hoạt động)." })
  typeLabel(): string {
    return EVENT_TYPE_LABEL[this.type];
  }

  @Field({ description: "Name of the format in Vietnamese (tên hình thức)." })
  formatLabel(): string {
    return FORMAT_LABEL[this.format];
  }
}
