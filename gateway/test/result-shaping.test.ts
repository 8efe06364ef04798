/**
 * The gateway's result shaping (src/result-shaping.ts) against @apollo/gateway's own `computeResponse`:
 * the same operations on the committed supergraph, the same subgraph data, the same answer and errors,
 * through aliases, `__typename`, fragments, @skip/@include and null bubbling.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "graphql";
import { computeResponse, installResultShaping, SHAPED_VERSION } from "../src/result-shaping";

const gatewayMain = require.resolve("@apollo/gateway");
const load = createRequire(gatewayMain);
const federation = load("@apollo/federation-internals");
const apollo = load(path.join(path.dirname(gatewayMain), "resultShaping.js")).computeResponse as typeof computeResponse;
const apiSchema = federation.Supergraph.build(fs.readFileSync(path.join(__dirname, "..", "supergraph.graphql"), "utf8")).apiSchema();

const QUERY = /* GraphQL */ `
  query Page($withName: Boolean!, $skipKind: Boolean!, $year: Int = 2024) {
    cooperatives(first: 2) {
      totalCount
      nodes {
        __typename
        typeAlias: __typename
        id
        title: name @include(if: $withName)
        kind @skip(if: $skipKind)
        status
        ... on Cooperative {
          registrationNumber
        }
        ... on Organization @include(if: $withName) {
          sector
        }
        adminUnit {
          code
          name
        }
        financialReport(year: $year) {
          year
          revenue
        }
      }
    }
  }
`;

const node = (overrides: Record<string, unknown> = {}) => ({
  __typename: "Cooperative",
  typeAlias: "Cooperative",
  id: "7f0c1a8e-0000-4000-8000-000000000001",
  title: "Hợp tác xã Nông nghiệp Kỳ Phú",
  kind: "COOPERATIVE",
  status: "ACTIVE",
  registrationNumber: "3000000001",
  sector: "AGRICULTURE",
  adminUnit: { code: "436", name: "Kỳ Anh" },
  financialReport: { year: 2024, revenue: "1250000000" },
  ...overrides,
});

/** Both shapings of `input` for `variables`, as comparable JSON (errors by message and path). */
function both(input: Record<string, unknown>, variables: Record<string, unknown>) {
  const run = (shape: typeof computeResponse) => {
    const operation = federation.operationFromDocument(apiSchema, parse(QUERY), { validate: false });
    const { data, errors } = shape({ operation, variables, input: structuredClone(input), introspectionHandling: () => null });
    return JSON.parse(JSON.stringify({ data, errors: (errors as { message: string; path?: unknown }[]).map((e) => ({ message: e.message, path: e.path })) }));
  };
  return { ours: run(computeResponse), theirs: run(apollo) };
}

describe("result shaping", () => {
  const page = (...nodes: unknown[]) => ({ cooperatives: { totalCount: nodes.length, nodes } });

  it.each([
    [
      "a valid page, every directive letting its selection in",
      page(node(), node({ id: "7f0c1a8e-0000-4000-8000-000000000002" })),
      { withName: true, skipKind: false },
    ],
    ["@include and @skip leaving selections out", page(node()), { withName: false, skipKind: true }],
    ["a null in a non-null field, bubbling up to the row", page(node({ id: null }), node()), { withName: true, skipKind: false }],
    ["an enum value the schema does not know", page(node({ status: "SOMETHING_ELSE" })), { withName: true, skipKind: false }],
    ["an unknown __typename", page(node({ __typename: "Nope" })), { withName: true, skipKind: false }],
    ["a null nullable object and a missing field", page(node({ financialReport: null, registrationNumber: undefined })), { withName: true, skipKind: false }],
  ])("answers as @apollo/gateway does: %s", (_name, input, variables) => {
    const { ours, theirs } = both(input, variables);
    expect(ours).toEqual(theirs);
  });

  it("leaves out what the directives skip, and keeps the client's aliases", () => {
    const { ours } = both(page(node()), { withName: false, skipKind: true });
    const row = ours.data.cooperatives.nodes[0];
    expect(row).toEqual(expect.objectContaining({ __typename: "Cooperative", typeAlias: "Cooperative", status: "ACTIVE" }));
    expect(row).not.toHaveProperty("title");
    expect(row).not.toHaveProperty("kind");
    expect(row).not.toHaveProperty("sector");
    expect(both(page(node({ status: "SOMETHING_ELSE" })), { withName: true, skipKind: false }).ours.errors).toEqual([
      { message: "Invalid value found for field Cooperative.status.", path: ["cooperatives", "nodes", 0, "status"] },
    ]);
  });
});

it("copies the walk of the @apollo/gateway release installed (another release keeps its own until this copy is checked)", () => {
  expect(load(path.join(path.dirname(gatewayMain), "..", "package.json")).version).toBe(SHAPED_VERSION);
  expect(installResultShaping()).toBe(true);
  expect(load(path.join(path.dirname(gatewayMain), "resultShaping.js")).computeResponse).toBe(computeResponse);
});
