import { ObjectType } from "type-graphql";
import { Entity } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, TradeEventFormat, TradeEventScope, TradeEventType } from "../domain/enums";

@ObjectType({
  description:
    "A trade-promotion event (hoạt động xúc tiến thương mại): a fair, exhibition, conference, supply-demand meeting or online campaign the Alliance brings cooperatives to.",
})
@Entity("trade_event")
export class TradeEvent extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.text("Name with diacritics (tên sự kiện), e.g. Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022.")
  name: string;

  @Stored.enum(TradeEventType, "Kind of event (loại hoạt động).")
  type: TradeEventType;

  @Stored.enum(TradeEventFormat, "In person, online or both (hình thức).")
  format: TradeEventFormat;

  @Stored.enum(TradeEventScope, "Provincial, regional, national or international (quy mô).")
  scope: TradeEventScope;

  @Stored.text("Who organised it (đơn vị tổ chức).")
  organiser: string;

  @Stored.text("Where it was held (địa điểm), or the platform of an online event.")
  place: string;

  @Stored.place(
    {
      adminUnitCode: "Code of the unit of Hà Tĩnh where it was held (mã đơn vị hành chính); null outside the province or online.",
      communeSince:
        "Since when it lies in `commune` (từ ngày): its first day; null where no commune is recorded (outside the province, online, or only a district known).",
    },
    { nullable: true },
  )
  adminUnitCode: string | null;

  @Stored.date("First day (ngày bắt đầu).")
  startsOn: string;

  @Stored.date("Last day (ngày kết thúc).")
  endsOn: string;

  @Stored.int("Booths of the whole event (số gian hàng), all exhibitors included; null when not known.", { nullable: true })
  boothCount: number | null;

  @Stored.money("Budget of the event (kinh phí tổ chức), VND; null when not known.", { guard: "TRADE", nullable: true })
  budget: bigint | null;

  @Stored.ref(
    "Id of the support programme that funds it (mã chương trình hỗ trợ kinh phí), a key of the policy-support subgraph: the same as `fundingProgramme.id`.",
    {
      guard: "TRADE",
      nullable: true,
      field: { deprecationReason: "Use `fundingProgramme`, the programme itself (resolved by policy support); its `id` is this value." },
    },
  )
  fundingProgrammeId: string | null;

  @Stored.boolean("True for an invented event of the demo data (minh họa); false for one reported by the sources.")
  illustrative: boolean;

  @Stored.text("Remarks and sources (ghi chú).", { nullable: true })
  note: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;

  @FieldOf.label(EVENT_TYPE_LABEL, "type", "Name of the kind in Vietnamese (tên loại hoạt động).")
  typeLabel: string;

  @FieldOf.label(FORMAT_LABEL, "format", "Name of the format in Vietnamese (tên hình thức).")
  formatLabel: string;
}
