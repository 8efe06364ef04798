import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { DETAILS, READ_NOTE } from "@kttt/core";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { OcopLocalOwnerType, OWNER_TYPE_LABEL } from "../domain/enums";

@ObjectType({
  description:
    "An OCOP product owner this subgraph keeps itself (chủ thể OCOP): an enterprise or a household business. " +
    "Cooperatives and cooperative groups are kept by the membership subgraph.",
})
@Directive('@key(fields: "id")')
@Entity("ocop_owner")
export class OcopLocalOwner {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => OcopLocalOwnerType, { description: "Enterprise or household business (loại chủ thể)." })
  @Column("text")
  type: OcopLocalOwnerType;

  @Field({ description: "Registered name with diacritics (tên chủ thể), e.g. Công ty TNHH Minh Hằng." })
  @Column("text")
  name: string;

  @Field({ description: "Tax or registration number (mã số thuế / mã số đăng ký): 10 digits, optionally -3 digits." })
  @Column("text", { name: "registration_number" })
  registrationNumber: string;

  @Field({ description: "Code of the administrative unit where it is registered (mã đơn vị hành chính)." })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  @Field(() => String, { nullable: true, description: "Address (địa chỉ)." })
  @Column("text", { nullable: true })
  address: string | null;

  @Authorized(...DETAILS.OCOP)
  @Field(() => String, { nullable: true, description: `Representative or household head (người đại diện). ${READ_NOTE.OCOP}` })
  @Column("text", { nullable: true })
  representative: string | null;

  @Column("integer")
  version: number;

  @Field({ description: "Name of the owner type in Vietnamese (tên loại chủ thể), e.g. Hộ kinh doanh." })
  typeLabel(): string {
    return OWNER_TYPE_LABEL[this.type];
  }
}
