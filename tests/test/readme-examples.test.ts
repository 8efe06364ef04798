/**
 * Every query example in the README and in docs/*.md works as written, through the real gateway and
 * every subgraph, within the gateway's limits.
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

const root = path.resolve(__dirname, "..", "..");
const docs = path.join(root, "docs");
/** The README first, then docs/*.md in name order: where the examples are written. */
const files = [
  "README.md",
  ...fs
    .readdirSync(docs)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const queriesOf = (markdown: string) =>
  [...markdown.matchAll(/```graphql\n([\s\S]*?)```/gu)].map((m) => m[1]).filter((q) => !q.trimStart().startsWith("mutation") && !q.includes("…"));
const examples = files.flatMap((file) => queriesOf(fs.readFileSync(path.join(root, file), "utf8")).map((query, i) => ({ file, n: i + 1, query })));

describe("README and docs examples", () => {
  it("has query examples, a few in the README and the rest in docs/examples.md", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.filter((e) => e.file === "README.md").length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((e) => e.file === "docs/examples.md").length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e) => [e.file, e.n, e.query]))("%s example %i answers without errors", async (_file, _n, query) => {
    const res = await graphql(graph.gateway.url, query);
    expect(res.errors).toBeUndefined();
    expect(res.data).toBeTruthy();
  });
});
