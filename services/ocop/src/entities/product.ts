import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { LocalDateScalar } from "@kttt/core";
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

  @Field({ description: "Code of the administrative unit where it is produced (mã đơn vị hành chính nơi sản xuất)." })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

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
