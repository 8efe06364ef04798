/**
 * End to end: the real gateway serving the committed supergraph, the membership and ocop subgraphs
 * each on its own database, HTTP between them. Queries cross both ways.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql } from "@kttt/testkit";
import { startTestMembership, type TestMembership } from "../../services/membership/test/helpers";
import { startTestOcop, type TestOcop } from "../../services/ocop/test/helpers";

let membership: TestMembership;
let ocop: TestOcop;
let gateway: GatewayServer;

beforeAll(async () => {
  membership = await startTestMembership("demo");
  ocop = await startTestOcop("demo", membership.url);
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", MEMBERSHIP_URL: membership.url, OCOP_URL: ocop.url }), port: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await ocop?.stop();
  await membership?.stop();
});

/** Runs a query through the gateway and counts the SQL statements each subgraph sent. */
async function counted(query: string, variables?: Record<string, unknown>) {
  membership.service.statements.start();
  ocop.service.statements.start();
  const res = await graphql(gateway.url, query, variables);
  const statements = { membership: membership.service.statements.stop(), ocop: ocop.service.statements.stop() };
  expect(res.errors).toBeUndefined();
  return { data: res.data, statements };
}

describe("OCOP through the gateway", () => {
  it("answers the seed text's figures as of 2024-07-15", async () => {
    const { data } = await counted(/* GraphQL */ `{
      ocopStatistics(asOf: "2024-07-15") { total { activeProducts collectiveOwnedProducts collectiveOwners otherOwnedProducts expiringWithin90Days expiringWithin180Days } }
    }`);
    expect(data.ocopStatistics.total).toMatchObject({ activeProducts: 239, collectiveOwnedProducts: 66, collectiveOwners: 65, otherOwnedProducts: 173 });
    expect(data.ocopStatistics.total.expiringWithin180Days).toBeGreaterThan(data.ocopStatistics.total.expiringWithin90Days);
  });

  it("crosses from cooperatives to their products in a constant number of statements (1× and 10× parents)", async () => {
    const QUERY = /* GraphQL */ `query($first: Int) {
      cooperatives(first: $first, filter: { status: ACTIVE }) { nodes { name adminUnit { name } ocopProducts(first: 5, asOf: "2024-07-15") { totalCount nodes { name stars } } } }
    }`;
    const small = await counted(QUERY, { first: 10 });
    const large = await counted(QUERY, { first: 100 });
    expect(large.data.cooperatives.nodes).toHaveLength(100);
    expect(large.statements.ocop).toBeLessThanOrEqual(small.statements.ocop);
    expect(large.statements.membership).toBeLessThanOrEqual(small.statements.membership);
    console.log(`[e2e] cooperatives → ocopProducts: 10 parents ${JSON.stringify(small.statements)}, 100 parents ${JSON.stringify(large.statements)}`);
  });

  it("lists the products of a cooperative that owns two, and a district's products", async () => {
    const search = await counted(`{ ocopProducts(filter: { search: "dinh mien" }) { nodes { name owner { ... on Cooperative { id } } } } }`);
    const owners = new Set(search.data.ocopProducts.nodes.map((n: any) => n.owner.id));
    expect(owners.size).toBe(1);
    const [ownerId] = [...owners];
    const { data } = await counted(`query($id: ID!) { organization(id: $id) { name ... on Cooperative { ocopProducts(asOf: "2024-07-15") { totalCount nodes { name status } } } } }`, { id: ownerId });
    expect(data.organization.ocopProducts.totalCount).toBe(2);
    expect(data.organization.ocopProducts.nodes.map((n: any) => n.name).sort()).toEqual(["Nước mắm Đỉnh Miện", "Ruốc Đỉnh Miện"]);
    const unit = await counted(`{ ocopStatistics(asOf: "2024-07-15", groupBy: ADMIN_UNIT) { groups { key adminUnit { name ocopProducts(status: ACTIVE, asOf: "2024-07-15") { totalCount } } figures { activeProducts } } } }`);
    for (const g of unit.data.ocopStatistics.groups) expect(g.adminUnit.ocopProducts.totalCount).toBe(g.figures.activeProducts);
    expect(unit.data.ocopStatistics.groups.find((g: any) => g.key === "444").adminUnit.name).toBe("Huyện Hương Khê");
  });

  it("crosses from a product to its owner cooperative and that cooperative's unit", async () => {
    const { data, statements } = await counted(/* GraphQL */ `{
      ocopProducts(first: 100, filter: { asOf: "2024-07-15", status: ACTIVE, ownerType: COOPERATIVE }) {
        totalCount
        nodes { name adminUnit { name } owner { __typename ... on Cooperative { name kindLabel adminUnit { code name } } ... on OcopLocalOwner { name } } }
      }
    }`);
    const honey = data.ocopProducts.nodes.find((n: any) => n.name === "Mật ong Cường Nga");
    expect(honey.owner).toMatchObject({ __typename: "Cooperative", kindLabel: "Hợp tác xã", adminUnit: { code: "439", name: "Huyện Hương Sơn" } });
    expect(honey.adminUnit.name).toBe("Huyện Hương Sơn");
    for (const n of data.ocopProducts.nodes) expect(n.owner.__typename).toBe("Cooperative");
    // membership: the products' units, the owners, the owners' units: one batched statement each, for 100 products.
    expect(statements.membership).toBeLessThanOrEqual(3);
    expect(statements.ocop).toBeLessThanOrEqual(2);
    const local = await counted(`{ ocopProducts(first: 5, filter: { ownerType: ENTERPRISE }) { nodes { owner { __typename ... on OcopLocalOwner { name typeLabel adminUnit { name } } } } } }`);
    for (const n of local.data.ocopProducts.nodes) expect(n.owner).toMatchObject({ __typename: "OcopLocalOwner", typeLabel: "Doanh nghiệp" });
  });

  it("passes an ocop input error through with its code and field", async () => {
    const res = await graphql(gateway.url, `mutation($input: CertifyOcopProductInput!) { certifyOcopProduct(input: $input) { id } }`, {
      input: { productId: "00000000-0000-5000-8000-000000000000", scoreA: 30, scoreB: 20, scoreC: 25, stars: 3, decisionNumber: "1/QĐ-UBND", decidedOn: "2024-01-01" },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.stars", reason: "STARS_SCORE_MISMATCH" });
  });
});
