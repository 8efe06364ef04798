/** Loads the demo data into an empty trade-promotion database, in one transaction. */
import { insertRows } from "@kttt/core";
import type { DataSource } from "typeorm";
import { generateTradeSeedRows } from "./generate";

/** Returns false (and writes nothing) when the database already has events. */
export async function loadTradeDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starters: only one loads, the others see the rows.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('kttt-trade-promotion-seed'))");
    const [{ count }] = await manager.query("SELECT count(*)::int AS count FROM trade_event");
    if (count > 0) return false;
    const rows = generateTradeSeedRows();
    await insertRows(manager, "trade_event", rows.events);
    await insertRows(manager, "trade_participation", rows.participations);
    await insertRows(manager, "participation_product", rows.products);
    await insertRows(manager, "ecommerce_listing", rows.listings);
    await insertRows(manager, "supply_demand_link", rows.links);
    return true;
  });
}
