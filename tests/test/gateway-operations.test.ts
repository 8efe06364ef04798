/**
 * Operating the graph: health, readiness and metrics of the gateway and a subgraph, a subgraph that
 * goes down and comes back while the gateway keeps running, and a subgraph that does not answer.
 */
import { createLogger, loadGatewayConfig, loadServiceConfig, SUBGRAPHS } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { startMembershipService, type MembershipService } from "@kttt/membership";
import { createTestDatabase, freePort, gatewayHeaders, graphql, type TestSubgraph } from "@kttt/testkit";
import { startTestGraph, type TestGraph } from "./graph";
import http from "node:http";

const silent = createLogger("test", "silent");
const QUERY = `query Province { membershipStatistics(year: 2024) { total { cooperativeCount } } }`;
const BOTH = `query Both { membershipStatistics(year: 2024) { total { cooperativeCount } } ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`;

let graph: TestGraph;
let database: string;
let port: number;
let membership: MembershipService | null = null;
let gateway: GatewayServer;

/** Membership again, on the same database and port, after it was stopped. */
async function restartMembership(): Promise<MembershipService> {
  const config = { ...loadServiceConfig("membership", { MEMBERSHIP_DATABASE_URL: database }), port, poolSize: 3 };
  return startMembershipService(config, silent);
}

const base = (url: string) => url.replace(/\/graphql$/u, "");

beforeAll(async () => {
  graph = await startTestGraph({ SUBGRAPH_TIMEOUT_MS: "2000" });
  gateway = graph.gateway;
  const first = graph.subgraphs.membership as unknown as TestSubgraph;
  membership = first.service;
  database = first.database.url;
  port = Number(new URL(first.url).port);
}, 60_000);
afterAll(async () => {
  await graph?.stop();
  await membership?.stop().catch(() => undefined);
});

/** The value of one Prometheus sample, found by metric name and labels in any order. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/u.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/gu)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return null;
}

describe("operations", () => {
  it("reports ready when the database and the subgraphs answer", async () => {
    const subgraph = await fetch(`${base(membership!.server.url)}/ready`, { headers: gatewayHeaders() });
    expect(subgraph.status).toBe(200);
    expect(await subgraph.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
    const ready = await fetch(`${base(gateway.url)}/ready`);
    expect(ready.status).toBe(200);
    const checks = ((await ready.json()) as { checks: Record<string, string> }).checks;
    expect(checks).toEqual(Object.fromEntries([["supergraph", "ok"], ...SUBGRAPHS.map((s) => [`subgraph:${s.name}`, "ok"])]));
  });

  it("counts operations by name, and errors by code, in Prometheus metrics", async () => {
    await graphql(gateway.url, QUERY);
    await graphql(
      gateway.url,
      `
        query Broken {
          membershipStatistics(year: 1) {
            year
          }
        }
      `,
    );
    const gatewayMetrics = await (await fetch(`${base(gateway.url)}/metrics`)).text();
    expect(sample(gatewayMetrics, "graphql_requests_total", { operation: "Province", outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(sample(gatewayMetrics, "subgraph_fetch_duration_seconds_count", { subgraph: "membership", outcome: "ok" })).toBeGreaterThanOrEqual(2);
    const subgraphMetrics = await (await fetch(`${base(membership!.server.url)}/metrics`, { headers: gatewayHeaders() })).text();
    expect(sample(subgraphMetrics, "graphql_errors_total", { code: "BAD_USER_INPUT" })).toBeGreaterThanOrEqual(1);
    expect(sample(subgraphMetrics, "db_pool_connections", {})).toBeGreaterThanOrEqual(1);
  });

  it("keeps answering while a subgraph is down, names the missing part, and recovers without a restart", async () => {
    await membership!.stop();
    membership = null;
    const down = await graphql(gateway.url, BOTH);
    expect(down.status).toBe(200);
    expect(down.data?.membershipStatistics ?? null).toBeNull();
    expect(down.data?.ocopStatistics.total.activeProducts).toBe(239);
    expect(down.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "membership" });
    const notReady = await fetch(`${base(gateway.url)}/ready`);
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { checks: Record<string, string> }).checks["subgraph:membership"]).toMatch(/unreachable/u);
    expect((await fetch(`${base(gateway.url)}/health`)).status).toBe(200);

    membership = await restartMembership();
    const back = await graphql(gateway.url, QUERY);
    expect(back.errors).toBeUndefined();
    expect(back.data.membershipStatistics.total.cooperativeCount).toBe(975);
  });

  it("gives up on a subgraph that does not answer within its time limit", async () => {
    const silentServer = http.createServer(() => undefined); // accepts requests, never answers
    const hangingPort = await freePort();
    await new Promise<void>((r) => silentServer.listen(hangingPort, "127.0.0.1", () => r()));
    const slowGateway = await startGateway(
      { ...loadGatewayConfig({ NODE_ENV: "test", MEMBERSHIP_URL: `http://127.0.0.1:${hangingPort}/graphql`, SUBGRAPH_TIMEOUT_MS: "300" }), port: 0 },
      silent,
    );
    try {
      const started = Date.now();
      const res = await graphql(slowGateway.url, QUERY);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.errors?.[0].message).toMatch(/did not answer within 300 ms/u);
      expect(res.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "membership" });
    } finally {
      await slowGateway.close();
      silentServer.closeAllConnections();
      silentServer.close();
    }
  });

  it("starts with a subgraph that is down, says so in readiness, and serves the rest", async () => {
    const closed = await freePort();
    const lonely = await startGateway(
      { ...loadGatewayConfig({ NODE_ENV: "test", MEMBERSHIP_URL: `http://127.0.0.1:${closed}/graphql`, OCOP_URL: graph.subgraphs.ocop.url }), port: 0 },
      silent,
    );
    try {
      expect((await fetch(`${base(lonely.url)}/health`)).status).toBe(200);
      const ready = await fetch(`${base(lonely.url)}/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks["subgraph:membership"]).toMatch(/unreachable/u);
      const res = await graphql(lonely.url, BOTH);
      expect(res.data?.ocopStatistics.total.activeProducts).toBe(239);
      expect(res.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "membership" });
    } finally {
      await lonely.close();
    }
  });

  it("reports a subgraph whose database is gone as not ready", async () => {
    const other = await createTestDatabase("membership", "empty");
    const service = await startMembershipService({ ...loadServiceConfig("membership", { MEMBERSHIP_DATABASE_URL: other.url }), port: 0, poolSize: 2 }, silent);
    try {
      await other.drop(); // terminates the pool's connections
      const res = await fetch(`${base(service.server.url)}/ready`, { headers: gatewayHeaders() });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { checks: Record<string, string> }).checks.database).toMatch(/unreachable/u);
    } finally {
      await service.stop().catch(() => undefined);
    }
  });
});
