/**
 * A subgraph process is killed while a bounded load runs through the gateway: the gateway keeps
 * answering (the other subgraph's fields in full, marking what is missing), never crashes, and answers completely again within 5 s of the
 * subgraph's restart, without being restarted itself.
 */
import { createLogger, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { createTestDatabase, freePort, graphql, waitUntil, type TestDatabase, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { ocop as ocopSubgraph } from "@kttt/ocop";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const MAIN = path.resolve(__dirname, "..", "..", "services", "membership", "dist", "main.js");
const QUERY = `query Load { membershipStatistics(year: 2024) { total { cooperativeCount } } adminUnits { code } ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`;

let database: TestDatabase;
let port: number;
let gateway: GatewayServer;
let subgraph: ChildProcess;
let ocop: TestSubgraph;

async function startSubgraph(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, MEMBERSHIP_DATABASE_URL: database.url, MEMBERSHIP_PORT: String(port), LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitUntil(
    () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    "membership to answer /health",
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  return child;
}

beforeAll(async () => {
  database = await createTestDatabase("membership", "demo");
  port = await freePort();
  subgraph = await startSubgraph();
  ocop = await startTestSubgraph(ocopSubgraph, { variant: "demo", lookupUrl: `http://127.0.0.1:${port}/graphql` });
  gateway = await startGateway(
    {
      ...loadGatewayConfig({
        NODE_ENV: "production",
        MEMBERSHIP_URL: `http://127.0.0.1:${port}/graphql`,
        OCOP_URL: ocop.url,
        SUBGRAPH_TIMEOUT_MS: "2000",
        RATE_LIMIT_PER_MINUTE: "1000000",
      }),
      port: 0,
    },
    createLogger("gateway", "silent"),
  );
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  subgraph?.kill("SIGKILL");
  await ocop?.stop();
  await database?.drop();
});

describe("a subgraph killed under load", () => {
  it("keeps the gateway answering, marks the missing part, and recovers within 5 s of the restart", async () => {
    // Each outcome keeps when its request was sent: what the gateway knew then decides what it should answer.
    const outcomes: { sent: number; complete: boolean; codes: string[]; ocopAnswered: boolean }[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const sent = Date.now();
        const res = await graphql(gateway.url, QUERY);
        outcomes.push({
          sent,
          complete: !res.errors && res.data?.membershipStatistics?.total?.cooperativeCount === 975,
          codes: (res.errors ?? []).map((e) => String(e.extensions?.code)),
          ocopAnswered: res.data?.ocopStatistics?.total?.activeProducts === 239,
        });
      }
    };
    const sentAfter = (t: number) => outcomes.filter((o) => o.sent > t);
    const clients = Array.from({ length: 4 }, client);
    const bounded = setTimeout(() => (stop = true), 30_000); // never more than 30 s of load
    try {
      await waitUntil(() => outcomes.filter((o) => o.complete).length >= 4, "complete answers under load before the kill");
      const exited = new Promise((resolve) => subgraph.once("exit", resolve));
      subgraph.kill("SIGKILL");
      await exited;
      const killedAt = Date.now();
      await waitUntil(() => sentAfter(killedAt).length >= 8, "answers sent while membership is down");
      const restarting = Date.now();
      subgraph = await startSubgraph();
      const restartedAt = Date.now();
      await waitUntil(() => sentAfter(restartedAt).some((o) => o.complete), "a complete answer after the restart", { timeoutMs: 15_000 });
      const firstComplete = sentAfter(restartedAt).find((o) => o.complete)!;
      await waitUntil(() => sentAfter(firstComplete.sent).length >= 8, "answers after the first complete one");
      stop = true;
      await Promise.all(clients);

      const duringOutage = outcomes.filter((o) => o.sent > killedAt && o.sent < restarting);
      expect(duringOutage.length).toBeGreaterThanOrEqual(8);
      for (const o of duringOutage) expect(o.codes).toContain("SUBGRAPH_UNAVAILABLE");
      // The other subgraph's fields kept answering all along.
      expect(outcomes.every((o) => o.ocopAnswered)).toBe(true);
      expect(firstComplete.sent - restartedAt).toBeLessThan(5000);
      expect(sentAfter(firstComplete.sent).every((o) => o.complete)).toBe(true);
      expect((await fetch(gateway.url.replace(/graphql$/u, "health"))).status).toBe(200);
    } finally {
      stop = true;
      clearTimeout(bounded);
      await Promise.all(clients);
    }
  }, 60_000);
});
