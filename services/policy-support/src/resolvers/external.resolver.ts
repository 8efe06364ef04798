/** The fields policy support adds to membership's organisations and administrative units. */
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { READ_NOTE, SIGNED_IN, requireYearInRange, type Connection } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { AdminUnitRef, CooperativeGroupRef, CooperativeRef, CooperativeUnionRef } from "../entities/external";
import { SupportBeneficiaryConnection } from "../types/connections";
import { SupportReceivedArgs } from "../types/filters";
import { PolicySupportFigures } from "../types/statistics";
import { beneficiaryPage } from "./beneficiary-pages";
import type { SupportBeneficiary } from "../entities/beneficiary";

const SUPPORT_RECEIVED = "Support this organisation received from State programmes (hỗ trợ đã nhận), newest approval first.";

@Resolver(() => CooperativeRef)
export class CooperativeSupportResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => SupportBeneficiaryConnection, { nullable: true, description: SUPPORT_RECEIVED })
  supportReceived(@Root() ref: CooperativeRef, @Args() args: SupportReceivedArgs, @Ctx() ctx: PolicySupportContext): Promise<Connection<SupportBeneficiary>> {
    return beneficiaryPage(ctx, "organization_id", ref.id, args);
  }
}

@Resolver(() => CooperativeGroupRef)
export class CooperativeGroupSupportResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => SupportBeneficiaryConnection, { nullable: true, description: SUPPORT_RECEIVED })
  supportReceived(
    @Root() ref: CooperativeGroupRef,
    @Args() args: SupportReceivedArgs,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<Connection<SupportBeneficiary>> {
    return beneficiaryPage(ctx, "organization_id", ref.id, args);
  }
}

@Resolver(() => CooperativeUnionRef)
export class CooperativeUnionSupportResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => SupportBeneficiaryConnection, { nullable: true, description: SUPPORT_RECEIVED })
  supportReceived(
    @Root() ref: CooperativeUnionRef,
    @Args() args: SupportReceivedArgs,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<Connection<SupportBeneficiary>> {
    return beneficiaryPage(ctx, "organization_id", ref.id, args);
  }
}

@Resolver(() => AdminUnitRef)
export class AdminUnitSupportResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => PolicySupportFigures, {
    nullable: true,
    description: `Support approved in a year for organisations lying in this unit, and what was paid out (kết quả hỗ trợ trên địa bàn), on the map of the year's end (or today) while the unit is in force then, else of its last day. ${READ_NOTE.SIGNED_IN}`,
  })
  policySupport(
    @Root() unit: AdminUnitRef,
    @Arg("year", () => Int, { description: "Year the allocations were approved, e.g. 2024." }) year: number,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<PolicySupportFigures> {
    requireYearInRange(year, "year");
    return ctx.loaders.unitFigures(year).load(unit.id);
  }
}
