import { ObjectType } from "type-graphql";
import { Entity } from "typeorm";
import { Stored, storedEnums } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
import { AgencyKind, PolicyKind } from "../domain/enums";

@ObjectType({
  description:
    "An agency that carries out support programmes (cơ quan thực hiện): a provincial department, the Cooperative Alliance, or a district People's Committee (until its district ended; since 2025-07-01 the commune People's Committees are the local partners).",
})
@Entity("agency")
export class Agency extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh); the same on every database.")
  id: string;

  @Stored.text("Stable short code (mã cơ quan), e.g. SO-CT or UBND-444; used by filters and, later, by access rules.")
  code: string;

  @Stored.text("Name (tên cơ quan), e.g. Sở Công Thương.")
  name: string;

  @Stored.enum(AgencyKind, "Kind of agency (loại cơ quan).")
  kind: AgencyKind;

  /** Its commune is that of the agency's seat, not known for any agency so far: null. */
  @Stored.place(
    {
      adminUnitCode: "For a district People's Committee: the code of its unit (mã đơn vị hành chính).",
      communeSince: "Since when the agency's seat lies in `commune` (từ ngày); null while the seat is not known, as for every agency so far.",
    },
    { nullable: true },
  )
  adminUnitCode: string | null;

  @Stored.date(
    "Last day the agency existed (hiệu lực đến): a district People's Committee ended with its unit (Lộc Hà's on 2024-12-31, the others on 2025-06-30, " +
      "when the district level was abolished); null while it exists. No successor agency is recorded: `successorUnits` names where its area lay next.",
    { nullable: true },
  )
  validTo: string | null;

  @storedEnums(PolicyKind, "Kinds of support the agency is responsible for (lĩnh vực phụ trách).")
  responsibleKinds: PolicyKind[];
}
