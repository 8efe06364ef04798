import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { DETAILS, LocalDateScalar, READ_NOTE, today } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
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

  @Field({ description: "Code of the unit where it was registered (mã đơn vị hành chính): the district for records before 2025-07-01, the commune after." })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version id of @kttt/reference) where it lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when it lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => String, { nullable: true, description: "Address (địa chỉ)." })
  @Column("text", { nullable: true })
  address: string | null;

  @Authorized(...DETAILS.OCOP)
  @Field(() => String, { nullable: true, description: `Representative or household head (người đại diện). ${READ_NOTE.OCOP}` })
  @Column("text", { nullable: true })
  representative: string | null;

  @Column("integer")
  version: number;

  /** The code of today's commune where it lies (the COMMUNE access rule reads it): not a column, not a GraphQL field. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, this.address ?? null, today());
  }

  @Field({ description: "Name of the owner type in Vietnamese (tên loại chủ thể), e.g. Hộ kinh doanh." })
  typeLabel(): string {
    return OWNER_TYPE_LABEL[this.type];
  }
}
