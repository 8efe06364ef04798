import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, LocalDateScalar, VndScalar } from "@kttt/core";
import { FUNDING_SOURCE_LABEL, FundingSource, ProgrammeStatus } from "../domain/enums";

@ObjectType({
  description: "A support programme (chương trình, kế hoạch hỗ trợ): a policy carried out by an agency over a period, with a budget by funding source.",
})
@Directive('@key(fields: "id")')
@Entity("support_programme")
export class SupportProgramme {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Short code (mã chương trình), e.g. CT-2024-SO-CT-XTTM." })
  @Column("text")
  code: string;

  @Field({ description: "Name (tên chương trình)." })
  @Column("text")
  name: string;

  @Column("uuid", { name: "policy_id" })
  policyId: string;

  @Column("uuid", { name: "agency_id" })
  agencyId: string;

  @Field(() => LocalDateScalar, { description: "First day of the programme (ngày bắt đầu)." })
  @Column("date", { name: "starts_on" })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "Last day of the programme (ngày kết thúc)." })
  @Column("date", { name: "ends_on" })
  endsOn: string;

  @Field(() => ProgrammeStatus, { description: "Open or closed (trạng thái)." })
  @Column("text")
  status: ProgrammeStatus;

  @Field({ description: "True for illustrative demo data (dữ liệu minh họa), not published figures: the demo's programmes of 2026 (named so)." })
  @Column("boolean", { default: false })
  illustrative: boolean;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;
}

@ObjectType({ description: "One budget line of a programme (dự toán kinh phí theo nguồn)." })
@Entity("programme_funding")
export class ProgrammeFunding {
  @PrimaryColumn("uuid", { name: "programme_id" })
  programmeId: string;

  @Field(() => FundingSource, { description: "Where the money comes from (nguồn kinh phí)." })
  @PrimaryColumn("text")
  source: FundingSource;

  @Field(() => VndScalar, { description: "Planned amount of this line (kinh phí kế hoạch), VND." })
  @Column("bigint", { name: "planned_amount", transformer: bigintTransformer })
  plannedAmount: bigint;

  @Field({ description: "Vietnamese name of the funding source (tên nguồn kinh phí)." })
  sourceLabel(): string {
    return FUNDING_SOURCE_LABEL[this.source];
  }
}
