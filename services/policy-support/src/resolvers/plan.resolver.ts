import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { READ_NOTE, SIGNED_IN } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { DevelopmentPlan, PlanTarget } from "../entities/development-plan";
import { LegalDocument } from "../entities/legal-document";

@Resolver(() => DevelopmentPlan)
export class DevelopmentPlanResolver {
  @Authorized(...SIGNED_IN)
  @Query(() => DevelopmentPlan, {
    nullable: true,
    description: `The province's collective-economy development plan for a year, with targets and results (kế hoạch phát triển KTTT năm); null when none is recorded. ${READ_NOTE.SIGNED_IN}`,
  })
  developmentPlan(
    @Arg("year", () => Int, { description: "The plan year, e.g. 2024." }) year: number,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<DevelopmentPlan | null> {
    return ctx.dataSource.getRepository(DevelopmentPlan).findOneBy({ year });
  }

  @Authorized(...SIGNED_IN)
  @Query(() => [DevelopmentPlan], {
    nullable: true,
    description: `Every recorded yearly plan, newest first: one per year, a bounded list. ${READ_NOTE.SIGNED_IN}`,
  })
  developmentPlans(@Ctx() ctx: PolicySupportContext): Promise<DevelopmentPlan[]> {
    return ctx.dataSource.getRepository(DevelopmentPlan).find({ order: { year: "DESC" } });
  }

  @FieldResolver(() => LegalDocument, { description: "The plan document (văn bản kế hoạch)." })
  async document(@Root() plan: DevelopmentPlan, @Ctx() ctx: PolicySupportContext): Promise<LegalDocument> {
    return (await ctx.loaders.document.load(plan.documentId))!;
  }

  @FieldResolver(() => [PlanTarget], { description: "Targets and results per indicator (chỉ tiêu kế hoạch và thực hiện)." })
  targets(@Root() plan: DevelopmentPlan, @Ctx() ctx: PolicySupportContext): Promise<PlanTarget[]> {
    return ctx.loaders.targetsByPlan.load(plan.id);
  }
}
