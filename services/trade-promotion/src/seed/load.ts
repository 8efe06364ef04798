/** Loads the demo data into an empty trade-promotion database, in one transaction. */
import { demoLoader, demoTablesOf, type DemoCopies } from "@kttt/core";
import { generateTradeSeedRows } from "./generate";

/**
 * The demo at DEMO_DATA_SCALE > 1: each copy of a participant (membership's and OCOP's copies, same ids) takes part
 * in the same events with its copied products, and has the same listings and supply-demand links. Events are not copied.
 */
export const TRADE_DEMO_COPIES: DemoCopies[] = [
  { table: "trade_participation", ids: ["id", "participant_id"] },
  { table: "participation_product", ids: ["participation_id", "product_id"] },
  { table: "ecommerce_listing", ids: ["id", "owner_id", "product_id"] },
  { table: "supply_demand_link", ids: ["id", "seller_id", "product_id"] },
];

/** Returns false (and writes nothing) when the database already has events; `scale`: DEMO_DATA_SCALE (1: the demo exactly). */
export const loadTradeDemoData = demoLoader("trade-promotion", "trade_event", TRADE_DEMO_COPIES, () =>
  demoTablesOf(generateTradeSeedRows(), {
    trade_event: "events",
    trade_participation: "participations",
    participation_product: "products",
    ecommerce_listing: "listings",
    supply_demand_link: "links",
  }),
);
