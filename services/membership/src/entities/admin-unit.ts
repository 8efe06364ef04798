/**
 * Hà Tĩnh's administrative units as the graph serves them: one row per version of a unit (a code, a name, a
 * parent and the dates it held them), copied from @kttt/reference by the migrations, and the changes that
 * link versions. Codes are reused since 2025-07-01, so a row's key is `id` (the code, or `code@validFrom` for
 * a later unit of the same code); a bare code, as other subgraphs send it, names the latest unit bearing it.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Stored } from "@kttt/core";
import { ADMIN_UNIT_CODE_DESCRIPTION, ADMIN_UNIT_ID_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION } from "@kttt/reference";
import { AdminUnitKind, AdminUnitLevel, AdminUnitShare } from "../domain/enums";

@ObjectType({ description: ADMIN_UNIT_TYPE_DESCRIPTION })
@Directive('@key(fields: "code")')
@Directive('@key(fields: "id")')
@Entity("admin_unit")
export class AdminUnit {
  @Field(() => ID, { description: ADMIN_UNIT_ID_DESCRIPTION })
  @PrimaryColumn("text")
  id: string;

  @Stored.text(ADMIN_UNIT_CODE_DESCRIPTION)
  code: string;

  @Stored.text("Official name with its kind and diacritics (tên), e.g. Huyện Hương Khê, Xã Tứ Mỹ.")
  name: string;

  @Stored.enum(AdminUnitKind, "Kind of unit (loại đơn vị): tỉnh, thành phố, thị xã, huyện, phường, xã or thị trấn.")
  kind: AdminUnitKind;

  @Stored.enum(AdminUnitLevel, "Tier of local government (cấp): province, district (until 2025-06-30) or commune.")
  level: AdminUnitLevel;

  @Stored.text("Code of the province (mã tỉnh): 42 for Hà Tĩnh.")
  provinceCode: string;

  @Column("text", { name: "parent_id", nullable: true })
  parentId: string | null;

  @Stored.date("First day the unit existed in this form (hiệu lực từ); null when it was formed before the mid-2024 review and the date is not recorded here.", {
    nullable: true,
  })
  validFrom: string | null;

  @Stored.date("Last day the unit existed in this form (hiệu lực đến); null while it exists.", { nullable: true })
  validTo: string | null;

  @Stored.text("The act that made the unit in this form (căn cứ pháp lý), e.g. Nghị quyết 1665/NQ-UBTVQH15; null where not recorded.", {
    nullable: true,
  })
  legalBasis: string | null;

  @Stored.text("What happened to the unit (ghi chú thay đổi địa giới), in Vietnamese; says so where a fact is only inferred.", { nullable: true })
  changeNote: string | null;
}

/**
 * A link between two versions, `toId` took over all (WHOLE) or part (PART) of `fromId` on `tookEffectOn`: a row of
 * `admin_unit_change`, and, served from one side with the unit on the other side in `unit`, a GraphQL `AdminUnitChange`.
 */
@ObjectType({ description: "A change of boundaries between two units (thay đổi địa giới): which unit, how much of it, from when, and on what basis." })
@Entity("admin_unit_change")
export class AdminUnitChange {
  @PrimaryColumn("text", { name: "from_id" })
  fromId: string;

  @PrimaryColumn("text", { name: "to_id" })
  toId: string;

  /** Not a column: set when the change is served from one of its units. */
  @Field(() => AdminUnit, {
    description: "The unit on the other side: the successor (đơn vị kế thừa) in `successors`, the predecessor (đơn vị trước) in `predecessors`.",
  })
  unit: AdminUnit;

  @Stored.enum(AdminUnitShare, "Whether the whole of the earlier unit went into the later one, or a part of it (toàn bộ / một phần).")
  share: AdminUnitShare;

  @Stored.date("First day of the new arrangement (ngày hiệu lực).")
  tookEffectOn: string;

  @Stored.text("The act that made the change (căn cứ pháp lý).")
  legalBasis: string;

  @Stored.boolean("True where the sources do not state the link and it is a best reading of them (suy luận), not a legal text.")
  inferred: boolean;

  @Stored.text("How the link was read, where it is inferred.", { nullable: true })
  note: string | null;
}

/** The same class, named for the rows the loaders read (before `unit` is set). */
export { AdminUnitChange as AdminUnitChangeRow };
