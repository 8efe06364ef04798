import { Directive, ObjectType } from "type-graphql";
import { ReportingPeriod, FieldOf } from "@kttt/core";

@ObjectType({
  description:
    "The collective economy (kinh tế tập thể) of the province, or of one administrative unit, in a reporting period: " +
    "each subgraph adds its figures (membership, OCOP, trade promotion, policy support), so one query gets the whole picture.",
})
@Directive('@key(fields: "id")')
export class CollectiveEconomy {
  @FieldOf.id('Period and unit: "2024-H1" for the province, "2024-H1:444" for a unit.')
  id: string;

  @FieldOf.of(ReportingPeriod, "The reporting period (kỳ báo cáo).")
  period: ReportingPeriod;

  adminUnitCode: string | null;
}
