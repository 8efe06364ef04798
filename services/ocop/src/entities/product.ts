import { Directive, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
import { GROUP_LABEL, OcopGroup, OcopOwnerType, OWNER_TYPE_LABEL } from "../domain/enums";

@ObjectType({ description: "An OCOP product (sản phẩm OCOP, Mỗi xã một sản phẩm): what is certified, where it is made and who owns it." })
@Directive('@key(fields: "id")')
@Entity("ocop_product")
export class OcopProduct extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.text("Product name with diacritics (tên sản phẩm), e.g. Mật ong Cường Nga.")
  name: string;

  @Stored.enum(OcopGroup, "Product group of Decision 148/QĐ-TTg (nhóm sản phẩm).", { column: "product_group" })
  group: OcopGroup;

  @Stored.text("Subgroup (phân nhóm), e.g. Gia vị.")
  subgroup: string;

  /** A product has no address of its own: its commune decides where it lies today, and a split commune leaves it unplaced. */
  @Stored.place({
    adminUnitCode: "Code of the unit where it was produced (mã đơn vị hành chính): the district for records before 2025-07-01, the commune after.",
  })
  adminUnitCode: string;

  @Stored.enum(OcopOwnerType, "Kind of owner (loại chủ thể).")
  ownerType: OcopOwnerType;

  /** Id of a membership organisation (HTX, THT, LHHTX), when the owner is one. */
  @Column("uuid", { name: "owner_organization_id", nullable: true })
  ownerOrganizationId: string | null;

  /** Id of a local owner, when the owner is an enterprise or household business. */
  @Column("uuid", { name: "owner_id", nullable: true })
  ownerId: string | null;

  @Stored.date("Date the product was registered for assessment (ngày đăng ký).")
  registeredOn: string;

  @Stored.text("Short description (mô tả).", { nullable: true })
  description: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: products registered after the seed text's date (2024-07-15).", {
    default: false,
  })
  illustrative: boolean;

  /** The date a list was asked for: fields that depend on a date default to it. */
  listAsOf?: string;

  @FieldOf.label(GROUP_LABEL, "group", "Name of the group in Vietnamese (tên nhóm).")
  groupLabel: string;

  @FieldOf.label(OWNER_TYPE_LABEL, "ownerType", "Name of the owner type in Vietnamese (tên loại chủ thể).")
  ownerTypeLabel: string;
}
