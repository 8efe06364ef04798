import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs, connectionFromArray, DETAILS, OWN_COMMUNE, READ_NOTE, SIGNED_IN, VndScalar, type Connection } from "@kttt/core";
import { PLACE_DESCRIPTION, placeFieldsResolver } from "@kttt/reference";
import type { PolicySupportContext } from "../context";
import { Agency } from "../entities/agency";
import { Disbursement, SupportBeneficiary } from "../entities/beneficiary";
import { AdminUnitRef, adminUnitRef, adminUnitVersionRef, membership } from "../entities/external";
import { SupportPolicy } from "../entities/support-policy";
import { ProgrammeFunding, SupportProgramme } from "../entities/support-programme";
import { listSupportProgrammes } from "../repositories/lists";
import { DisbursementConnection, SupportBeneficiaryConnection, SupportProgrammeConnection } from "../types/connections";
import { SupportProgrammeListArgs, SupportReceivedArgs } from "../types/filters";
import { PolicySupportFigures } from "../types/statistics";
import { SupportedOrganization } from "../types/union";
import { beneficiaryPage } from "./beneficiary-pages";

@Resolver(() => SupportProgramme)
export class SupportProgrammeResolver {
  @Query(() => SupportProgrammeConnection, {
    nullable: true,
    description: "Support programmes (chương trình hỗ trợ), filtered and paginated, newest start first.",
  })
  supportProgrammes(@Args() args: SupportProgrammeListArgs, @Ctx() ctx: PolicySupportContext): Promise<Connection<SupportProgramme>> {
    return listSupportProgrammes(ctx.dataSource, args);
  }

