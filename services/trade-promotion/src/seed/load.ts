/** Loads the demo data into an empty trade-promotion database, in one transaction. */
import { seedOnce } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generateTradeSeedRows } from "./generate";

/** Returns false (and writes nothing) when the database already has events. */
export function loadTradeDemoData(dataSource: DataSource): Promise<boolean> {
  return seedOnce(dataSource, "trade-promotion", "trade_event", () => {
    const rows = generateTradeSeedRows();
    return [
      ["trade_event", rows.events],
      ["trade_participation", rows.participations],
      ["participation_product", rows.products],
      ["ecommerce_listing", rows.listings],
      ["supply_demand_link", rows.links],
    ];
  });
}
