import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ReportingPeriod } from "@kttt/core";

@ObjectType({
  description:
    "The collective economy (kinh tế tập thể) of the province, or of one administrative unit, in a reporting period: " +
    "each subgraph adds its figures (membership, OCOP, trade promotion, policy support), so one query gets the whole picture.",
})
@Directive('@key(fields: "id")')
export class CollectiveEconomy {
  @Field(() => ID, { description: 'Period and unit: "2024-H1" for the province, "2024-H1:444" for a unit.' })
  id: string;

  @Field(() => ReportingPeriod, { description: "The reporting period (kỳ báo cáo)." })
  period: ReportingPeriod;

  adminUnitCode: string | null;
}
