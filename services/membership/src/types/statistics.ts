import { ObjectType } from "type-graphql";
import { FieldOf, StatisticsGroupOf, StatisticsOf } from "@kttt/core";
import { AdminUnit } from "../entities/admin-unit";
import { MembershipGroupBy } from "../domain/enums";

/** The map a breakdown by unit follows: shared by every subgraph (core). */
export { UnitMap } from "@kttt/core";

@ObjectType({ description: "A total and an average per reporting cooperative of an amount of money (tổng và bình quân), VND." })
export class MoneyAggregate {
  @FieldOf.money("Sum over the reporting cooperatives (tổng), VND.")
  total: bigint;

  @FieldOf.money("Average per reporting cooperative (bình quân/HTX), VND rounded half up to the đồng; null when none reported.", { nullable: true })
  average: bigint | null;
}

@ObjectType({
  description:
    "How many cooperatives got each Circular 01/2020 rating in the year (số HTX theo xếp loại). The circular was repealed from 2025-09-18: " +
    "assessments dated later carry no national rating, so later years count their cooperatives as unclassified.",
})
export class RatingCounts {
  @FieldOf.int("Tốt (80–100 points).")
  good: number;

  @FieldOf.int("Khá (65 to under 80).")
  fair: number;

  @FieldOf.int("Trung bình (50 to under 65).")
  average: number;

  @FieldOf.int("Yếu (under 50).")
  weak: number;

  @FieldOf.int("Chưa xếp loại: assessed as not ratable.")
  notRated: number;

  @FieldOf.int("Cooperatives with no classification recorded for the year (chưa có dữ liệu).")
  unclassified: number;
}

@ObjectType({
  description:
    "How many cooperatives got each size class for the year under Decree 113/2024/NĐ-CP (số HTX theo quy mô). NOT_DETERMINED counts those whose " +
    "class the graph cannot tell: the decree's thresholds for their field are not known (trade, services and other fields; below large in " +
    "industry–construction), or total capital, which is not recorded, would decide.",
})
export class SizeClassCounts {
  @FieldOf.int("Siêu nhỏ.")
  micro: number;

  @FieldOf.int("Nhỏ.")
  small: number;

  @FieldOf.int("Vừa.")
  medium: number;

  @FieldOf.int("Lớn.")
  large: number;

  @FieldOf.int("Chưa xác định: assessed, but the class cannot be told from the known thresholds.")
  notDetermined: number;

  @FieldOf.int("Cooperatives with no size class recorded for the year (chưa có dữ liệu).")
  unclassified: number;
}

@ObjectType({ description: "Cooperatives by use of information technology (mức độ ứng dụng CNTT), from the year's reports." })
export class ItReadinessCounts {
  @FieldOf.int("No IT use (chưa ứng dụng).")
  none: number;

  @FieldOf.int("Computers and e-mail (cơ bản).")
  basic: number;

  @FieldOf.int("Accounting or management software (phần mềm).")
  software: number;

  @FieldOf.int("Website or online sales (trực tuyến).")
  online: number;
}

@ObjectType({ description: "Figures of the collective economy for a year (số liệu tổng hợp kinh tế tập thể)." })
export class MembershipFigures {
  @FieldOf.int("Cooperatives existing at the end of the period (số HTX).")
  cooperativeCount: number;

  @FieldOf.int("Unions of cooperatives existing (số liên hiệp HTX).")
  unionCount: number;

  @FieldOf.int("Cooperative groups existing (số tổ hợp tác).")
  groupCount: number;

  @FieldOf.int("Cooperatives that reported the year's figures (số HTX có báo cáo): the base of the averages.")
  reportingCooperativeCount: number;

  @FieldOf.of(MoneyAggregate, "Charter capital (vốn điều lệ).")
  charterCapital: MoneyAggregate;

  @FieldOf.of(MoneyAggregate, "Revenue (doanh thu).")
  revenue: MoneyAggregate;

  @FieldOf.of(MoneyAggregate, "Profit (lợi nhuận).")
  profit: MoneyAggregate;

  @FieldOf.int("Regular workers of the reporting cooperatives (lao động thường xuyên).")
  regularWorkers: number;

  @FieldOf.money(
    "Average monthly income of a regular worker (thu nhập bình quân/người/tháng), VND, weighted by workers: " +
      "Σ(income × workers) / Σ workers, rounded half up to the đồng.",
    { nullable: true },
  )
  averageWorkerMonthlyIncome: bigint | null;

  @FieldOf.int("Managers of the reporting cooperatives (cán bộ quản lý).")
  managersTotal: number;

  @FieldOf.int("Of them, trained (đã qua đào tạo).")
  managersTrained: number;

  @FieldOf.decimal("Share of managers trained, 0 to 1 (tỷ lệ được đào tạo).", { nullable: true })
  managersTrainedShare: number | null;

  @FieldOf.of(RatingCounts, "Ratings of the cooperatives for the year.")
  ratingCounts: RatingCounts;

  @FieldOf.of(SizeClassCounts, "Size classes of the cooperatives for the year (Decree 113/2024).")
  sizeClassCounts: SizeClassCounts;

  @FieldOf.decimal("Share of good or fair cooperatives (tỷ lệ HTX tốt, khá), 0 to 1, over the cooperatives classified for the year.", { nullable: true })
  goodOrFairShare: number | null;

  @FieldOf.of(ItReadinessCounts, "Reporting cooperatives by IT use.")
  itReadiness: ItReadinessCounts;
}

@ObjectType({ description: "One group of a statistics breakdown (một nhóm)." })
export class MembershipStatisticsGroup extends StatisticsGroupOf(
  MembershipFigures,
  "Key of the group: a unit code, a Sector or a Rating value; null for 'none'.",
  AdminUnit,
) {}

@ObjectType({ description: "Statistics of the collective economy for a year (thống kê kinh tế tập thể)." })
export class MembershipStatistics extends StatisticsOf(MembershipFigures, MembershipStatisticsGroup, MembershipGroupBy, {
  year: "The year (năm).",
  asOf: "Organisations are counted as they existed on this date: the end of the year, or today for the current year.",
  groups: "Figures per group, in label order; empty without groupBy.",
}) {}
