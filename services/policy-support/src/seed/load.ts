/** Loads the demo data into an empty policy-support database, in one transaction. */
import { insertRows } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generatePolicySeedRows } from "./generate";

/** Returns false (and writes nothing) when the database already has documents. */
export async function loadDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starters: only one loads, the others see the rows.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('kttt-policy-support-seed'))");
    const [{ count }] = await manager.query("SELECT count(*)::int AS count FROM legal_document");
    if (count > 0) return false;
    const rows = generatePolicySeedRows();
    // Superseded documents first, so every supersedes_id points at a row already there.
    const documents = [...rows.documents].sort((a, b) => Number(a.supersedes_id !== null) - Number(b.supersedes_id !== null));
    await insertRows(manager, "legal_document", documents);
    await insertRows(manager, "agency", rows.agencies);
    await insertRows(manager, "support_policy", rows.policies);
    await insertRows(manager, "policy_legal_basis", rows.basis);
    await insertRows(manager, "support_programme", rows.programmes);
    await insertRows(manager, "programme_funding", rows.funding);
    await insertRows(manager, "support_beneficiary", rows.beneficiaries);
    await insertRows(manager, "disbursement", rows.disbursements);
    await insertRows(manager, "development_plan", rows.plans);
    await insertRows(manager, "plan_target", rows.targets);
    return true;
  });
}
