import { Directive, ObjectType } from "type-graphql";
import { FieldOf, Stored } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
import { Column, Entity } from "typeorm";
import { OcopLocalOwnerType, OWNER_TYPE_LABEL } from "../domain/enums";

@ObjectType({
  description:
    "An OCOP product owner this subgraph keeps itself (chủ thể OCOP): an enterprise or a household business. " +
    "Cooperatives and cooperative groups are kept by the membership subgraph.",
})
@Directive('@key(fields: "id")')
@Entity("ocop_owner")
export class OcopLocalOwner extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.enum(OcopLocalOwnerType, "Enterprise or household business (loại chủ thể).")
  type: OcopLocalOwnerType;

  @Stored.text("Registered name with diacritics (tên chủ thể), e.g. Công ty TNHH Minh Hằng.")
  name: string;

  @Stored.text("Tax or registration number (mã số thuế / mã số đăng ký): 10 digits, optionally -3 digits.")
  registrationNumber: string;

  @Stored.place({
    adminUnitCode: "Code of the unit where it was registered (mã đơn vị hành chính): the district for records before 2025-07-01, the commune after.",
  })
  adminUnitCode: string;

  @Stored.text("Address (địa chỉ).", { nullable: true })
  address: string | null;

  @Stored.text("Representative or household head (người đại diện).", { nullable: true, guard: "OCOP" })
  representative: string | null;

  @Column("integer")
  version: number;

  @FieldOf.label(OWNER_TYPE_LABEL, "type", "Name of the owner type in Vietnamese (tên loại chủ thể), e.g. Hộ kinh doanh.")
  typeLabel: string;
}
