/** Loads the demo data into an empty policy-support database, in one transaction. */
import { seedOnce } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generatePolicySeedRows } from "./generate";

/** Returns false (and writes nothing) when the database already has documents. */
export function loadDemoData(dataSource: DataSource): Promise<boolean> {
  return seedOnce(dataSource, "policy-support", "legal_document", () => {
    const rows = generatePolicySeedRows();
    // Superseded documents first, so every supersedes_id points at a row already there.
    const documents = [...rows.documents].sort((a, b) => Number(a.supersedes_id !== null) - Number(b.supersedes_id !== null));
    return [
      ["legal_document", documents],
      ["agency", rows.agencies],
      ["support_policy", rows.policies],
      ["policy_legal_basis", rows.basis],
      ["support_programme", rows.programmes],
      ["programme_funding", rows.funding],
      ["support_beneficiary", rows.beneficiaries],
      ["disbursement", rows.disbursements],
      ["development_plan", rows.plans],
      ["plan_target", rows.targets],
    ];
  });
}
