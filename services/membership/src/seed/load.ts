/** Loads the demo data into an empty membership database, in one transaction. */
import { seedOnce } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generateSeedRows } from "./generate";

/** Returns false (and writes nothing) when the database already has organisations. */
export function loadDemoData(dataSource: DataSource): Promise<boolean> {
  return seedOnce(dataSource, "membership", "organization", () => {
    const rows = generateSeedRows();
    return [
      ["organization", rows.organizations],
      ["member", rows.members],
      ["alliance_membership", rows.allianceMemberships],
      ["financial_report", rows.financialReports],
      ["classification", rows.classifications],
    ];
  });
}
