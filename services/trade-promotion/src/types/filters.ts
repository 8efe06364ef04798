import { ArgsType, InputType } from "type-graphql";
import { FilteredListArgs, SortedListArgs, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, OptionalYearField, FieldOf } from "@kttt/core";
import { EcommercePlatform, TradeEventFormat, TradeEventOrder, TradeEventScope, TradeEventType } from "../domain/enums";

@InputType({ description: "Filters for trade-promotion events (bộ lọc sự kiện); all given conditions must hold." })
export class TradeEventFilter {
  @FieldOf.of(TradeEventType, "Only this kind of event (loại hoạt động).", { nullable: true })
  type?: TradeEventType;

  @FieldOf.of(TradeEventFormat, "Only this format (hình thức).", { nullable: true })
  format?: TradeEventFormat;

  @FieldOf.of(TradeEventScope, "Only this reach (quy mô).", { nullable: true })
  scope?: TradeEventScope;

  @FieldOf.date("Only events still running on or after this date (từ ngày).", { nullable: true })
  from?: string;

  @FieldOf.date("Only events started on or before this date (đến ngày).", { nullable: true })
  to?: string;

  @OptionalAdminUnitCodeField(
    "Only events that reach this unit (mã đơn vị hành chính) on `adminUnitAsOf`: held there, or with a participant lying there (by its commune). A commune (5 digits, e.g. 18202 for xã Tứ Mỹ) " +
      "or a district (3 digits, e.g. 444); district 445 on 2025-06-30 includes the former Lộc Hà.",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @SearchField('Words to find in the name, organiser or place, with or without diacritics (tìm kiếm): "hoi cho dac san" finds "Hội chợ … đặc sản".')
  search?: string;
}

@ArgsType()
export class TradeEventListArgs extends SortedListArgs(() => TradeEventFilter, "Conditions on the events.", TradeEventOrder, TradeEventOrder.STARTS_ON_DESC) {}

@InputType({ description: "Filters for e-commerce listings (bộ lọc gian hàng trên sàn); all given conditions must hold." })
export class EcommerceListingFilter {
  @FieldOf.of(EcommercePlatform, "Only this platform (sàn).", { nullable: true })
  platform?: EcommercePlatform;

  @FieldOf.id("Only this seller's listings (mã chủ thể).", { nullable: true })
  ownerId?: string;

  @OptionalAdminUnitCodeField(
    "Only sellers registered in this unit (mã đơn vị hành chính) on `adminUnitAsOf`: the unit, a district merged into it, or one of its communes.",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @FieldOf.date("Only listings on sale on this date (đang bán vào ngày).", { nullable: true })
  activeOn?: string;
}

@ArgsType()
export class EcommerceListingListArgs extends FilteredListArgs(() => EcommerceListingFilter, "Conditions on the listings.") {}

@InputType({ description: "Filters for supply-demand links (bộ lọc kết nối cung cầu); all given conditions must hold." })
export class SupplyDemandLinkFilter {
  @OptionalYearField("Only links agreed in this year (năm).")
  year?: number;

  @FieldOf.id("Only this seller's links (mã chủ thể bán).", { nullable: true })
  sellerId?: string;

  @SearchField("Words to find in the buyer or product name, with or without diacritics (tìm kiếm).")
  search?: string;
}

@ArgsType()
export class SupplyDemandLinkListArgs extends FilteredListArgs(() => SupplyDemandLinkFilter, "Conditions on the links.") {}
