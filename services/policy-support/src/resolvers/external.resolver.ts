/** The fields policy support adds to membership's organisations and administrative units. */
import { extensionFieldResolvers, SIGNED_IN, unitFiguresResolver } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { AdminUnitRef, membership } from "../entities/external";
import { SupportBeneficiaryConnection } from "../types/connections";
import { SupportReceivedArgs } from "../types/filters";
import { PolicySupportFigures } from "../types/statistics";
import { beneficiaryPage } from "./beneficiary-pages";

/** `supportReceived` on membership's organisations: their allocations, newest approval first. */
export const organizationSupportResolvers = extensionFieldResolvers(
  "SupportResolver",
  { Cooperative: membership.CooperativeRef, CooperativeGroup: membership.CooperativeGroupRef, CooperativeUnion: membership.CooperativeUnionRef },
  {
    field: "supportReceived",
    type: () => SupportBeneficiaryConnection,
    description: "Support this organisation received from State programmes (hỗ trợ đã nhận), newest approval first.",
    args: SupportReceivedArgs,
    roles: SIGNED_IN,
    resolve: (ctx: PolicySupportContext, id: string, args: SupportReceivedArgs) => beneficiaryPage(ctx, "organization_id", id, args),
  },
);

export const AdminUnitSupportResolver = unitFiguresResolver(AdminUnitRef, "policySupport", () => PolicySupportFigures, {
  year: "Year the allocations were approved, e.g. 2024.",
  description:
    "Support approved in a year for organisations lying in this unit, and what was paid out (kết quả hỗ trợ trên địa bàn), on the map of the year's end (or today) while the unit is in force then, else of its last day.",
});
