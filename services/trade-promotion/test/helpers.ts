/** Trade promotion's tests start it with the shared harness (@kttt/testkit), the same way every subgraph's tests do. */
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { tradePromotion } from "../src/app";

export { onlyError } from "@kttt/testkit";
export type TestTradePromotion = TestSubgraph;

/**
 * A trade-promotion subgraph on its own fresh database (demo data or empty), listening on a free
 * port, asking `lookupUrl` — a gateway, which answers for ocop and membership — who owns OCOP products
 * and whether membership organisations exist (by default a closed port: look-ups fail).
 */
export function startTestTradePromotion(variant: "demo" | "empty" = "demo", lookupUrl?: string, env: Record<string, string> = {}): Promise<TestTradePromotion> {
  return startTestSubgraph(tradePromotion, { variant, lookupUrl, env });
}
