import { startTestOcop, type TestOcop } from "./helpers";
import { demoOcopCatalogue, demoOrganizations } from "@kttt/demo";
import { adminUnitIdOf, unitsOn } from "@kttt/reference";

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
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Cooperative {
        ocopProducts(first: 3, asOf: "2024-07-15") {
          totalCount
          nodes {
            name
            status
            stars
            owner {
              __typename
              ... on OcopLocalOwner {
                name
              }
            }
            certifications {
              stars
            }
          }
        }
      }
      ... on CooperativeGroup {
        ocopProducts(first: 3, asOf: "2024-07-15") {
          totalCount
          nodes {
            name
            status
          }
        }
      }
      ... on AdminUnit {
        ocopProducts(first: 5, status: ACTIVE, asOf: "2024-07-15") {
          totalCount
          nodes {
            name
            currentCertification {
              stars
            }
          }
        }
      }
    }
  }
`;

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
      ...orgs
        .filter((x) => x.kind === "COOPERATIVE")
        .slice(0, 300)
        .map((c) => ({ __typename: "Cooperative", id: c.id })),
      ...orgs.filter((x) => x.kind === "COOPERATIVE_GROUP").map((c) => ({ __typename: "CooperativeGroup", id: c.id })),
      ...["436", "439", "444", "447"].map((code) => ({ __typename: "AdminUnit", id: adminUnitIdOf(code, "2024-07-15") })),
    ];
    const { count, statements } = await countStatements(ENTITIES, { r });
    expect(count).toBeLessThanOrEqual(6);
    for (const sql of statements) expect(sql).toMatch(/ANY\(\$1\)|ANY\(\$\d+\)/u);
  });

  it("answers the 69 communes' and the 13 districts' products in as many statements as two units'", async () => {
    const codes = unitsOn("2026-01-01")
      .filter((u) => u.level === "COMMUNE")
      .map((u) => u.id);
    expect(codes).toHaveLength(69);
    const districts = unitsOn("2024-07-15")
      .filter((u) => u.level === "DISTRICT")
      .map((u) => u.id);
    const query = ENTITIES.replace(
      'asOf: "2024-07-15") { totalCount nodes { name currentCertification',
      'asOf: "2026-06-30") { totalCount nodes { name currentCertification',
    );
    const small = await countStatements(query, { r: [codes[0], districts[0]].map((id) => ({ __typename: "AdminUnit", id })) });
    const large = await countStatements(query, { r: [...codes, ...districts].map((id) => ({ __typename: "AdminUnit", id })) });
    expect(large.data._entities.filter((e: any) => e.ocopProducts.totalCount > 0).length).toBeGreaterThan(20);
    // One statement for the pages of every unit, one for their certificates.
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(2);
  });

  it("resolves 200 product references and their owners in a constant number of statements", async () => {
    const ids = demoOcopCatalogue()
      .products.slice(0, 200)
      .map((p) => ({ __typename: "OcopProduct", id: p.id }));
    const { count, data } = await countStatements(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on OcopProduct { id name owner { __typename ... on OcopLocalOwner { name } ... on Cooperative { id } } status(asOf: "2024-07-15") } } }`,
      { r: ids },
    );
    expect(data._entities.map((e: any) => e.id)).toEqual(ids.map((x) => x.id));
    expect(count).toBe(3); // products, local owners, certifications
  });
});

describe("at ten times the data", () => {
  it("answers the 975 cooperatives in the same number of statements with 10× the products", async () => {
    const cooperatives = demoOrganizations().filter((x) => x.kind === "COOPERATIVE" && x.status !== "DISSOLVED");
    const r = cooperatives.map((c) => ({ __typename: "Cooperative", id: c.id }));
    const before = await countStatements(ENTITIES, { r });
    // Nine more copies of every product and certificate, for the same owners.
    await o.service.dataSource.query(`
      INSERT INTO ocop_product (id, name, product_group, subgroup, admin_unit_code, owner_type, owner_organization_id, owner_id, registered_on, description)
      SELECT md5(p.id::text || k)::uuid, p.name || ' (lô ' || k || ')', p.product_group, p.subgroup, p.admin_unit_code, p.owner_type, p.owner_organization_id, p.owner_id, p.registered_on, p.description
      FROM ocop_product p CROSS JOIN generate_series(1, 9) k`);
    await o.service.dataSource.query(`
      INSERT INTO ocop_certification (id, product_id, sequence, kind, score_a, score_b, score_c, stars, level, decision_number, decided_on, valid_until, revoked_on, revocation_reason, revocation_decision_number)
      SELECT md5(c.id::text || k)::uuid, md5(c.product_id::text || k)::uuid, c.sequence, c.kind, c.score_a, c.score_b, c.score_c, c.stars, c.level, c.decision_number, c.decided_on, c.valid_until, c.revoked_on, c.revocation_reason, c.revocation_decision_number
      FROM ocop_certification c CROSS JOIN generate_series(1, 9) k`);
    const after = await countStatements(ENTITIES, { r });
    const total = (data: any) => data._entities.reduce((a: number, e: any) => a + e.ocopProducts.totalCount, 0);
    expect(total(after.data)).toBe(10 * total(before.data));
    expect(after.count).toBe(before.count);
    console.log(
      `[batching] 975 cooperatives' OCOP products: ${before.count} statements at 1× (${total(before.data)} products), ${after.count} at 10× (${total(after.data)})`,
    );
  });
});

describe("first pages read through the driver", () => {
  // The date columns of a batched first page must come back as the database holds them whatever the
  // server's zone (CI runs the suite in UTC and in Asia/Ho_Chi_Minh, where a day-early date showed).
  it("gives each product's registeredOn and its cursor as the product list does", async () => {
    const rows: { id: string; owner: string; registered_on: string }[] = await o.service.dataSource.query(
      "SELECT id, owner_organization_id AS owner, registered_on::text FROM ocop_product WHERE owner_organization_id IS NOT NULL ORDER BY name, id LIMIT 5",
    );
    const res = await o.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { ocopProducts(first: 100) { nodes { id registeredOn } } } } }`,
      {
        r: [...new Set(rows.map((r) => r.owner))].map((id) => ({ __typename: "Cooperative", id })),
      },
    );
    expect(res.errors).toBeUndefined();
    const nested = new Map(res.data._entities.flatMap((e: any) => e.ocopProducts.nodes.map((n: any) => [n.id, n.registeredOn])));
    for (const row of rows) expect([row.id, nested.get(row.id)]).toEqual([row.id, row.registered_on]);
  });
});
