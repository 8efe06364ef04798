/** Ocop's tests start it with the shared harness (@kttt/testkit), the same way every subgraph's tests do. */
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { ocop } from "../src/app";

export { onlyError } from "@kttt/testkit";
export type TestOcop = TestSubgraph;

/** An ocop subgraph on its own fresh database, asking `lookupUrl` about membership organisations (by default a closed port: look-ups fail). */
export function startTestOcop(variant: "demo" | "empty" = "demo", lookupUrl?: string, env: Record<string, string> = {}): Promise<TestOcop> {
  return startTestSubgraph(ocop, { variant, lookupUrl, env });
}

export const SEED_DATE = "2024-07-15";
