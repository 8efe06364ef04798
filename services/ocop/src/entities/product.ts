import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { LocalDateScalar, today } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
import { GROUP_LABEL, OcopGroup, OcopOwnerType, OWNER_TYPE_LABEL } from "../domain/enums";

@ObjectType({ description: "An OCOP product (sản phẩm OCOP, Mỗi xã một sản phẩm): what is certified, where it is made and who owns it." })
@Directive('@key(fields: "id")')
@Entity("ocop_product")
export class OcopProduct {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Product name with diacritics (tên sản phẩm), e.g. Mật ong Cường Nga." })
  @Column("text")
  name: string;

  @Field(() => OcopGroup, { description: "Product group of Decision 148/QĐ-TTg (nhóm sản phẩm)." })
  @Column("text", { name: "product_group" })
  group: OcopGroup;

  @Field({ description: "Subgroup (phân nhóm), e.g. Gia vị." })
  @Column("text")
  subgroup: string;

  @Field({ description: "Code of the unit where it was produced (mã đơn vị hành chính): the district for records before 2025-07-01, the commune after." })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version id of @kttt/reference) where it lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when it lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => OcopOwnerType, { description: "Kind of owner (loại chủ thể)." })
  @Column("text", { name: "owner_type" })
  ownerType: OcopOwnerType;

  /** Id of a membership organisation (HTX, THT, LHHTX), when the owner is one. */
  @Column("uuid", { name: "owner_organization_id", nullable: true })
  ownerOrganizationId: string | null;

  /** Id of a local owner, when the owner is an enterprise or household business. */
  @Column("uuid", { name: "owner_id", nullable: true })
  ownerId: string | null;

  @Field(() => LocalDateScalar, { description: "Date the product was registered for assessment (ngày đăng ký)." })
  @Column("date", { name: "registered_on" })
  registeredOn: string;

  @Field(() => String, { nullable: true, description: "Short description (mô tả)." })
  @Column("text", { nullable: true })
  description: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  /**
   * The code of today's commune where it is made (the COMMUNE access rule reads it): not a column, not a GraphQL
   * field. A product has no address of its own; its commune decides, and a split commune leaves it unplaced.
   */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }

  @Field({
    description: "True for illustrative demo data (dữ liệu minh họa), not published figures: products registered after the seed text's date (2024-07-15).",
  })
  @Column("boolean", { default: false })
  illustrative: boolean;

  /** The date a list was asked for: fields that depend on a date default to it. */
  listAsOf?: string;

  @Field({ description: "Name of the group in Vietnamese (tên nhóm)." })
  groupLabel(): string {
    return GROUP_LABEL[this.group];
  }

  @Field({ description: "Name of the owner type in Vietnamese (tên loại chủ thể)." })
  ownerTypeLabel(): string {
    return OWNER_TYPE_LABEL[this.ownerType];
  }
}
