import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, DETAILS, LocalDateScalar, numericTransformer, READ_NOTE, today, VndScalar } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
import { EcommercePlatform, PLATFORM_LABEL, TradeParticipantKind } from "../domain/enums";

@ObjectType({ description: "A product of an organisation offered on an e-commerce platform (gian hàng trên sàn thương mại điện tử)." })
@Entity("ecommerce_listing")
export class EcommerceListing {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => ID, { description: "Id of the seller in the membership records, or of the OCOP local owner (mã chủ thể)." })
  @Column("uuid", { name: "owner_id" })
  ownerId: string;

  @Field(() => TradeParticipantKind, { description: "Kind of seller (loại chủ thể)." })
  @Column("text", { name: "owner_kind" })
  ownerKind: TradeParticipantKind;

  @Field({ description: "Code of the unit where the seller is registered (mã đơn vị hành chính)." })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version's id) where the seller lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when the seller lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => EcommercePlatform, { description: "The platform (sàn)." })
  @Column("text")
  platform: EcommercePlatform;

  @Column("uuid", { name: "product_id", nullable: true })
  productId: string | null;

  @Field({ description: "Name of the product as listed (tên sản phẩm)." })
  @Column("text", { name: "product_name" })
  productName: string;

  @Field(() => String, { nullable: true, description: "Address of the listing (đường dẫn)." })
  @Column("text", { nullable: true })
  url: string | null;

  @Field(() => LocalDateScalar, { description: "Date it went on sale (ngày đưa lên sàn)." })
  @Column("date", { name: "listed_on" })
  listedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date it was taken off (ngày gỡ khỏi sàn); null while on sale." })
  @Column("date", { name: "delisted_on", nullable: true })
  delistedOn: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  @Field({ description: "Name of the platform (tên sàn)." })
  platformLabel(): string {
    return PLATFORM_LABEL[this.platform];
  }

  /** The code of today's commune where the seller lies (the COMMUNE access rule reads it); null where none decides. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }
}

@ObjectType({ description: "A supply-demand link (kết nối cung cầu): a seller's agreement to supply a buyer with a product." })
@Entity("supply_demand_link")
export class SupplyDemandLink {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => ID, { description: "Id of the seller in the membership records, or of the OCOP local owner (mã chủ thể bán)." })
  @Column("uuid", { name: "seller_id" })
  sellerId: string;

  @Field(() => TradeParticipantKind, { description: "Kind of seller (loại chủ thể)." })
  @Column("text", { name: "seller_kind" })
  sellerKind: TradeParticipantKind;

  @Field({ description: "Code of the unit where the seller is registered (mã đơn vị hành chính)." })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version's id) where the seller lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when the seller lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Authorized(...DETAILS.TRADE)
  @Field({ nullable: true, description: `The buyer (bên mua), e.g. a supermarket chain or a trader. ${READ_NOTE.TRADE}` })
  @Column("text")
  buyer: string;

  @Column("uuid", { name: "product_id", nullable: true })
  productId: string | null;

  @Field({ description: "Name of the product supplied (tên sản phẩm)." })
  @Column("text", { name: "product_name" })
  productName: string;

  @Authorized(...DETAILS.TRADE)
  @Field(() => Float, { nullable: true, description: `Volume agreed (sản lượng), in \`volumeUnit\`. ${READ_NOTE.TRADE}` })
  @Column("numeric", { transformer: numericTransformer })
  volume: number;

  @Authorized(...DETAILS.TRADE)
  @Field({ nullable: true, description: `Unit of the volume (đơn vị tính), e.g. tấn, lít, hộp. ${READ_NOTE.TRADE}` })
  @Column("text", { name: "volume_unit" })
  volumeUnit: string;

  @Authorized(...DETAILS.TRADE)
  @Field(() => VndScalar, { nullable: true, description: `Value agreed (giá trị), VND. ${READ_NOTE.TRADE}` })
  @Column("bigint", { transformer: bigintTransformer })
  value: bigint;

  @Field(() => LocalDateScalar, { description: "Date agreed (ngày ký kết)." })
  @Column("date", { name: "agreed_on" })
  agreedOn: string;

  @Column("uuid", { name: "event_id", nullable: true })
  eventId: string | null;

  @Field(() => String, { nullable: true, description: "Remarks (ghi chú)." })
  @Column("text", { nullable: true })
  note: string | null;

  /** The code of today's commune where the seller lies (the COMMUNE access rule reads it); null where none decides. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }
}
