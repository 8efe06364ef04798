import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ImportPayloadOf, ImportRowInput, ImportRowResultOf, OrganizationKind, FieldOf } from "@kttt/core";
import { FundingSource } from "../domain/enums";

/** At most this many rows in one importBeneficiaries or importDisbursements call (one transaction). */
export const MAX_SUPPORT_IMPORT_ROWS = 5000;

/** The programme and the organisation a row of either list names. */
@InputType({ description: "The programme and organisation a support row names (chương trình và tổ chức)." })
export abstract class SupportRowBase extends ImportRowInput {
  @FieldOf.text("The programme's code (mã chương trình), e.g. CT-2024-SO-CT-XTTM.")
  programmeCode: string;

  @FieldOf.of(OrganizationKind, "Legal form of the organisation (loại hình).")
  organizationKind: OrganizationKind;

  @FieldOf.text("The organisation's name as the list writes it (tên tổ chức).")
  organizationName: string;

  @FieldOf.text("The organisation's registration number (mã số HTX); none for a cooperative group.", { nullable: true })
  organizationRegistrationNumber?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's id in the membership subgraph: the import command finds it from the registration number (a group from its name).",
  })
  organizationId?: string;
}

@InputType({
  description:
    "One approved allocation of a programme (một dòng của danh sách đối tượng thụ hưởng): checked by the rules of recordBeneficiary; " +
    "matched to the graph on the programme and the organisation. Rows are checked one by one and answered row by row.",
})
export class BeneficiaryImportRow extends SupportRowBase {
  @Field({
    nullable: true,
    description:
      "The unit where the organisation is registered (đơn vị hành chính), on the approval date: its code or its name; with `commune`, " +
      "the district that commune lay in (before 1/7/2025). Needed when `commune` is empty.",
  })
  adminUnit?: string;

  @Field({
    nullable: true,
    description:
      "The commune where the organisation lies (xã, phường), in force on the approval date: a 2024 commune by name (with `adminUnit` " +
      'or ", Huyện …" where the name alone is ambiguous) or code, or a 2025 commune. Recorded as the allocation\'s commune since that date.',
  })
  commune?: string;

  @FieldOf.of(FundingSource, "Budget line the allocation is charged to (nguồn kinh phí).")
  fundingSource: FundingSource;

  @FieldOf.text("What the organisation receives (nội dung hỗ trợ).")
  support: string;

  @FieldOf.money("Amount approved (kinh phí được phê duyệt), whole đồng, more than 0.")
  plannedAmount: bigint;

  @Field(() => Int, {
    nullable: true,
    description: "Managers trained through this support (cán bộ quản lý được đào tạo), training programmes only; empty is 0.",
  })
  managersTrained?: number;

  @FieldOf.date("Date the allocation was approved (ngày phê duyệt).")
  approvedOn: string;
}

@InputType({
  description:
    "One payment to a beneficiary (một lần giải ngân): checked by the rules of recordDisbursement; the beneficiary is found by the " +
    "programme and the organisation. A payment of the same amount on the same day to the same beneficiary is taken as the one " +
    "already recorded, so a list imported twice pays nothing twice.",
})
export class DisbursementImportRow extends SupportRowBase {
  @FieldOf.money("Amount paid (số tiền giải ngân), whole đồng, more than 0.")
  amount: bigint;

  @FieldOf.date("Date of payment (ngày giải ngân).")
  disbursedOn: string;

  @FieldOf.text("Why this payment may exceed the approved amount (lý do vượt kế hoạch); only for one that does.", { nullable: true })
  overrideReason?: string;

  @FieldOf.text("Remarks (ghi chú).", { nullable: true })
  note?: string;
}

@ObjectType({ description: "What an import of allocations or payments did, or would do, with one row (kết quả từng dòng)." })
export class SupportImportRowResult extends ImportRowResultOf(
  "beneficiaryId",
  "The beneficiary (allocation) the row matched, created or paid; null for an invalid row and for one a dry run would create (mã đối tượng thụ hưởng).",
) {}

@ObjectType({ description: "The result of importing a batch of allocations or payments (kết quả nhập danh sách hỗ trợ)." })
export class ImportSupportPayload extends ImportPayloadOf(SupportImportRowResult) {}
