import { ArgsType, Field, ID, InputType } from "type-graphql";
import { FilteredListArgs, LocalDateScalar, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, OptionalYearField } from "@kttt/core";
import { EcommercePlatform, TradeEventFormat, TradeEventOrder, TradeEventScope, TradeEventType } from "../domain/enums";

@InputType({ description: "Filters for trade-promotion events (bộ lọc sự kiện); all given conditions must hold." })
export class TradeEventFilter {
  @Field(() => TradeEventType, { nullable: true, description: "Only this kind of event (loại hoạt động)." })
  type?: TradeEventType;

  @Field(() => TradeEventFormat, { nullable: true, description: "Only this format (hình thức)." })
  format?: TradeEventFormat;

  @Field(() => TradeEventScope, { nullable: true, description: "Only this reach (quy mô)." })
  scope?: TradeEventScope;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only events still running on or after this date (từ ngày)." })
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only events started on or before this date (đến ngày)." })
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
export class TradeEventListArgs extends FilteredListArgs(() => TradeEventFilter, "Conditions on the events.") {
  @Field(() => TradeEventOrder, { defaultValue: TradeEventOrder.STARTS_ON_DESC, description: "Sort order." })
  orderBy: TradeEventOrder;
}

@InputType({ description: "Filters for e-commerce listings (bộ lọc gian hàng trên sàn); all given conditions must hold." })
export class EcommerceListingFilter {
  @Field(() => EcommercePlatform, { nullable: true, description: "Only this platform (sàn)." })
  platform?: EcommercePlatform;

  @Field(() => ID, { nullable: true, description: "Only this seller's listings (mã chủ thể)." })
  ownerId?: string;

  @OptionalAdminUnitCodeField(
    "Only sellers registered in this unit (mã đơn vị hành chính) on `adminUnitAsOf`: the unit, a district merged into it, or one of its communes.",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only listings on sale on this date (đang bán vào ngày)." })
  activeOn?: string;
}

@ArgsType()
export class EcommerceListingListArgs extends FilteredListArgs(() => EcommerceListingFilter, "Conditions on the listings.") {}

@InputType({ description: "Filters for supply-demand links (bộ lọc kết nối cung cầu); all given conditions must hold." })
export class SupplyDemandLinkFilter {
  @OptionalYearField("Only links agreed in this year (năm).")
  year?: number;

  @Field(() => ID, { nullable: true, description: "Only this seller's links (mã chủ thể bán)." })
  sellerId?: string;

  @SearchField("Words to find in the buyer or product name, with or without diacritics (tìm kiếm).")
  search?: string;
}

@ArgsType()
export class SupplyDemandLinkListArgs extends FilteredListArgs(() => SupplyDemandLinkFilter, "Conditions on the links.") {}
