/**
 * A subgraph process is killed while a bounded load runs through the gateway: the gateway keeps
 * answering (the other subgraph's fields in full, marking what is missing), never crashes, and answers completely again within 5 s of the
 * subgraph's restart, without being restarted itself.
 */
import { createLogger, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { createTestDatabase, freePort, graphql, type TestDatabase } from "@kttt/testkit";
import { startTestOcop, type TestOcop } from "../../services/ocop/test/helpers";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const MAIN = path.resolve(__dirname, "..", "..", "services", "membership", "dist", "main.js");
const QUERY = `query Load { membershipStatistics(year: 2024) { total { cooperativeCount } } adminUnits { code } ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`;

let database: TestDatabase;
let port: number;
let gateway: GatewayServer;
let subgraph: ChildProcess;
let ocop: TestOcop;

async function startSubgraph(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, MEMBERSHIP_DATABASE_URL: database.url, MEMBERSHIP_PORT: String(port), LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 200; i++) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("membership did not start");
}

beforeAll(async () => {
  database = await createTestDatabase("membership", "demo");
  port = await freePort();
  subgraph = await startSubgraph();
  ocop = await startTestOcop("demo", `http://127.0.0.1:${port}/graphql`);
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "production", MEMBERSHIP_URL: `http://127.0.0.1:${port}/graphql`, OCOP_URL: ocop.url, SUBGRAPH_TIMEOUT_MS: "2000", RATE_LIMIT_PER_MINUTE: "1000000" }), port: 0 }, createLogger("gateway", "silent"));
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  subgraph?.kill("SIGKILL");
  await ocop?.stop();
  await database?.drop();
});

describe("a subgraph killed under load", () => {
  it("keeps the gateway answering, marks the missing part, and recovers within 5 s of the restart", async () => {
    const outcomes: { at: number; complete: boolean; codes: string[]; ocopAnswered: boolean }[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const res = await graphql(gateway.url, QUERY);
        outcomes.push({
          at: Date.now(),
          complete: !res.errors && res.data?.membershipStatistics?.total?.cooperativeCount === 975,
          codes: (res.errors ?? []).map((e) => String(e.extensions?.code)),
          ocopAnswered: res.data?.ocopStatistics?.total?.activeProducts === 239,
        });
      }
    };
    const clients = Array.from({ length: 4 }, client);
    const bounded = setTimeout(() => (stop = true), 30_000); // never more than 30 s of load
    await new Promise((r) => setTimeout(r, 1000));
    subgraph.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 1500));
    const restarting = Date.now(); // answers may be complete again from here on
    subgraph = await startSubgraph();
    const restartedAt = Date.now();
    await new Promise((r) => setTimeout(r, 5000));
    stop = true;
    clearTimeout(bounded);
    await Promise.all(clients);

    const duringOutage = outcomes.filter((o) => o.at > killedAt + 200 && o.at < restarting);
    expect(duringOutage.length).toBeGreaterThan(0);
    for (const o of duringOutage) expect(o.codes).toContain("SUBGRAPH_UNAVAILABLE");
    // The other subgraph's fields kept answering all along.
    expect(outcomes.every((o) => o.ocopAnswered)).toBe(true);
    const firstComplete = outcomes.find((o) => o.at >= restartedAt && o.complete);
    expect(firstComplete).toBeDefined();
    expect(firstComplete!.at - restartedAt).toBeLessThan(5000);
    expect(outcomes.filter((o) => o.at > firstComplete!.at).every((o) => o.complete)).toBe(true);
    expect((await fetch(gateway.url.replace(/graphql$/u, "health"))).status).toBe(200);
  }, 60_000);
});
