import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, VndScalar } from "@kttt/core";
import { AdminUnit } from "../entities/admin-unit";
import { MembershipGroupBy } from "../domain/enums";

/** The map a breakdown by unit follows: shared by every subgraph (core). */
export { UnitMap } from "@kttt/core";

@ObjectType({ description: "A total and an average per reporting cooperative of an amount of money (tổng và bình quân), VND." })
export class MoneyAggregate {
  @Field(() => VndScalar, { description: "Sum over the reporting cooperatives (tổng), VND." })
  total: bigint;

  @Field(() => VndScalar, {
    nullable: true,
    description: "Average per reporting cooperative (bình quân/HTX), VND rounded half up to the đồng; null when none reported.",
  })
  average: bigint | null;
}

@ObjectType({
  description:
    "How many cooperatives got each Circular 01/2020 rating in the year (số HTX theo xếp loại). The circular was repealed from 2025-09-18: " +
    "assessments dated later carry no national rating, so later years count their cooperatives as unclassified.",
})
export class RatingCounts {
  @Field(() => Int, { description: "Tốt (80–100 points)." })
  good: number;

  @Field(() => Int, { description: "Khá (65 to under 80)." })
  fair: number;

  @Field(() => Int, { description: "Trung bình (50 to under 65)." })
  average: number;

  @Field(() => Int, { description: "Yếu (under 50)." })
  weak: number;

  @Field(() => Int, { description: "Chưa xếp loại: assessed as not ratable." })
  notRated: number;

  @Field(() => Int, { description: "Cooperatives with no classification recorded for the year (chưa có dữ liệu)." })
  unclassified: number;
}

@ObjectType({
  description:
    "How many cooperatives got each size class for the year under Decree 113/2024/NĐ-CP (số HTX theo quy mô). NOT_DETERMINED counts those whose " +
    "class the graph cannot tell: the decree's thresholds for their field are not known (trade, services and other fields; below large in " +
    "industry–construction), or total capital, which is not recorded, would decide.",
})
export class SizeClassCounts {
  @Field(() => Int, { description: "Siêu nhỏ." })
  micro: number;

  @Field(() => Int, { description: "Nhỏ." })
  small: number;

  @Field(() => Int, { description: "Vừa." })
  medium: number;

  @Field(() => Int, { description: "Lớn." })
  large: number;

  @Field(() => Int, { description: "Chưa xác định: assessed, but the class cannot be told from the known thresholds." })
  notDetermined: number;

  @Field(() => Int, { description: "Cooperatives with no size class recorded for the year (chưa có dữ liệu)." })
  unclassified: number;
}

@ObjectType({ description: "Cooperatives by use of information technology (mức độ ứng dụng CNTT), from the year's reports." })
export class ItReadinessCounts {
  @Field(() => Int, { description: "No IT use (chưa ứng dụng)." })
  none: number;

  @Field(() => Int, { description: "Computers and e-mail (cơ bản)." })
  basic: number;

  @Field(() => Int, { description: "Accounting or management software (phần mềm)." })
  software: number;

  @Field(() => Int, { description: "Website or online sales (trực tuyến)." })
  online: number;
}

@ObjectType({ description: "Figures of the collective economy for a year (số liệu tổng hợp kinh tế tập thể)." })
export class MembershipFigures {
  @Field(() => Int, { description: "Cooperatives existing at the end of the period (số HTX)." })
  cooperativeCount: number;

  @Field(() => Int, { description: "Unions of cooperatives existing (số liên hiệp HTX)." })
  unionCount: number;

  @Field(() => Int, { description: "Cooperative groups existing (số tổ hợp tác)." })
  groupCount: number;

  @Field(() => Int, { description: "Cooperatives that reported the year's figures (số HTX có báo cáo): the base of the averages." })
  reportingCooperativeCount: number;

  @Field(() => MoneyAggregate, { description: "Charter capital (vốn điều lệ)." })
  charterCapital: MoneyAggregate;

  @Field(() => MoneyAggregate, { description: "Revenue (doanh thu)." })
  revenue: MoneyAggregate;

  @Field(() => MoneyAggregate, { description: "Profit (lợi nhuận)." })
  profit: MoneyAggregate;

  @Field(() => Int, { description: "Regular workers of the reporting cooperatives (lao động thường xuyên)." })
  regularWorkers: number;

  @Field(() => VndScalar, {
    nullable: true,
    description:
      "Average monthly income of a regular worker (thu nhập bình quân/người/tháng), VND, weighted by workers: " +
      "Σ(income × workers) / Σ workers, rounded half up to the đồng.",
  })
  averageWorkerMonthlyIncome: bigint | null;

  @Field(() => Int, { description: "Managers of the reporting cooperatives (cán bộ quản lý)." })
  managersTotal: number;

  @Field(() => Int, { description: "Of them, trained (đã qua đào tạo)." })
  managersTrained: number;

  @Field(() => Float, { nullable: true, description: "Share of managers trained, 0 to 1 (tỷ lệ được đào tạo)." })
  managersTrainedShare: number | null;

  @Field(() => RatingCounts, { description: "Ratings of the cooperatives for the year." })
  ratingCounts: RatingCounts;

  @Field(() => SizeClassCounts, { description: "Size classes of the cooperatives for the year (Decree 113/2024)." })
  sizeClassCounts: SizeClassCounts;

  @Field(() => Float, {
    nullable: true,
    description: "Share of good or fair cooperatives (tỷ lệ HTX tốt, khá), 0 to 1, over the cooperatives classified for the year.",
  })
  goodOrFairShare: number | null;

  @Field(() => ItReadinessCounts, { description: "Reporting cooperatives by IT use." })
  itReadiness: ItReadinessCounts;
}

@ObjectType({ description: "One group of a statistics breakdown (một nhóm)." })
export class MembershipStatisticsGroup {
  @Field(() => String, { nullable: true, description: "Key of the group: a unit code, a Sector or a Rating value; null for 'none'." })
  key: string | null;

  @Field({ description: "Vietnamese label of the group (tên nhóm)." })
  label: string;

  @Field(() => AdminUnit, { nullable: true, description: "The administrative unit, when grouped by unit." })
  adminUnit?: AdminUnit | null;

  @Field(() => MembershipFigures, { description: "The group's figures." })
  figures: MembershipFigures;
}

@ObjectType({ description: "Statistics of the collective economy for a year (thống kê kinh tế tập thể)." })
export class MembershipStatistics {
  @Field(() => Int, { description: "The year (năm)." })
  year: number;

  @Field(() => LocalDateScalar, { description: "Organisations are counted as they existed on this date: the end of the year, or today for the current year." })
  asOf: string;

  @Field(() => MembershipGroupBy, { nullable: true, description: "The breakdown asked for." })
  groupBy: MembershipGroupBy | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When grouped by unit: the date whose map of units the groups follow (bản đồ ngày)." })
  unitMapDate: string | null;

  @Field(() => MembershipFigures, { description: "Figures for the whole province (toàn tỉnh)." })
  total: MembershipFigures;

  @Field(() => [MembershipStatisticsGroup], { description: "Figures per group, in label order; empty without groupBy." })
  groups: MembershipStatisticsGroup[];
}
