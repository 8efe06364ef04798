/**
 * `npm run bench`: throughput and latency of typical operations through the real gateway and the
 * membership subgraph on PostgreSQL (DATABASE_URL, or an embedded server), with the SQL statements
 * each request costs. Loopback only, bounded in time; numbers go to the console and to
 * artifacts/bench.json.
 */
import "reflect-metadata";
import autocannon from "autocannon";
import { createLogger, dropDatabase, loadGatewayConfig, loadServiceConfig, Role, signToken } from "@kttt/core";
import { startEmbeddedPostgres, type EmbeddedServer } from "@kttt/launcher";
import { startMembershipService } from "@kttt/membership";
import { startGateway } from "@kttt/gateway";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const SCENARIOS: Record<string, string> = {
  provinceStatistics: `{ membershipStatistics(year: 2024, groupBy: ADMIN_UNIT) { total { cooperativeCount revenue { average } } groups { label figures { cooperativeCount } } } }`,
  cooperativesPage100: `{ cooperatives(first: 100) { nodes { id name adminUnit { name } members(first: 3) { totalCount } financialReport(year: 2024) { revenue } classification(year: 2024) { rating } } } }`,
  searchWithoutDiacritics: `{ cooperatives(first: 20, filter: { search: "hop tac xa nong nghiep" }) { totalCount nodes { id name } } }`,
};

async function main(): Promise<void> {
  process.env.AUTH_JWT_SECRET ||= randomBytes(32).toString("hex");
  process.env.GATEWAY_SECRET ||= randomBytes(32).toString("hex");
  let embedded: EmbeddedServer | null = null;
  let dir: string | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-bench-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: Number(process.env.BENCH_PG_PORT ?? 54359) });
    server = embedded.url;
  }
  // Logs at warn: a line per request on stdout would measure the terminal, not the graph.
  const env = { DATABASE_URL: server, DATABASE_PREFIX: "kttt_bench", NODE_ENV: "production", SEED_DEMO_DATA: "true", LOG_LEVEL: "warn" };
  const config = { ...loadServiceConfig("membership", env), port: 0 };
  await dropDatabase(config.databaseUrl);
  const membership = await startMembershipService(config, createLogger("membership", "silent"));
  const gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.server.url, RATE_LIMIT_PER_MINUTE: "1000000" }), port: 0 });
  const results: Record<string, unknown> = {};
  // As Alliance staff, who may read every figure and detail the scenarios ask for.
  const token = await signToken({ subject: "bench", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "bench" }, process.env.AUTH_JWT_SECRET, 3600);
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  try {
    for (const [name, query] of Object.entries(SCENARIOS)) {
      // A scenario that answers with GraphQL errors (HTTP 200) would measure the errors: check one answer first.
      const sample = (await (await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query }) })).json()) as { errors?: unknown[] };
      if (sample.errors?.length) throw new Error(`${name} answers with errors: ${JSON.stringify(sample.errors).slice(0, 500)}`);
      membership.statements.start();
      const run = await autocannon({
        url: gateway.url,
        method: "POST",
        headers,
        body: JSON.stringify({ query }),
        connections: CONNECTIONS,
        duration: DURATION,
      });
      const statements = membership.statements.stop();
      const summary = {
        requestsPerSecond: Math.round(run.requests.average),
        latencyMs: { p50: run.latency.p50, p97_5: run.latency.p97_5, p99: run.latency.p99 },
        errors: run.errors + run.non2xx,
        sqlStatementsPerRequest: run.requests.total ? Number((statements / run.requests.total).toFixed(2)) : null,
      };
      results[name] = summary;
      console.log(`${name}: ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, ${summary.sqlStatementsPerRequest} SQL/request, ${summary.errors} errors`);
    }
  } finally {
    await gateway.close();
    await membership.stop();
    await dropDatabase(config.databaseUrl);
    if (embedded) await embedded.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
  const out = path.resolve(__dirname, "..", "..", "..", "artifacts");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench.json"), `${JSON.stringify({ at: new Date().toISOString(), durationSeconds: DURATION, connections: CONNECTIONS, cpus: os.cpus().length, results }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