  @Query(() => SupportProgramme, { nullable: true, description: "One programme by id; null when there is none." })
  supportProgramme(
    @Arg("id", () => ID, { description: "The programme's id." }) id: string,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<SupportProgramme | null> {
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

  @Authorized(...SIGNED_IN)
  @FieldResolver(() => [ProgrammeFunding], {
    nullable: true,
    description: `Budget by funding source (dự toán theo nguồn): a bounded list. ${READ_NOTE.SIGNED_IN}`,
  })
  funding(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<ProgrammeFunding[]> {
    return ctx.loaders.fundingByProgramme.load(programme.id);
  }

  @Authorized(...SIGNED_IN)
  @FieldResolver(() => VndScalar, {
    nullable: true,
    description: `Total planned budget over all sources (tổng kinh phí kế hoạch), VND. ${READ_NOTE.SIGNED_IN}`,
  })
  async budget(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<bigint> {
    const lines = await ctx.loaders.fundingByProgramme.load(programme.id);
    return lines.reduce((sum, line) => sum + line.plannedAmount, 0n);
  }

  @Authorized(...SIGNED_IN)
  @FieldResolver(() => PolicySupportFigures, {
    nullable: true,
    description: `What was approved for beneficiaries and paid out (kết quả thực hiện). ${READ_NOTE.SIGNED_IN}`,
  })
  results(@Root() programme: SupportProgramme, @Ctx() ctx: PolicySupportContext): Promise<PolicySupportFigures> {
    return ctx.loaders.programmeFigures.load(programme.id);
  }

  @Authorized(...SIGNED_IN)
  @FieldResolver(() => SupportBeneficiaryConnection, {
    nullable: true,
    description: `Beneficiaries (đối tượng thụ hưởng), newest approval first. ${READ_NOTE.SIGNED_IN}`,
  })
  beneficiaries(
    @Root() programme: SupportProgramme,
    @Args() args: SupportReceivedArgs,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<Connection<SupportBeneficiary>> {
    return beneficiaryPage(ctx, "programme_id", programme.id, args);
  }

  // A programme lies in no commune: a commune reads payments through its beneficiaries (SupportBeneficiary.disbursements).
  @Authorized(...DETAILS.SUPPORT.filter((rule) => rule !== OWN_COMMUNE))
  @FieldResolver(() => DisbursementConnection, {
    nullable: true,
    description:
      "Every payment under the programme (các lần giải ngân), by beneficiary (newest approval first), then oldest payment first; each names its beneficiary, so a list of payments exports and imports back. Support detail: Alliance, Sở Tài chính (SO_TC) and Sở KH&ĐT (SO_KHDT); FORBIDDEN for others.",
  })
  async disbursements(@Root() programme: SupportProgramme, @Args() args: ConnectionArgs, @Ctx() ctx: PolicySupportContext): Promise<Connection<Disbursement>> {
    const beneficiaries = await ctx.loaders.beneficiariesByProgramme.load(programme.id);
    for (const b of beneficiaries) ctx.loaders.beneficiary.prime(b.id, b);
    const payments = await ctx.loaders.disbursementsByBeneficiary.loadMany(beneficiaries.map((b) => b.id));
    const rows = beneficiaries.flatMap((b, i) => {
      const paid = payments[i];
      if (paid instanceof Error) throw paid;
      return paid.map((d) => Object.assign(d, { communeId: b.communeId }));
    });
    return connectionFromArray(DisbursementConnection, rows, (d) => d.id, args);
  }
}

@Resolver(() => Disbursement)
export class DisbursementResolver {
  @FieldResolver(() => SupportBeneficiary, { description: "The allocation the payment is made on (đối tượng thụ hưởng): its programme and organisation." })
  async beneficiary(@Root() disbursement: Disbursement, @Ctx() ctx: PolicySupportContext): Promise<SupportBeneficiary> {
    return (await ctx.loaders.beneficiary.load(disbursement.beneficiaryId))!;
  }
}

/** The fields a beneficiary shows before its place fields. */
@Resolver(() => SupportBeneficiary)
abstract class BeneficiaryFieldsBeforePlace {
  @FieldResolver(() => SupportProgramme, { description: "The programme the support comes from (chương trình)." })
  async programme(@Root() beneficiary: SupportBeneficiary, @Ctx() ctx: PolicySupportContext): Promise<SupportProgramme> {
    return (await ctx.loaders.programme.load(beneficiary.programmeId))!;
  }

  @FieldResolver(() => SupportedOrganization, { description: "The organisation supported, resolved by the membership subgraph (tổ chức được hỗ trợ)." })
  organization(@Root() beneficiary: SupportBeneficiary): typeof SupportedOrganization {
    return membership.organizationRef(beneficiary.organizationId, beneficiary.organizationKind);
  }

  @FieldResolver(() => AdminUnitRef, {
    description: "The unit where the organisation is registered (đơn vị hành chính): the unit bearing `adminUnitCode` on the approval date.",
  })
  adminUnit(@Root() beneficiary: SupportBeneficiary): AdminUnitRef {
    return adminUnitRef(beneficiary.adminUnitCode, beneficiary.approvedOn);
  }
}

@Resolver(() => SupportBeneficiary)
export class SupportBeneficiaryResolver extends placeFieldsResolver(
  SupportBeneficiary,
  { unit: AdminUnitRef, unitOf: adminUnitVersionRef, descriptions: { commune: PLACE_DESCRIPTION.commune("the organisation") } },
  BeneficiaryFieldsBeforePlace,
) {
  @Authorized(...DETAILS.SUPPORT)
  @FieldResolver(() => [Disbursement], { nullable: true, description: `Payments, oldest first (các lần giải ngân): a bounded list. ${READ_NOTE.SUPPORT}` })
  async disbursements(@Root() beneficiary: SupportBeneficiary, @Ctx() ctx: PolicySupportContext): Promise<Disbursement[]> {
    // Each payment carries its beneficiary's commune, for access rules judged on the payment.
    return (await ctx.loaders.disbursementsByBeneficiary.load(beneficiary.id)).map((d) => Object.assign(d, { communeId: beneficiary.communeId }));
  }
}
