import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { VndScalar } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { Agency } from "../entities/agency";
import { Disbursement, SupportBeneficiary } from "../entities/beneficiary";
import { AdminUnitRef, adminUnitRef, organizationRef } from "../entities/external";
import { SupportPolicy } from "../entities/support-policy";
import { ProgrammeFunding, SupportProgramme } from "../entities/support-programme";
import { listSupportProgrammes } from "../repositories/lists";
import { SupportBeneficiaryConnection, SupportProgrammeConnection } from "../types/connections";
import { SupportProgrammeListArgs, SupportReceivedArgs } from "../types/filters";
import { PolicySupportFigures } from "../types/statistics";
import { SupportedOrganization } from "../types/union";
import { beneficiaryPage } from "./beneficiary-pages";

@Resolver(() => SupportProgramme)
export class SupportProgrammeResolver {
  @Query(() => SupportProgrammeConnection, { nullable: true, description: "Support programmes (chương trình hỗ trợ), filtered and paginated, newest start first." })
  supportProgrammes(@Args() args: SupportProgrammeListArgs, @Ctx() ctx: PolicySupportContext): Promise<SupportProgrammeConnection> {
    return listSupportProgrammes(ctx.dataSource, args);
  }

  @Query(() => SupportProgramme, { nullable: true, description: "One programme by id; null when there is none." })
  supportProgramme(@Arg("id", () => ID, { description: "The programme's id." }) id: string, @Ctx() ctx: PolicySupportContext): Promise<SupportProgramme | null> {
    return ctx.loaders.programme.load(id);
  }

  @FieldResolver(() => SupportPolicy, { description: "The policy carried out (chính sách)." })
  async policy(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<SupportPolicy> {
    return (await ctx.loaders.policy.load(programme.policyId))!;
  }

  @FieldResolver(() => Agency, { description: "The agency responsible (cơ quan thực hiện)." })
  async agency(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(programme.agencyId))!;
  }

  @FieldResolver(() => [ProgrammeFunding], { description: "Budget by funding source (dự toán theo nguồn): a bounded list." })
  funding(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<ProgrammeFunding[]> {
    return ctx.loaders.fundingByProgramme.load(programme.id);
  }

  @FieldResolver(() => VndScalar, { description: "Total planned budget over all sources (tổng kinh phí kế hoạch), VND." })
  async budget(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<bigint> {
    const lines = await ctx.loaders.fundingByProgramme.load(programme.id);
    return lines.reduce((sum, line) => sum + line.plannedAmount, 0n);
  }

  @FieldResolver(() => PolicySupportFigures, { description: "What was approved for beneficiaries and paid out (kết quả thực hiện)." })
  results(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<PolicySupportFigures> {
    return ctx.loaders.programmeFigures.load(programme.id);
  }

  @FieldResolver(() => SupportBeneficiaryConnection, { description: "Beneficiaries (đối tượng thụ hưởng), newest approval first." })
  beneficiaries(@Root() programme: SupportProgramme, @Args() args: SupportReceivedArgs, @Ctx() ctx: PolicySupportContext): Promise<SupportBeneficiaryConnection> {
    return beneficiaryPage(ctx, "programme_id", programme.id, args);
  }
}

@Resolver(() => SupportBeneficiary)
export class SupportBeneficiaryResolver {
  @FieldResolver(() => SupportProgramme, { description: "The programme the support comes from (chương trình)." })
  async programme(@Root() beneficiary: SupportBeneficiary, @Ctx() ctx: PolicySupportContext): Promise<SupportProgramme> {
    return (await ctx.loaders.programme.load(beneficiary.programmeId))!;
  }

  @FieldResolver(() => SupportedOrganization, { description: "The organisation supported, resolved by the membership subgraph (tổ chức được hỗ trợ)." })
  organization(@Root() beneficiary: SupportBeneficiary): typeof SupportedOrganization {
    return organizationRef(beneficiary.organizationId, beneficiary.organizationKind);
  }

  @FieldResolver(() => AdminUnitRef, { description: "The unit where the organisation is registered (đơn vị hành chính)." })
  adminUnit(@Root() beneficiary: SupportBeneficiary): AdminUnitRef {
    return adminUnitRef(beneficiary.adminUnitCode);
  }

  @FieldResolver(() => [Disbursement], { description: "Payments, oldest first (các lần giải ngân): a bounded list." })
  disbursements(@Root() beneficiary: SupportBeneficiary, @Ctx() ctx: PolicySupportContext): Promise<Disbursement[]> {
    return ctx.loaders.disbursementsByBeneficiary.load(beneficiary.id);
  }
}
