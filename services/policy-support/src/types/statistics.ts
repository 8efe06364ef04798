import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, VndScalar } from "@kttt/core";
import { PolicySupportGroupBy } from "../domain/enums";

@ObjectType({ description: "Money approved and paid out under support programmes (kết quả thực hiện chính sách hỗ trợ), VND." })
export class PolicySupportFigures {
  @Field(() => VndScalar, { description: "Approved for beneficiaries (kinh phí kế hoạch), VND." })
  planned: bigint;

  @Field(() => VndScalar, { description: "Paid out (đã giải ngân), VND." })
  disbursed: bigint;

  @Field(() => Float, {
    nullable: true,
    description: "Implementation rate (tỷ lệ giải ngân): disbursed / planned, 0 to 1 (above 1 only after overrides); null when nothing was planned.",
  })
  implementationRate: number | null;

  @Field(() => Int, { description: "Distinct organisations supported (số tổ chức được hỗ trợ)." })
  beneficiaryCount: number;

  @Field(() => Int, { description: "Allocations (lượt hỗ trợ): one organisation may benefit from several programmes." })
  allocationCount: number;

  @Field(() => Int, { description: "Managers trained through the support (cán bộ quản lý được đào tạo)." })
  managersTrained: number;
}

// GraphQL keeps the name it was published under; the class is named like the other subgraphs' groups.
@ObjectType("PolicySupportGroup", { description: "One group of a policy-support breakdown (một nhóm)." })
export class PolicySupportStatisticsGroup {
  @Field(() => String, {
    nullable: true,
    description:
      "Key of the group: a PolicyKind, an agency code, a FundingSource or a unit code; by unit, null for the allocations no unit of the map can hold (unplaced: a split commune, or one whose successor is unknown).",
  })
  key: string | null;

  @Field({ description: "Vietnamese label of the group (tên nhóm)." })
  label: string;

  /** Set when grouped by agency; served as `agency`. */
  agencyId: string | null;

  /** Set when grouped by unit; served as `adminUnit`, the unit in force on `unitMapDate`. */
  adminUnitCode: string | null;
  unitMapDate: string | null;

  @Field(() => PolicySupportFigures, { description: "The group's figures." })
  figures: PolicySupportFigures;
}

@ObjectType({
  description:
    "Results of support-policy implementation for a year (kết quả thực hiện chính sách hỗ trợ KTTT): allocations approved in the year and what was paid out on them.",
})
export class PolicySupportStatistics {
  @Field(() => Int, { description: "The year the allocations were approved (năm)." })
  year: number;

  @Field(() => PolicySupportGroupBy, { nullable: true, description: "The breakdown asked for." })
  groupBy: PolicySupportGroupBy | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When grouped by unit: the date whose map of units the groups follow (bản đồ ngày)." })
  unitMapDate: string | null;

  @Field(() => PolicySupportFigures, { description: "Figures for the whole province (toàn tỉnh)." })
  total: PolicySupportFigures;

  @Field(() => [PolicySupportStatisticsGroup], {
    description: "Figures per group, by key; every allocation is in exactly one group, so money adds up to the total. Empty without groupBy.",
  })
  groups: PolicySupportStatisticsGroup[];
}
