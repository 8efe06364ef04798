/** Pages of allocations under a parent (an organisation or a programme), batched across parents. */
import { connectionFromArray, firstPageConnection, firstPageFetchSize } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import type { SupportBeneficiary } from "../entities/beneficiary";
import type { BeneficiaryParent } from "../loaders";
import { SupportBeneficiaryConnection } from "../types/connections";
import type { SupportReceivedArgs } from "../types/filters";

const idOf = (b: SupportBeneficiary) => b.id;

export async function beneficiaryPage(ctx: PolicySupportContext, parent: BeneficiaryParent, key: string, args: SupportReceivedArgs): Promise<SupportBeneficiaryConnection> {
  const year = args.year ?? null;
  if (!args.after && !args.before && args.last == null) {
    // The common case, a first page: only that page and the count, for all parents at once.
    const page = await ctx.loaders.firstBeneficiaries({ parent, year, limit: firstPageFetchSize(args) }).load(key);
    return firstPageConnection(SupportBeneficiaryConnection, page.rows, page.total, idOf, args);
  }
  const loader = parent === "organization_id" ? ctx.loaders.beneficiariesByOrganization : ctx.loaders.beneficiariesByProgramme;
  const all = await loader.load(key);
  const rows = year === null ? all : all.filter((b) => b.approvedOn.startsWith(`${year}-`));
  return connectionFromArray(SupportBeneficiaryConnection, rows, idOf, args);
}
