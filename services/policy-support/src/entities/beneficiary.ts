import { Authorized, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { DETAILS, READ_NOTE, Stored, today, VndScalar } from "@kttt/core";
import { communeCodeOn, PlaceBound } from "@kttt/reference";
import { FundingSource, OrganizationKind } from "../domain/enums";

@ObjectType({
  description:
    "Support allocated to one organisation under a programme (đối tượng thụ hưởng): what was planned, what was paid out, and in-kind results such as managers trained.",
})
@Entity("support_beneficiary")
export class SupportBeneficiary extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Column("uuid", { name: "programme_id" })
  programmeId: string;

  @Stored.ref("Id of the organisation in the membership records (mã tổ chức).")
  organizationId: string;

  @Stored.enum(OrganizationKind, "Legal form of the organisation (loại hình).")
  organizationKind: OrganizationKind;

  @Stored.place({
    adminUnitCode:
      "Code of the unit where the organisation is registered (mã đơn vị hành chính), as given when the support was approved: the district before 2025-07-01 (the commune's district), the commune after.",
    who: "the organisation",
  })
  adminUnitCode: string;

  @Stored.enum(FundingSource, "Budget line the allocation is charged to (nguồn kinh phí).")
  fundingSource: FundingSource;

  @Stored.text("What the organisation receives (nội dung hỗ trợ), e.g. a training course, a booth at a fair.", { guard: "SUPPORT" })
  support: string;

  @Stored.money("Amount approved for the organisation (kinh phí được phê duyệt), VND.", { guard: "SUPPORT" })
  plannedAmount: bigint;

  @Stored.money("Amount paid out so far (đã giải ngân), VND: the sum of the disbursements.", { guard: "SUPPORT" })
  disbursedAmount: bigint;

  @Stored.int(
    "Managers of the organisation trained through this support (cán bộ quản lý được đào tạo), the in-kind result that membership's managersTrained counts.",
    { guard: "SUPPORT" },
  )
  managersTrained: number;

  @Stored.date("Date the allocation was approved (ngày phê duyệt).")
  approvedOn: string;

  @Stored.text("Why more than approved was paid out (lý do giải ngân vượt), when an override allowed it.", { guard: "SUPPORT", nullable: true })
  overPlanReason: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;

  @Authorized(...DETAILS.SUPPORT)
  @Field(() => VndScalar, { nullable: true, description: `Still to pay (còn lại), VND: approved minus paid, never below 0. ${READ_NOTE.SUPPORT}` })
  remainingAmount(): bigint {
    const remaining = this.plannedAmount - this.disbursedAmount;
    return remaining > 0n ? remaining : 0n;
  }
}

@ObjectType({ description: "One payment to a beneficiary (lần giải ngân)." })
@Entity("disbursement")
export class Disbursement {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Column("uuid", { name: "beneficiary_id" })
  beneficiaryId: string;

  @Stored.money("Amount paid (số tiền), VND.")
  amount: bigint;

  @Stored.date("Date of payment (ngày giải ngân).")
  disbursedOn: string;

  @Stored.text("Why this payment was allowed to exceed the approved amount (lý do vượt kế hoạch), if it did.", { nullable: true })
  overrideReason: string | null;

  @Stored.text("Remarks (ghi chú).", { nullable: true })
  note: string | null;

  /** The beneficiary's commune, set when the payment is served through its beneficiary (`SupportBeneficiary.disbursements`). */
  communeId: string | null = null;

  /** The code of today's commune where the beneficiary lies (the COMMUNE access rule reads it); null when not known. */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, null, today());
  }
}
