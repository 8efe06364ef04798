import { Directive, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { FUNDING_SOURCE_LABEL, FundingSource, ProgrammeStatus } from "../domain/enums";

@ObjectType({
  description: "A support programme (chương trình, kế hoạch hỗ trợ): a policy carried out by an agency over a period, with a budget by funding source.",
})
@Directive('@key(fields: "id")')
@Entity("support_programme")
export class SupportProgramme {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.text("Short code (mã chương trình), e.g. CT-2024-SO-CT-XTTM.")
  code: string;

  @Stored.text("Name (tên chương trình).")
  name: string;

  @Column("uuid", { name: "policy_id" })
  policyId: string;

  @Column("uuid", { name: "agency_id" })
  agencyId: string;

  @Stored.date("First day of the programme (ngày bắt đầu).")
  startsOn: string;

  @Stored.date("Last day of the programme (ngày kết thúc).")
  endsOn: string;

  @Stored.enum(ProgrammeStatus, "Open or closed (trạng thái).")
  status: ProgrammeStatus;

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: the demo's programmes of 2026 (named so).", { default: false })
  illustrative: boolean;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;
}

@ObjectType({ description: "One budget line of a programme (dự toán kinh phí theo nguồn)." })
@Entity("programme_funding")
export class ProgrammeFunding {
  @PrimaryColumn("uuid", { name: "programme_id" })
  programmeId: string;

  @Stored.enum(FundingSource, "Where the money comes from (nguồn kinh phí).", { primary: true })
  source: FundingSource;

  @Stored.money("Planned amount of this line (kinh phí kế hoạch), VND.")
  plannedAmount: bigint;

  @FieldOf.label(FUNDING_SOURCE_LABEL, "source", "Vietnamese name of the funding source (tên nguồn kinh phí).")
  sourceLabel: string;
}
