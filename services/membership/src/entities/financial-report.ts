import { ObjectType } from "type-graphql";
import { Entity, PrimaryColumn } from "typeorm";
import { Stored } from "@kttt/core";
import { ItReadiness } from "../domain/enums";

@ObjectType({ description: "A year's figures of an organisation (báo cáo tài chính, lao động năm), in VND." })
@Entity("financial_report")
export class FinancialReport {
  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Stored.int("Reporting year (năm báo cáo).", { primary: true })
  year: number;

  @Stored.money("Charter capital at year end (vốn điều lệ), VND.")
  charterCapital: bigint;

  @Stored.money("Revenue of the year (doanh thu), VND.")
  revenue: bigint;

  @Stored.money("Profit of the year (lợi nhuận), VND; negative for a loss.")
  profit: bigint;

  @Stored.int("Regular workers (lao động thường xuyên).")
  regularWorkers: number;

  @Stored.money("Average income of a regular worker per month (thu nhập bình quân/người/tháng), VND.")
  averageMonthlyIncome: bigint;

  @Stored.int("Managers: board, director, controller, accountant (cán bộ quản lý).")
  managersTotal: number;

  @Stored.int("Managers with professional training (cán bộ quản lý đã qua đào tạo).")
  managersTrained: number;

  @Stored.enum(ItReadiness, "Use of information technology (mức độ ứng dụng CNTT).")
  itReadiness: ItReadiness;

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: the demo's figures of 2025.")
  illustrative: boolean;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;
}
