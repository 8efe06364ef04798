/** Membership's tests start it with the shared harness (@kttt/testkit), the same way every subgraph's tests do. */
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { membership } from "../src/app";

export { onlyError } from "@kttt/testkit";
export type TestMembership = TestSubgraph;

/** A membership subgraph on its own fresh database (demo data or empty), listening on a free port. */
export function startTestMembership(variant: "demo" | "empty" = "demo", env: Record<string, string> = {}): Promise<TestMembership> {
  return startTestSubgraph(membership, { variant, env });
}
