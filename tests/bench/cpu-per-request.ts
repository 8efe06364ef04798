/**
 * `npm run bench:cpu`: CPU time one request costs (process.cpuUsage over many sequential requests), through
 * the gateway and straight to the membership subgraph, in one process. CPU time, unlike requests per
 * second, hardly moves with what else the machine is doing, so it tells where the time goes.
 */
import "reflect-metadata";
import { createLogger, dropDatabase, loadGatewayConfig, loadServiceConfig, Role, signGatewayProof, signToken, GATEWAY_PROOF_HEADER } from "@kttt/core";
import { startMembershipService } from "@kttt/membership";
import { startGateway } from "@kttt/gateway";
import { randomBytes, randomUUID } from "node:crypto";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const QUERY = `{ cooperatives(first: 20, filter: { search: "hop tac xa nong nghiep" }) { totalCount nodes { id name } } }`;

async function measure(label: string, send: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) await send(); // warm-up: JIT, caches, pools
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) await send();
  const used = process.cpuUsage(cpu);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label}: ${((used.user + used.system) / 1000 / REQUESTS).toFixed(2)} ms CPU/request (user ${(used.user / 1000 / REQUESTS).toFixed(2)}), ${(wall / REQUESTS).toFixed(2)} ms wall/request`);
}

async function main(): Promise<void> {
  process.env.AUTH_JWT_SECRET ||= randomBytes(32).toString("hex");
  process.env.GATEWAY_SECRET ||= randomBytes(32).toString("hex");
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL server.");
  const env = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PREFIX: "kttt_bench_cpu", NODE_ENV: "production", SEED_DEMO_DATA: "true", LOG_LEVEL: "warn" };
  const config = { ...loadServiceConfig("membership", env), port: 0 };
  await dropDatabase(config.databaseUrl);
  const membership = await startMembershipService(config, createLogger("membership", "silent"));
  const gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.server.url, RATE_LIMIT_PER_MINUTE: "1000000" }), port: 0 });
  const staff = { subject: "bench", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "bench" };
  const token = await signToken(staff, process.env.AUTH_JWT_SECRET, 3600);
  const body = JSON.stringify({ query: QUERY });
  const post = async (url: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const json = (await res.json()) as { errors?: unknown };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
  };
  try {
    await measure("subgraph direct", async () => post(membership.server.url, { [GATEWAY_PROOF_HEADER]: await signGatewayProof(staff, randomUUID(), process.env.GATEWAY_SECRET!) }));
    await measure("through the gateway", () => post(gateway.url, { authorization: `Bearer ${token}` }));
  } finally {
    await gateway.close();
    await membership.stop();
    await dropDatabase(config.databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
