/** Loads the demo data into an empty policy-support database, in one transaction. */
import { demoLoader, type DemoCopies } from "@kttt/core";
import { generatePolicySeedRows } from "./generate";

/**
 * The demo at DEMO_DATA_SCALE > 1: each copy of a beneficiary organisation (membership's copies, same ids) receives the
 * same support from the same programmes, with the same disbursements. Documents, policies and programmes are not copied.
 */
export const POLICY_DEMO_COPIES: DemoCopies[] = [
  { table: "support_beneficiary", ids: ["id", "organization_id"] },
  { table: "disbursement", ids: ["id", "beneficiary_id"] },
];

/** Returns false (and writes nothing) when the database already has documents; `scale`: DEMO_DATA_SCALE (1: the demo exactly). */
export const loadDemoData = demoLoader("policy-support", "legal_document", POLICY_DEMO_COPIES, () => {
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
