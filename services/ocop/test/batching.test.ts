import { startTestOcop, type TestOcop } from "./helpers";
import { demoOcopCatalogue, demoOrganizations } from "@kttt/demo";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

async function countStatements(query: string, variables?: Record<string, unknown>) {
  o.service.statements.start();
  const res = await o.query(query, variables);
  const count = o.service.statements.stop();
  expect(res.errors).toBeUndefined();
  return { count, statements: [...o.service.statements.statements], data: res.data };
}

const ENTITIES = /* GraphQL */ `
  query($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Cooperative { ocopProducts(first: 3, asOf: "2024-07-15") { totalCount nodes { name status stars owner { __typename ... on OcopLocalOwner { name } } certifications { stars } } } }
      ... on CooperativeGroup { ocopProducts(first: 3, asOf: "2024-07-15") { totalCount nodes { name status } } }
      ... on AdminUnit { ocopProducts(first: 5, status: ACTIVE, asOf: "2024-07-15") { totalCount nodes { name currentCertification { stars } } } }
    }
  }`;

describe("no N+1", () => {
  it("answers 975 cooperatives' products (what the gateway asks) in a constant number of statements", async () => {
    const cooperatives = demoOrganizations().filter((x) => x.kind === "COOPERATIVE" && x.status !== "DISSOLVED");
    expect(cooperatives).toHaveLength(975);
    const owners = new Set(demoOcopCatalogue().products.map((p) => p.ownerOrganizationId));
    const few = cooperatives.filter((c) => owners.has(c.id)).slice(0, 10);
    const small = await countStatements(ENTITIES, { r: few.map((c) => ({ __typename: "Cooperative", id: c.id })) });
    const large = await countStatements(ENTITIES, { r: cooperatives.map((c) => ({ __typename: "Cooperative", id: c.id })) });
    const withProducts = large.data._entities.filter((e: any) => e.ocopProducts.totalCount > 0);
    expect(withProducts.length).toBeGreaterThan(40);
    // page (one windowed statement) + certifications; no statement per cooperative.
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(3);
  });

  it("answers mixed parents (cooperatives, groups, units) with one statement per kind of page", async () => {
    const orgs = demoOrganizations();
    const r = [
      ...orgs.filter((x) => x.kind === "COOPERATIVE").slice(0, 300).map((c) => ({ __typename: "Cooperative", id: c.id })),
      ...orgs.filter((x) => x.kind === "COOPERATIVE_GROUP").map((c) => ({ __typename: "CooperativeGroup", id: c.id })),
      ...["436", "439", "444", "447"].map((code) => ({ __typename: "AdminUnit", code })),
    ];
    const { count, statements } = await countStatements(ENTITIES, { r });
    expect(count).toBeLessThanOrEqual(6);
    for (const sql of statements) expect(sql).toMatch(/ANY\(\$1\)|ANY\(\$\d+\)/u);
  });

  it("resolves 200 product references and their owners in a constant number of statements", async () => {
    const ids = demoOcopCatalogue().products.slice(0, 200).map((p) => ({ __typename: "OcopProduct", id: p.id }));
    const { count, data } = await countStatements(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on OcopProduct { id name owner { __typename ... on OcopLocalOwner { name } ... on Cooperative { id } } status(asOf: "2024-07-15") } } }`,
      { r: ids },
    );
    expect(data._entities.map((e: any) => e.id)).toEqual(ids.map((x) => x.id));
    expect(count).toBe(3); // products, local owners, certifications
  });
});
