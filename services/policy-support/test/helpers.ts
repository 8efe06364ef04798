/** Policy support's tests start it with the shared harness (@kttt/testkit), the same way every subgraph's tests do. */
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { policySupport } from "../src/app";

export { onlyError } from "@kttt/testkit";
export type TestPolicySupport = TestSubgraph;

/**
 * A policy-support subgraph on its own fresh database (demo data or empty), listening on a free port,
 * asking `lookupUrl` about membership organisations (by default a closed port: look-ups fail).
 */
export function startTestPolicySupport(variant: "demo" | "empty" = "demo", lookupUrl?: string, env: Record<string, string> = {}): Promise<TestPolicySupport> {
  return startTestSubgraph(policySupport, { variant, lookupUrl, env });
}
