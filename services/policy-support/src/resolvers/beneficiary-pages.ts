/** Pages of allocations under a parent (an organisation or a programme), batched across parents. */
import { nestedConnection, type Connection } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import type { SupportBeneficiary } from "../entities/beneficiary";
import type { BeneficiaryParent } from "../loaders";
import { SupportBeneficiaryConnection } from "../types/connections";
import type { SupportReceivedArgs } from "../types/filters";

export async function beneficiaryPage(
  ctx: PolicySupportContext,
  parent: BeneficiaryParent,
  key: string,
  args: SupportReceivedArgs,
): Promise<Connection<SupportBeneficiary>> {
  const year = args.year ?? null;
  const loader = parent === "organization_id" ? ctx.loaders.beneficiariesByOrganization : ctx.loaders.beneficiariesByProgramme;
  return nestedConnection(SupportBeneficiaryConnection, args, (b: SupportBeneficiary) => b.id, {
    firstPage: (limit) => ctx.loaders.firstBeneficiaries({ parent, year, limit }).load(key),
    all: async () => (await loader.load(key)).filter((b) => year === null || b.approvedOn.startsWith(`${year}-`)),
  });
}
