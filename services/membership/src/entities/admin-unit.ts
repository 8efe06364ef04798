import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { LocalDateScalar } from "@kttt/core";
import { AdminUnitKind } from "../domain/enums";

@ObjectType({
  description:
    "A district-level administrative unit of Hà Tĩnh (đơn vị hành chính cấp huyện), with the period it existed: " +
    "units merge and the district level was abolished on 2025-07-01, and history stays queryable.",
})
@Directive('@key(fields: "code")')
@Entity("admin_unit")
export class AdminUnit {
  @Field({ description: "Official code of the unit (mã đơn vị hành chính), e.g. 436 for Thành phố Hà Tĩnh." })
  @PrimaryColumn("text")
  code: string;

  @Field({ description: "Official name with its kind (tên), e.g. Huyện Hương Khê." })
  @Column("text")
  name: string;

  @Field(() => AdminUnitKind, { description: "City, town or district (loại đơn vị)." })
  @Column("text")
  kind: AdminUnitKind;

  @Field({ description: "Code of the province (mã tỉnh): 42 for Hà Tĩnh." })
  @Column("text", { name: "province_code" })
  provinceCode: string;

  @Field(() => LocalDateScalar, { description: "First day the unit existed in this form (hiệu lực từ)." })
  @Column("date", { name: "valid_from" })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day the unit existed in this form (hiệu lực đến); null while it exists." })
  @Column("date", { name: "valid_to", nullable: true })
  validTo: string | null;

  @Column("text", { name: "successor_code", nullable: true })
  successorCode: string | null;

  @Field(() => String, { nullable: true, description: "What happened to the unit when it ended (ghi chú thay đổi địa giới)." })
  @Column("text", { name: "change_note", nullable: true })
  changeNote: string | null;
}
