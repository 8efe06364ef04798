import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateScalar } from "@kttt/core";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { AgencyKind, PolicyKind } from "../domain/enums";

@ObjectType({
  description:
    "An agency that carries out support programmes (cơ quan thực hiện): a provincial department, the Cooperative Alliance, or a district People's Committee (until its district ended; since 2025-07-01 the commune People's Committees are the local partners).",
})
@Entity("agency")
export class Agency {
  @Field(() => ID, { description: "Stable identifier (mã định danh); the same on every database." })
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Stable short code (mã cơ quan), e.g. SO-CT or UBND-444; used by filters and, later, by access rules." })
  @Column("text")
  code: string;

  @Field({ description: "Name (tên cơ quan), e.g. Sở Công Thương." })
  @Column("text")
  name: string;

  @Field(() => AgencyKind, { description: "Kind of agency (loại cơ quan)." })
  @Column("text")
  kind: AgencyKind;

  @Field(() => String, { nullable: true, description: "For a district People's Committee: the code of its unit (mã đơn vị hành chính)." })
  @Column("text", { name: "admin_unit_code", nullable: true })
  adminUnitCode: string | null;

  /** The commune (a unit version's id) of the agency's seat; `commune` serves the unit. Not known for any agency: null. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Since when the agency's seat lies in `commune` (từ ngày); null while the seat is not known, as for every agency so far.",
  })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Last day the agency existed (hiệu lực đến): a district People's Committee ended with its unit (Lộc Hà's on 2024-12-31, the others on 2025-06-30, " +
      "when the district level was abolished); null while it exists. No successor agency is recorded: `successorUnits` names where its area lay next.",
  })
  @Column("date", { name: "valid_to", nullable: true })
  validTo: string | null;

  @Field(() => [PolicyKind], { description: "Kinds of support the agency is responsible for (lĩnh vực phụ trách)." })
  @Column("text", { name: "responsible_kinds", array: true })
  responsibleKinds: PolicyKind[];
}
