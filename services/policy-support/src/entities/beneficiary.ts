import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, DETAILS, LocalDateScalar, READ_NOTE, Stored, today, VndScalar } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
import { FundingSource, OrganizationKind } from "../domain/enums";

@ObjectType({
  description:
    "Support allocated to one organisation under a programme (đối tượng thụ hưởng): what was planned, what was paid out, and in-kind results such as managers trained.",
})
@Entity("support_beneficiary")
export class SupportBeneficiary {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Column("uuid", { name: "programme_id" })
  programmeId: string;

  @Field(() => ID, { description: "Id of the organisation in the membership records (mã tổ chức)." })
  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => OrganizationKind, { description: "Legal form of the organisation (loại hình)." })
  @Column("text", { name: "organization_kind" })
  organizationKind: OrganizationKind;

  @Field({
    description:
      "Code of the unit where the organisation is registered (mã đơn vị hành chính), as given when the support was approved: the district before 2025-07-01 (the commune's district), the commune after.",
  })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version's id) where the organisation lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when the organisation lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => FundingSource, { description: "Budget line the allocation is charged to (nguồn kinh phí)." })
  @Column("text", { name: "funding_source" })
  fundingSource: FundingSource;

  @Stored.text("What the organisation receives (nội dung hỗ trợ), e.g. a training course, a booth at a fair.", { guard: "SUPPORT" })
  support: string;

  @Stored.money("Amount approved for the organisation (kinh phí được phê duyệt), VND.", { guard: "SUPPORT" })
  plannedAmount: bigint;

  @Stored.money("Amount paid out so far (đã giải ngân), VND: the sum of the disbursements.", { guard: "SUPPORT" })
  disbursedAmount: bigint;

  @Authorized(...DETAILS.SUPPORT)
  @Field(() => Int, {
    nullable: true,
    description: `Managers of the organisation trained through this support (cán bộ quản lý được đào tạo), the in-kind result that membership's managersTrained counts. ${READ_NOTE.SUPPORT}`,
  })
  @Column("integer", { name: "managers_trained" })
  managersTrained: number;

  @Field(() => LocalDateScalar, { description: "Date the allocation was approved (ngày phê duyệt)." })
  @Column("date", { name: "approved_on" })
  approvedOn: string;

  @Authorized(...DETAILS.SUPPORT)
  @Field(() => String, {
    nullable: true,
    description: `Why more than approved was paid out (lý do giải ngân vượt), when an override allowed it. ${READ_NOTE.SUPPORT}`,
  })
  @Column("text", { name: "over_plan_reason", nullable: true })
  overPlanReason: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  @Authorized(...DETAILS.SUPPORT)
  @Field(() => VndScalar, { nullable: true, description: `Still to pay (còn lại), VND: approved minus paid, never below 0. ${READ_NOTE.SUPPORT}` })
  remainingAmount(): bigint {
    const remaining = this.plannedAmount - this.disbursedAmount;
    return remaining > 0n ? remaining : 0n;
  }

  /** The code of today's commune where the organisation lies (the COMMUNE access rule reads it); null where none decides. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }
}

@ObjectType({ description: "One payment to a beneficiary (lần giải ngân)." })
@Entity("disbursement")
export class Disbursement {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Column("uuid", { name: "beneficiary_id" })
  beneficiaryId: string;

  @Field(() => VndScalar, { description: "Amount paid (số tiền), VND." })
  @Column("bigint", { transformer: bigintTransformer })
  amount: bigint;

  @Field(() => LocalDateScalar, { description: "Date of payment (ngày giải ngân)." })
  @Column("date", { name: "disbursed_on" })
  disbursedOn: string;

  @Field(() => String, { nullable: true, description: "Why this payment was allowed to exceed the approved amount (lý do vượt kế hoạch), if it did." })
  @Column("text", { name: "override_reason", nullable: true })
  overrideReason: string | null;

  @Field(() => String, { nullable: true, description: "Remarks (ghi chú)." })
  @Column("text", { nullable: true })
  note: string | null;

  /** The beneficiary's commune, set when the payment is served through its beneficiary (`SupportBeneficiary.disbursements`). */
  communeId: string | null = null;

  /** The code of today's commune where the beneficiary lies (the COMMUNE access rule reads it); null when not known. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }
}
