import { ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
import { EcommercePlatform, PLATFORM_LABEL, TradeParticipantKind } from "../domain/enums";

/** Where the seller of a listing or a link lies: its commune is the seller's. */
const SELLER_PLACE = { adminUnitCode: "Code of the unit where the seller is registered (mã đơn vị hành chính).", who: "the seller" };

@ObjectType({ description: "A product of an organisation offered on an e-commerce platform (gian hàng trên sàn thương mại điện tử)." })
@Entity("ecommerce_listing")
export class EcommerceListing extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.ref("Id of the seller in the membership records, or of the OCOP local owner (mã chủ thể).")
  ownerId: string;

  @Stored.enum(TradeParticipantKind, "Kind of seller (loại chủ thể).")
  ownerKind: TradeParticipantKind;

  @Stored.place(SELLER_PLACE)
  adminUnitCode: string;

  @Stored.enum(EcommercePlatform, "The platform (sàn).")
  platform: EcommercePlatform;

  @Column("uuid", { name: "product_id", nullable: true })
  productId: string | null;

  @Stored.text("Name of the product as listed (tên sản phẩm).")
  productName: string;

  @Stored.text("Address of the listing (đường dẫn).", { nullable: true })
  url: string | null;

  @Stored.date("Date it went on sale (ngày đưa lên sàn).")
  listedOn: string;

  @Stored.date("Date it was taken off (ngày gỡ khỏi sàn); null while on sale.", { nullable: true })
  delistedOn: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;

  @FieldOf.label(PLATFORM_LABEL, "platform", "Name of the platform (tên sàn).")
  platformLabel: string;
}

@ObjectType({ description: "A supply-demand link (kết nối cung cầu): a seller's agreement to supply a buyer with a product." })
@Entity("supply_demand_link")
export class SupplyDemandLink extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.ref("Id of the seller in the membership records, or of the OCOP local owner (mã chủ thể bán).")
  sellerId: string;

  @Stored.enum(TradeParticipantKind, "Kind of seller (loại chủ thể).")
  sellerKind: TradeParticipantKind;

  @Stored.place(SELLER_PLACE)
  adminUnitCode: string;

  @Stored.text("The buyer (bên mua), e.g. a supermarket chain or a trader.", { guard: "TRADE" })
  buyer: string;

  @Column("uuid", { name: "product_id", nullable: true })
  productId: string | null;

  @Stored.text("Name of the product supplied (tên sản phẩm).")
  productName: string;

  @Stored.decimal("Volume agreed (sản lượng), in `volumeUnit`.", { guard: "TRADE", precision: 14, scale: 2 })
  volume: number;

  @Stored.text("Unit of the volume (đơn vị tính), e.g. tấn, lít, hộp.", { guard: "TRADE" })
  volumeUnit: string;

  @Stored.money("Value agreed (giá trị), VND.", { guard: "TRADE" })
  value: bigint;

  @Stored.date("Date agreed (ngày ký kết).")
  agreedOn: string;

  @Column("uuid", { name: "event_id", nullable: true })
  eventId: string | null;

  @Stored.text("Remarks (ghi chú).", { nullable: true })
  note: string | null;
}
