/**
 * Nested lists fetch the first page of many parents in one statement; `first: 0` must still answer
 * each parent's `totalCount` (a client asking only "how many?"), the same as a full first page does.
 */
import { graphql } from "@kttt/testkit";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
}, 60_000);
afterAll(() => graph?.stop());

const LISTS = (first: number) => `{
  cooperatives(first: 100) { nodes { id members(first: ${first}) { totalCount nodes { id } } ocopProducts(first: ${first}) { totalCount nodes { id } } supportReceived(first: ${first}) { totalCount nodes { id } } } }
  supportProgrammes(first: 100) { nodes { id beneficiaries(first: ${first}) { totalCount nodes { id } } tradeEvents(first: ${first}) { totalCount nodes { id } } } }
}`;

type Counted = { totalCount: number; nodes: unknown[] };

it("answers totalCount with first: 0 exactly as with a full first page, and no rows", async () => {
  const [none, full] = await Promise.all([graphql(graph.gateway.url, LISTS(0)), graphql(graph.gateway.url, LISTS(100))]);
  expect(none.errors).toBeUndefined();
  expect(full.errors).toBeUndefined();
  const lists = {
    members: ["cooperatives", "members"],
    ocopProducts: ["cooperatives", "ocopProducts"],
    supportReceived: ["cooperatives", "supportReceived"],
    beneficiaries: ["supportProgrammes", "beneficiaries"],
    tradeEvents: ["supportProgrammes", "tradeEvents"],
  } as const;
  for (const [name, [root, field]] of Object.entries(lists)) {
    const counts = (res: typeof none) => res.data[root].nodes.map((n: Record<string, Counted>) => n[field].totalCount);
    const fullCounts: number[] = counts(full);
    // Some parents have rows, or the comparison would prove nothing.
    expect({ name, some: fullCounts.some((c) => c > 0) }).toEqual({ name, some: true });
    expect({ name, counts: counts(none) }).toEqual({ name, counts: fullCounts });
    expect(none.data[root].nodes.every((n: Record<string, Counted>) => n[field].nodes.length === 0)).toBe(true);
  }
});
