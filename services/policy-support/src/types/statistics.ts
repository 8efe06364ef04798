import { ObjectType } from "type-graphql";
import { FieldOf, StatisticsGroupOf, StatisticsOf } from "@kttt/core";
import { PolicySupportGroupBy } from "../domain/enums";

@ObjectType({ description: "Money approved and paid out under support programmes (kết quả thực hiện chính sách hỗ trợ), VND." })
export class PolicySupportFigures {
  @FieldOf.money("Approved for beneficiaries (kinh phí kế hoạch), VND.")
  planned: bigint;

  @FieldOf.money("Paid out (đã giải ngân), VND.")
  disbursed: bigint;

  @FieldOf.decimal("Implementation rate (tỷ lệ giải ngân): disbursed / planned, 0 to 1 (above 1 only after overrides); null when nothing was planned.", {
    nullable: true,
  })
  implementationRate: number | null;

  @FieldOf.int("Distinct organisations supported (số tổ chức được hỗ trợ).")
  beneficiaryCount: number;

  @FieldOf.int("Allocations (lượt hỗ trợ): one organisation may benefit from several programmes.")
  allocationCount: number;

  @FieldOf.int("Managers trained through the support (cán bộ quản lý được đào tạo).")
  managersTrained: number;
}

// GraphQL keeps the name it was published under; the class is named like the other subgraphs' groups.
@ObjectType("PolicySupportGroup", { description: "One group of a policy-support breakdown (một nhóm)." })
export class PolicySupportStatisticsGroup extends StatisticsGroupOf(
  PolicySupportFigures,
  "Key of the group: a PolicyKind, an agency code, a FundingSource or a unit code; by unit, null for the allocations no unit of the map can hold (unplaced: a split commune, or one whose successor is unknown).",
) {
  /** Set when grouped by agency; served as `agency`. */
  agencyId: string | null;

  /** Set when grouped by unit; served as `adminUnit`, the unit in force on `unitMapDate`. */
  adminUnitCode: string | null;
  unitMapDate: string | null;
}

@ObjectType({
  description:
    "Results of support-policy implementation for a year (kết quả thực hiện chính sách hỗ trợ KTTT): allocations approved in the year and what was paid out on them.",
})
export class PolicySupportStatistics extends StatisticsOf(PolicySupportFigures, PolicySupportStatisticsGroup, PolicySupportGroupBy, {
  year: "The year the allocations were approved (năm).",
  groups: "Figures per group, by key; every allocation is in exactly one group, so money adds up to the total. Empty without groupBy.",
}) {}
