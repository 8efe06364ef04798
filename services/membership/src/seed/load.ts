/** Loads the demo data into an empty membership database, in one transaction. */
import { demoCopyNameSql, demoCopyNumberSql, demoLoader, type DemoCopies } from "@kttt/core";
import { generateSeedRows, ILLUSTRATIVE_2025 } from "./generate";

const ILLUSTRATIVE_FROM_YEAR = Number(ILLUSTRATIVE_2025.from.slice(0, 4));

/**
 * The demo at DEMO_DATA_SCALE > 1 (benchmark growth runs): copies of every organisation (same unit, sector and
 * figures; its own id, registration number and a name marking it an illustrative copy) with its members,
 * Alliance membership, figures and ratings. OCOP, trade and support seeds copy theirs with the same ids.
 */
export const MEMBERSHIP_DEMO_COPIES: DemoCopies[] = [
  {
    table: "organization",
    ids: ["id"],
    set: { name: demoCopyNameSql("original.name"), registration_number: demoCopyNumberSql("original.registration_number"), illustrative: "true" },
  },
  { table: "member", ids: ["id", "organization_id", "member_organization_id"] },
  { table: "alliance_membership", ids: ["organization_id"] },
  { table: "financial_report", ids: ["organization_id"] },
  { table: "classification", ids: ["organization_id"] },
];

/** Returns false (and writes nothing) when the database already has organisations; `scale`: DEMO_DATA_SCALE (1: the review's figures exactly). */
export const loadDemoData = demoLoader("membership", "organization", MEMBERSHIP_DEMO_COPIES, () => {
  const rows = generateSeedRows();
  // Illustrative rows say so: the organisations registered or dissolved in 2025–2026, every figure and assessment of 2025 on.
  const ofYear = (r: Record<string, unknown>) => ({ ...r, illustrative: (r.year as number) >= ILLUSTRATIVE_FROM_YEAR });
  return [
    ["organization", rows.organizations.map((o) => ({ ...o, illustrative: o.illustrative === true }))],
    ["member", rows.members],
    ["alliance_membership", rows.allianceMemberships],
    ["financial_report", rows.financialReports.map(ofYear)],
    ["classification", rows.classifications.map(ofYear)],
  ];
});
