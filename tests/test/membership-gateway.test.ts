/**
 * End to end: the real gateway serving the committed supergraph, the membership subgraph on its
 * own database, HTTP between them.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql } from "@kttt/testkit";
import { startTestMembership, type TestMembership } from "../../services/membership/test/helpers";

let membership: TestMembership;
let gateway: GatewayServer;

beforeAll(async () => {
  membership = await startTestMembership("demo");
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url }), port: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
});

describe("through the gateway", () => {
  it("answers the seed's province figures", async () => {
    const res = await graphql(gateway.url, /* GraphQL */ `{
      membershipStatistics(year: 2024) {
        total {
          cooperativeCount unionCount groupCount
          charterCapital { average } revenue { average } profit { average }
          averageWorkerMonthlyIncome
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.membershipStatistics.total).toEqual({
      cooperativeCount: 975,
      unionCount: 3,
      groupCount: 2538,
      charterCapital: { average: "2002000000" },
      revenue: { average: "1300000000" },
      profit: { average: "288000000" },
      averageWorkerMonthlyIncome: "4000000",
    });
  });

  it("searches without diacritics and follows an organisation to its unit", async () => {
    const res = await graphql(gateway.url, `{ cooperatives(first: 3, filter: { search: "hop tac xa nong nghiep", adminUnitCode: "444" }) { totalCount nodes { name adminUnit { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.cooperatives.totalCount).toBeGreaterThan(0);
    for (const node of res.data.cooperatives.nodes) {
      expect(node.name).toMatch(/^Hợp tác xã .*Nông nghiệp/u);
      expect(node.adminUnit.name).toBe("Huyện Hương Khê");
    }
  });

  it("passes a subgraph's input error through with its code and field", async () => {
    const res = await graphql(gateway.url, `mutation($input: RecordClassificationInput!) { recordClassification(input: $input) { rating } }`, {
      input: { organizationId: "00000000-0000-5000-8000-000000000000", year: 2023, score: 90, rating: "GOOD" },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "input.organizationId" });
  });

  it("rejects an unknown field at the gateway with a validation error", async () => {
    const res = await graphql(gateway.url, `{ cooperatives { nodes { nonexistent } } }`);
    // A request error, answered in application/json: 200 with the error and no data (http-status.ts).
    expect(res.status).toBe(200);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("serves Apollo Sandbox at GET /graphql, a landing page that links to it and to the explorer, and a health check", async () => {
    const base = gateway.url.replace(/\/graphql$/u, "");
    const sandbox = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toContain("embeddableSandbox");
    const page = await fetch(`${base}/`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/href="\/explorer\/"[\s\S]*href="\/graphql"/u);
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ status: "ok" });
  });
});
