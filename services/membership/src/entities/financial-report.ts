import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, VndScalar } from "@kttt/core";
import { ItReadiness } from "../domain/enums";

@ObjectType({ description: "A year's figures of an organisation (báo cáo tài chính, lao động năm), in VND." })
@Entity("financial_report")
export class FinancialReport {
  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => Int, { description: "Reporting year (năm báo cáo)." })
  @PrimaryColumn("integer")
  year: number;

  @Field(() => VndScalar, { description: "Charter capital at year end (vốn điều lệ), VND." })
  @Column("bigint", { name: "charter_capital", transformer: bigintTransformer })
  charterCapital: bigint;

  @Field(() => VndScalar, { description: "Revenue of the year (doanh thu), VND." })
  @Column("bigint", { transformer: bigintTransformer })
  revenue: bigint;

  @Field(() => VndScalar, { description: "Profit of the year (lợi nhuận), VND; negative for a loss." })
  @Column("bigint", { transformer: bigintTransformer })
  profit: bigint;

  @Field(() => Int, { description: "Regular workers (lao động thường xuyên)." })
  @Column("integer", { name: "regular_workers" })
  regularWorkers: number;

  @Field(() => VndScalar, { description: "Average income of a regular worker per month (thu nhập bình quân/người/tháng), VND." })
  @Column("bigint", { name: "average_monthly_income", transformer: bigintTransformer })
  averageMonthlyIncome: bigint;

  @Field(() => Int, { description: "Managers: board, director, controller, accountant (cán bộ quản lý)." })
  @Column("integer", { name: "managers_total" })
  managersTotal: number;

  @Field(() => Int, { description: "Managers with professional training (cán bộ quản lý đã qua đào tạo)." })
  @Column("integer", { name: "managers_trained" })
  managersTrained: number;

  @Field(() => ItReadiness, { description: "Use of information technology (mức độ ứng dụng CNTT)." })
  @Column("text", { name: "it_readiness" })
  itReadiness: ItReadiness;

  @Field({ description: "True for illustrative demo data (dữ liệu minh họa), not published figures: the demo's figures of 2025." })
  @Column("boolean", { default: false })
  illustrative: boolean;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;
}
