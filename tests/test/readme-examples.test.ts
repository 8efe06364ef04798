/**
 * Every query example in the README works as written, through the real gateway and every subgraph,
 * within the gateway's limits.
 */
import { graphql } from "@kttt/testkit";
import fs from "node:fs";
import path from "node:path";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
}, 60_000);
afterAll(() => graph?.stop());

const readme = fs.readFileSync(path.resolve(__dirname, "..", "..", "README.md"), "utf8");
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/gu)].map((m) => m[1]).filter((q) => !q.trimStart().startsWith("mutation") && !q.includes("…"));

describe("README examples", () => {
  it("has query examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((q, i) => [i + 1, q]))("example %i answers without errors", async (_i, query) => {
    const res = await graphql(graph.gateway.url, query);
    expect(res.errors).toBeUndefined();
    expect(res.data).toBeTruthy();
  });
});
