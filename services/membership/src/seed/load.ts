/** Loads the demo data into an empty membership database, in one transaction. */
import { demoCopyNameSql, demoCopyNumberSql, seedOnce, type DemoCopies } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generateSeedRows } from "./generate";

/**
 * The demo at DEMO_DATA_SCALE > 1 (benchmark growth runs): copies of every organisation (same unit, sector and
 * figures; its own id, registration number and a name marking it an illustrative copy) with its members,
 * Alliance membership, figures and ratings. OCOP, trade and support seeds copy theirs with the same ids.
 */
export const MEMBERSHIP_DEMO_COPIES: DemoCopies[] = [
  {
    table: "organization",
    ids: ["id"],
    set: { name: demoCopyNameSql("original.name"), registration_number: demoCopyNumberSql("original.registration_number") },
  },
  { table: "member", ids: ["id", "organization_id", "member_organization_id"] },
  { table: "alliance_membership", ids: ["organization_id"] },
  { table: "financial_report", ids: ["organization_id"] },
  { table: "classification", ids: ["organization_id"] },
];

/** Returns false (and writes nothing) when the database already has organisations; `scale`: DEMO_DATA_SCALE (1: the review's figures exactly). */
export function loadDemoData(dataSource: DataSource, scale = 1): Promise<boolean> {
  return seedOnce(
    dataSource,
    "membership",
    "organization",
    () => {
      const rows = generateSeedRows();
      return [
        ["organization", rows.organizations],
        ["member", rows.members],
        ["alliance_membership", rows.allianceMemberships],
        ["financial_report", rows.financialReports],
        ["classification", rows.classifications],
      ];
    },
    { scale, copies: MEMBERSHIP_DEMO_COPIES },
  );
}
