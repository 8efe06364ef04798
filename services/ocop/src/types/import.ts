import { InputType, ObjectType } from "type-graphql";
import { ImportPayloadOf, ImportRowInput, ImportRowResultOf, FieldOf } from "@kttt/core";
import { OcopGroup, OcopLevel, OcopOwnerType } from "../domain/enums";

/** At most this many rows in one importOcopProducts call (one transaction). */
export const MAX_OCOP_IMPORT_ROWS = 5000;

@InputType({
  description:
    "One row of an OCOP list to import (một dòng của danh sách sản phẩm OCOP): a product, its owner and, when it was " +
    "rated, its certificate. Checked by the rules of registerOcopProduct and certifyOcopProduct / reassessOcopProduct; " +
    "matched to the graph on the owner and the product name, a certificate on its decision number. Rows are checked " +
    "one by one and answered row by row, so no field here is refused for the whole call.",
})
export class OcopProductImportRow extends ImportRowInput {
  @FieldOf.text("Product name, with diacritics (tên sản phẩm).")
  name: string;

  @FieldOf.of(OcopGroup, "Product group (nhóm sản phẩm).")
  group: OcopGroup;

  @FieldOf.text("Subgroup of the group (phân nhóm), e.g. Gia vị (see `ocopSubgroups`).")
  subgroup: string;

  @FieldOf.text(
    "The unit where it is produced (đơn vị hành chính nơi sản xuất), on the registration date: its code, e.g. 444, or its name, e.g. Huyện Hương Khê; " +
      "with `commune`, the district that commune lay in (before 1/7/2025). Needed when `commune` is empty.",
    { nullable: true },
  )
  adminUnit?: string;

  @FieldOf.text(
    "The commune where it is produced (xã, phường nơi sản xuất), in force on the registration date: a 2024 commune by name (with `adminUnit` " +
      "or \", Huyện …\" where the name alone is ambiguous) or code, or a 2025 commune. Recorded as the product's (and a new owner's) commune since that date.",
    { nullable: true },
  )
  commune?: string;

  @FieldOf.date("Date the product was registered for assessment (ngày đăng ký); not in the future.")
  registeredOn: string;

  @FieldOf.text("Short description (mô tả).", { nullable: true })
  description?: string;

  @FieldOf.of(OcopOwnerType, "Kind of owner (loại chủ thể).")
  ownerType: OcopOwnerType;

  @FieldOf.text("The owner's name as the list writes it (tên chủ thể).")
  ownerName: string;

  @FieldOf.text("The owner's registration or tax number (mã số HTX / mã số thuế): 10 digits, optionally -3 digits; none for a cooperative group.", {
    nullable: true,
  })
  ownerRegistrationNumber?: string;

  @FieldOf.id(
    "A cooperative, group or union of the membership subgraph, by its id (mã tổ chức): required for those owner types; " +
      "the import command finds it from the registration number (a group from its name).",
    { nullable: true },
  )
  ownerOrganizationId?: string;

  @FieldOf.text("Address of an enterprise or household business recorded with the product (địa chỉ chủ thể).", { nullable: true })
  ownerAddress?: string;

  @FieldOf.int("Part A of the certificate's score, 0–40 (điểm phần A); with the other certificate fields or none.", { nullable: true })
  scoreA?: number;

  @FieldOf.int("Part B, 0–25 (điểm phần B).", { nullable: true })
  scoreB?: number;

  @FieldOf.int("Part C, 0–35 (điểm phần C).", { nullable: true })
  scoreC?: number;

  @FieldOf.int("Stars recognised (hạng sao): must match the total score's band (3★ 50–69, 4★ 70–89, 5★ 90–100).", { nullable: true })
  stars?: number;

  @FieldOf.of(OcopLevel, "Level that recognised them (cấp công nhận); must match the stars and date; omit to have it derived.", { nullable: true })
  level?: OcopLevel;

  @FieldOf.text("Number of the recognition decision (số quyết định), e.g. 1234/QĐ-UBND: the certificate's key.", { nullable: true })
  decisionNumber?: string;

  @FieldOf.date("Date of the decision (ngày quyết định); not in the future, not before the registration.", { nullable: true })
  decidedOn?: string;
}

@ObjectType({ description: "What importOcopProducts did, or would do, with one row (kết quả từng dòng)." })
export class OcopProductImportRowResult extends ImportRowResultOf(
  "productId",
  "The product the row matched or created; null for an invalid row and for a row a dry run would create (mã sản phẩm).",
) {
  @FieldOf.boolean("True when the row adds a certificate to the product, or would on a dry run (thêm giấy chứng nhận).")
  certificateAdded: boolean;
}

@ObjectType({ description: "The result of importing a batch of OCOP products and certificates (kết quả nhập danh sách sản phẩm OCOP)." })
export class ImportOcopProductsPayload extends ImportPayloadOf(OcopProductImportRowResult) {}
