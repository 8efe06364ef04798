/** Loads the demo data into an empty membership database, in one transaction. */
import { seedOnce } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generateSeedRows, scaleSeedRows } from "./generate";

/** Returns false (and writes nothing) when the database already has organisations; `scale`: see scaleSeedRows. */
export function loadDemoData(dataSource: DataSource, scale = 1): Promise<boolean> {
  return seedOnce(dataSource, "membership", "organization", () => {
    const rows = scaleSeedRows(generateSeedRows(), scale);
    return [
      ["organization", rows.organizations],
      ["member", rows.members],
      ["alliance_membership", rows.allianceMemberships],
      ["financial_report", rows.financialReports],
      ["classification", rows.classifications],
    ];
  });
}
