import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ImportPayloadBase, ImportRowResultBase, LocalDateScalar } from "@kttt/core";
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
export class OcopProductImportRow {
  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, echoed in the result and in messages (số dòng)." })
  rowNumber?: number;

  @Field({ description: "Product name, with diacritics (tên sản phẩm)." })
  name: string;

  @Field(() => OcopGroup, { description: "Product group (nhóm sản phẩm)." })
  group: OcopGroup;

  @Field({ description: "Subgroup of the group (phân nhóm), e.g. Gia vị (see `ocopSubgroups`)." })
  subgroup: string;

  @Field({
    nullable: true,
    description:
      "The unit where it is produced (đơn vị hành chính nơi sản xuất), on the registration date: its code, e.g. 444, or its name, e.g. Huyện Hương Khê; " +
      "with `commune`, the district that commune lay in (before 1/7/2025). Needed when `commune` is empty.",
  })
  adminUnit?: string;

  @Field({
    nullable: true,
    description:
      "The commune where it is produced (xã, phường nơi sản xuất), in force on the registration date: a 2024 commune by name (with `adminUnit` " +
      "or \", Huyện …\" where the name alone is ambiguous) or code, or a 2025 commune. Recorded as the product's (and a new owner's) commune since that date.",
  })
  commune?: string;

  @Field(() => LocalDateScalar, { description: "Date the product was registered for assessment (ngày đăng ký); not in the future." })
  registeredOn: string;

  @Field({ nullable: true, description: "Short description (mô tả)." })
  description?: string;

  @Field(() => OcopOwnerType, { description: "Kind of owner (loại chủ thể)." })
  ownerType: OcopOwnerType;

  @Field({ description: "The owner's name as the list writes it (tên chủ thể)." })
  ownerName: string;

  @Field({
    nullable: true,
    description: "The owner's registration or tax number (mã số HTX / mã số thuế): 10 digits, optionally -3 digits; none for a cooperative group.",
  })
  ownerRegistrationNumber?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "A cooperative, group or union of the membership subgraph, by its id (mã tổ chức): required for those owner types; " +
      "the import command finds it from the registration number (a group from its name).",
  })
  ownerOrganizationId?: string;

  @Field({ nullable: true, description: "Address of an enterprise or household business recorded with the product (địa chỉ chủ thể)." })
  ownerAddress?: string;

  @Field(() => Int, { nullable: true, description: "Part A of the certificate's score, 0–40 (điểm phần A); with the other certificate fields or none." })
  scoreA?: number;

  @Field(() => Int, { nullable: true, description: "Part B, 0–25 (điểm phần B)." })
  scoreB?: number;

  @Field(() => Int, { nullable: true, description: "Part C, 0–35 (điểm phần C)." })
  scoreC?: number;

  @Field(() => Int, { nullable: true, description: "Stars recognised (hạng sao): must match the total score's band (3★ 50–69, 4★ 70–89, 5★ 90–100)." })
  stars?: number;

  @Field(() => OcopLevel, {
    nullable: true,
    description: "Level that recognised them (cấp công nhận); must match the stars and date; omit to have it derived.",
  })
  level?: OcopLevel;

  @Field({ nullable: true, description: "Number of the recognition decision (số quyết định), e.g. 1234/QĐ-UBND: the certificate's key." })
  decisionNumber?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of the decision (ngày quyết định); not in the future, not before the registration." })
  decidedOn?: string;
}

@ObjectType({ description: "What importOcopProducts did, or would do, with one row (kết quả từng dòng)." })
export class OcopProductImportRowResult extends ImportRowResultBase {
  @Field(() => ID, {
    nullable: true,
    description: "The product the row matched or created; null for an invalid row and for a row a dry run would create (mã sản phẩm).",
  })
  productId: string | null;

  @Field({ description: "True when the row adds a certificate to the product, or would on a dry run (thêm giấy chứng nhận)." })
  certificateAdded: boolean;
}

@ObjectType({ description: "The result of importing a batch of OCOP products and certificates (kết quả nhập danh sách sản phẩm OCOP)." })
export class ImportOcopProductsPayload extends ImportPayloadBase {
  @Field(() => [OcopProductImportRowResult], { description: "One result per row, in the order sent (từng dòng)." })
  rows: OcopProductImportRowResult[];
}
