/**
 * `npm run bench`: the project's real operations under load, through our gateway, through Hive Gateway
 * (when deploy/hive-gateway is installed) and, for single-subgraph operations, straight to the
 * subgraph; alternating rounds, same subgraphs, same supergraph. Reports req/s, latency, CPU
 * milliseconds per request of every process (gateway, each subgraph, PostgreSQL backends), peak
 * memory, SQL statements and response bytes per request, and writes bench/REPORT.md and
 * artifacts/bench-<scale>x.json. Loopback only, bounded in time; never part of `npm test`.
 *
 * Settings (environment): BENCH_SECONDS (per round, default 6), BENCH_WARMUP_SECONDS (2),
 * BENCH_CONNECTIONS (20), BENCH_ROUNDS (2 per target, each target first in one of them), BENCH_ONLY (scenario names, comma-separated),
 * BENCH_MODES (varied,identical), BENCH_TARGETS (ours,hive,direct; also hive-js: Hive Gateway with its
 * JavaScript planner instead of the Rust router runtime), BENCH_SCALES (default 1,10,100: the demo data
 * times each, one graph per scale, all running at once, each scenario's rounds taken on them in turn; BENCH_SCALE names one; none: only write the report again
 * from the latest artifacts), BENCH_CPU_PROF (a folder: every process writes a CPU profile there;
 * read it with profile-summary.js), BENCH_KEEP_DATABASES (true, or the scales to keep such as 10,100: the seeded databases of
 * those scales, kttt_bench_x<scale>_* or BENCH_DATABASE_PREFIX_x<scale>_*, are kept and reused by the next run; scenarios
 * that write are then left out at those scales),
 * BENCH_START_SECONDS (how long a process may take to start, seeding included; 900), BENCH_SUBGRAPH_TIMEOUT_MS (the gateway's SUBGRAPH_TIMEOUT_MS),
 * BENCH_BASE_GATEWAY (another build of our gateway, its dist/main.js inside this repository so it finds the same
 * node_modules, run as target `base` beside ours to measure a change under the same load; add `base` to
 * BENCH_TARGETS), BENCH_REPORT (false: only artifacts/bench-<scale>x.json, as
 * `npm run bench:cpu` does, one client at a time), DATABASE_URL (else an embedded PostgreSQL).
 */
import "reflect-metadata";
import autocannon from "autocannon";
import {
  currentYear,
  issueToken,
  loadSigningKeys,
  newSigningKey,
  parseSigningKeys,
  Role,
  signGatewayProof,
  GATEWAY_PROOF_HEADER,
  type Principal,
} from "@kttt/core";
import { demoOrganizations } from "@kttt/demo";
import { startEmbeddedPostgres, type EmbeddedServer } from "@kttt/launcher";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { ROOT, startBenchGraph, hiveGatewayFolder, type Target } from "./graph";
import { statementsSent, UsageWatch, type ProcessUsage } from "./probes";
import { growthTable, growthTargets, importSectionOf, renderReport, withImportSection, type BenchRun, type Measurement } from "./report";
import { SCENARIOS, type Fixtures, type GraphQLBody, type Scenario } from "./scenarios";

const list = (value: string | undefined, all: string[]) =>
  value
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : all;
const SETTINGS = {
  seconds: Number(process.env.BENCH_SECONDS ?? 6),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
  scenarios: list(
    process.env.BENCH_ONLY,
    SCENARIOS.map((s) => s.name),
  ),
  modes: list(process.env.BENCH_MODES, ["varied", "identical"]) as ("varied" | "identical")[],
  targets: list(process.env.BENCH_TARGETS, ["ours", "hive", "direct"]),
  // BENCH_SCALES=none runs nothing: the report is written again from the latest artifacts/bench-<scale>x.json.
  // By default the three scales of the report (×100 seeds for minutes); BENCH_SCALE=1 or BENCH_SCALES=1 for a quick run.
  scales: list(process.env.BENCH_SCALES, process.env.BENCH_SCALE ? [process.env.BENCH_SCALE] : ["1", "10", "100"])
    .filter((s) => s !== "none")
    .map(Number),
  report: process.env.BENCH_REPORT !== "false",
  /** The scales whose seeded databases are kept and reused (BENCH_KEEP_DATABASES: true for every scale, or a list). */
  keepScales: keptScales(process.env.BENCH_KEEP_DATABASES),
};

function keptScales(setting: string | undefined): "all" | number[] {
  return setting === "true" ? "all" : list(setting || undefined, []).map(Number);
}

/** As Alliance staff, who may read every figure and detail the scenarios ask for, and write. */
const STAFF: Principal = { subject: "bench", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "bench" };

interface Endpoint {
  target: string;
  url: string;
  headers: Record<string, string>;
  process: Target["process"];
}

/** Requests are numbered across the whole run, so no write is ever sent twice. */
let sent = 0;

async function post(endpoint: Endpoint, body: GraphQLBody): Promise<{ json: { data?: unknown; errors?: { message: string }[] }; bytes: number }> {
  const response = await fetch(endpoint.url, { method: "POST", headers: endpoint.headers, body: JSON.stringify(body) });
  const text = await response.text();
  return { json: JSON.parse(text) as { errors?: { message: string }[] }, bytes: Buffer.byteLength(text) };
}

/**
 * The demo's cooperatives still active: the same at every scale (copies come on top), so a sampled
 * request asks about the same records at ×1, ×10 and ×100 and its SQL statements compare.
 */
function activeCooperatives() {
  return demoOrganizations().filter((o) => o.kind === "COOPERATIVE" && o.status !== "DISSOLVED");
}

/** Years the demo data has no figures for (it has 2023–2025): the running year, then late reports of earlier years. */
const UNREPORTED_YEARS = [currentYear(), 2022, 2021, 2020, 2019, 2018].filter((year) => year < 2023 || year > 2025);

/** Every (cooperative, year) the mix may record once: the year not before the cooperative's founding. */
function reportSlots(): Fixtures["reportSlots"] {
  const cooperatives = activeCooperatives();
  return UNREPORTED_YEARS.flatMap((year) =>
    cooperatives.filter((o) => Number(o.establishedOn.slice(0, 4)) <= year).map((o) => ({ organizationId: o.id, year })),
  );
}

async function load(endpoint: Endpoint, next: () => GraphQLBody, seconds: number) {
  return autocannon({
    url: endpoint.url,
    method: "POST",
    headers: endpoint.headers,
    connections: SETTINGS.connections,
    duration: seconds,
    requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: JSON.stringify(next()) }) }],
  });
}

/** The databases of one scale's graph, `<prefix>_<subgraph>` (the prefix `kttt_bench_x1` is not `kttt_bench_x10`'s). */
async function benchDatabases(admin: Client, prefix: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${prefix}_`]);
  return rows.map((row) => row.datname);
}

/**
 * Bumps `data_version` in every bench database that has it (core's aggregate cache: a write does the same), so no
 * subgraph answers the next round from figures it computed for the previous one.
 */
async function startNewDataVersion(admin: Client, adminUrl: string, prefix: string): Promise<void> {
  for (const datname of await benchDatabases(admin, prefix)) {
    const url = new URL(adminUrl);
    url.pathname = `/${datname}`;
    const db = new Client({ connectionString: url.toString(), application_name: "kttt-bench" });
    await db.connect();
    try {
      await db.query("DO $$ BEGIN IF to_regclass('data_version') IS NOT NULL THEN UPDATE data_version SET version = version + 1; END IF; END $$");
    } finally {
      await db.end();
    }
  }
}

async function measure(scenario: Scenario, mode: "varied" | "identical", endpoint: Endpoint, context: MeasureContext): Promise<Measurement> {
  const next = () => {
    const i = sent++;
    return mode === "varied" ? scenario.varied(i, context.fixtures) : scenario.identical(i, context.fixtures);
  };
  const statementsNow = async () =>
    (await Promise.all(Object.values(context.subgraphs).map((url) => statementsSent(url, context.gatewaySecret)))).reduce((a, b) => a + b, 0);
  // Requests the previous round left in flight (autocannon stops sending, the graph finishes them) must not count here:
  // wait until no bench database runs a statement and the subgraphs' counters stand still (a slow statement alone
  // would leave the counters still for seconds while its request has more to send).
  const busy = async () =>
    (
      await context.pg.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE starts_with(datname, $1) AND state <> 'idle' AND pid <> pg_backend_pid()",
        [`${context.prefix}_`],
      )
    ).rows[0].n;
  for (let last = await statementsNow(), quiet = Date.now() + 120_000; Date.now() < quiet;) {
    await new Promise((r) => setTimeout(r, 400));
    const now = await statementsNow();
    if (now === last && (await busy()) === 0) break;
    last = now;
  }
  // Every round starts on cold aggregate caches, as after a write: whichever target ran first would otherwise have
  // computed the closed periods' figures that the next one is served from the subgraphs' caches.
  await startNewDataVersion(context.pg, context.adminUrl, context.prefix);
  // A scenario answering with GraphQL errors (HTTP 200) would measure the errors: check a few answers
  // first, one at a time, which also counts the SQL statements a request costs exactly.
  let bytes = 0;
  const samples = scenario.writes ? 10 : 4;
  const before = await statementsNow();
  for (let k = 0; k < samples; k++) {
    // Reads sample the same requests in every round and at every scale; writes are never repeated.
    const body = scenario.writes ? next() : mode === "varied" ? scenario.varied(k, context.fixtures) : scenario.identical(k, context.fixtures);
    const answer = await post(endpoint, body);
    if (answer.json.errors?.length)
      throw new Error(`${scenario.name} (${mode}, ${endpoint.target}) answers with errors: ${JSON.stringify(answer.json.errors).slice(0, 600)}`);
    if (!body.query.trimStart().startsWith("mutation")) bytes = Math.max(bytes, answer.bytes);
  }
  const statements = (await statementsNow()) - before;
  if (SETTINGS.warmupSeconds > 0) await load(endpoint, next, SETTINGS.warmupSeconds);
  const watch = new UsageWatch(context.processes, context.pg, context.prefix);
  await watch.begin();
  const run = await load(endpoint, next, SETTINGS.seconds);
  const usage = await watch.end();
  const requests = run.requests.total || 1;
  const cpuMsPerRequest: Record<string, number> = {};
  const peakRssMb: Record<string, number> = {};
  for (const [name, u] of Object.entries<ProcessUsage>(usage)) {
    cpuMsPerRequest[name] = Number((u.cpuMs / requests).toFixed(2));
    peakRssMb[name] = u.peakRssMb;
  }
  const m: Measurement = {
    scenario: scenario.name,
    mode,
    target: endpoint.target,
    requestsPerSecond: Number((run.requests.total / SETTINGS.seconds).toFixed(1)),
    latencyMs: { p50: run.latency.p50, p99: run.latency.p99 },
    errors: run.errors + run.non2xx + run.timeouts,
    cpuMsPerRequest,
    peakRssMb,
    sqlStatementsPerRequest: Number((statements / samples).toFixed(2)),
    responseBytes: bytes,
  };
  const cpu = Object.entries(cpuMsPerRequest)
    .map(([n, ms]) => `${n} ${ms}`)
    .join(", ");
  console.log(
    `${scenario.name.padEnd(17)} ${mode.padEnd(9)} ${endpoint.target.padEnd(6)} ${String(m.requestsPerSecond).padStart(7)} req/s  p50 ${m.latencyMs.p50} ms  p99 ${m.latencyMs.p99} ms  ${m.sqlStatementsPerRequest} SQL/req  ${m.responseBytes} B  CPU ms/req: ${cpu}${m.errors ? `  ${m.errors} ERRORS` : ""}`,
  );
  return m;
}

/** `items` starting at index `by` (modulo their number), the rest in order after it. */
const rotated = <T>(items: T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]);

interface MeasureContext {
  fixtures: Fixtures;
  subgraphs: Record<string, string>;
  processes: { name: string; pid: number }[];
  pg: Client;
  prefix: string;
  adminUrl: string;
  gatewaySecret: string;
}

/** One scale's graph, running: its gateways, what `measure` needs, the scenarios its kept databases leave out. */
interface ScaleGraph {
  scale: number;
  gateways: Endpoint[];
  context: MeasureContext;
  skipped: string[];
  hive: boolean;
  proof: string;
  close(): Promise<void>;
}

/** What every scale's graph shares: the PostgreSQL server (the machine's, or one embedded), the issuer's key, the gateway secret. */
interface Shared {
  server: string;
  signingKeys: string;
  gatewaySecret: string;
  token: string;
}

/** Starts the graph on demo data `scale` times over (its own databases on the shared server, seeded when new). */
async function openScale(scale: number, shared: Shared): Promise<ScaleGraph> {
  // Kept databases (BENCH_KEEP_DATABASES) are named by scale and reused: seeding ×100 takes minutes.
  const keep = SETTINGS.keepScales === "all" || SETTINGS.keepScales.includes(scale);
  const prefix = keep ? `${process.env.BENCH_DATABASE_PREFIX ?? "kttt_bench"}_x${scale}` : `kttt_bench_${process.pid}_x${scale}`;
  const admin = new URL(shared.server);
  admin.pathname = "/postgres";
  const pg = new Client({ connectionString: admin.toString(), application_name: "kttt-bench" });
  await pg.connect();
  const dropDatabases = async () => {
    if (keep) return;
    for (const datname of await benchDatabases(pg, prefix)) await pg.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The services' Node flags, as an operator would set them (e.g. heap sizes).
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    DATABASE_URL: shared.server,
    DATABASE_PREFIX: prefix,
    NODE_ENV: "production",
    SEED_DEMO_DATA: "true",
    DEMO_DATA_SCALE: String(scale),
    // The gateway's wait for a subgraph (an overview at ×100 on a loaded machine takes longer than the default 10 s).
    ...(process.env.BENCH_SUBGRAPH_TIMEOUT_MS ? { SUBGRAPH_TIMEOUT_MS: process.env.BENCH_SUBGRAPH_TIMEOUT_MS } : {}),
    // Logs at warn: a line per request would measure the terminal, not the graph.
    LOG_LEVEL: "warn",
    AUTH_SIGNING_KEYS: shared.signingKeys,
    GATEWAY_SECRET: shared.gatewaySecret,
    RATE_LIMIT_PER_MINUTE: "1000000",
  };
  const wantHive = (["hive", "hive-js"] as const).filter((t) => SETTINGS.targets.includes(t));
  await dropDatabases();
  const started = Date.now();
  const baseGateway = SETTINGS.targets.includes("base") ? process.env.BENCH_BASE_GATEWAY : undefined;
  const graph = await startBenchGraph({ env, hive: wantHive, baseGateway }).catch(async (error: unknown) => {
    await dropDatabases();
    await pg.end();
    throw error;
  });
  console.log(`graph ×${scale} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (subgraphs seeded)`);
  const gatewayHeaders = { "content-type": "application/json", authorization: `Bearer ${shared.token}` };
  const gateways: Endpoint[] = graph.targets
    .filter((t) => SETTINGS.targets.includes(t.name))
    .map((t) => ({ target: t.name, url: t.url, headers: gatewayHeaders, process: t.process }));
  const fixtures: Fixtures = { cooperativeIds: activeCooperatives().map((o) => o.id), reportSlots: reportSlots(), runTag: 10 + (process.pid % 89) };
  const processes = [
    ...graph.targets.filter((t) => t.process?.pid).map((t) => ({ name: `gateway:${t.name}`, pid: t.process!.pid! })),
    ...Object.values(graph.subgraphs).map((s) => ({ name: s.name, pid: s.process.pid! })),
  ];
  const subgraphs = Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url]));
  // A kept database holds an earlier run's writes (a year's figures already recorded): its runs only read.
  const skipped = keep ? SCENARIOS.filter((s) => s.writes && SETTINGS.scenarios.includes(s.name)).map((s) => s.name) : [];
  if (skipped.length) console.log(`kept databases ×${scale}: ${skipped.join(", ")} (writes) left out`);
  return {
    scale,
    gateways,
    context: { fixtures, subgraphs, processes, pg, prefix, gatewaySecret: shared.gatewaySecret, adminUrl: admin.toString() },
    skipped,
    hive: graph.targets.some((t) => t.name.startsWith("hive")),
    // Straight to a subgraph, a request carries a proof as the gateway would sign it (for the whole run).
    proof: await signGatewayProof(STAFF, randomUUID(), shared.gatewaySecret, 4 * 3600),
    close: async () => {
      await graph.stop();
      await dropDatabases();
      await pg.end();
    },
  };
}

/**
 * Starts every scale's graph at once, then runs each scenario's rounds on them in turn: the machine is shared, so what
 * slows it down for a while falls on every scale and target alike, and the growth targets (×100 against ×1) compare
 * rounds taken minutes apart at most, not a whole scale's run apart.
 */
async function runScales(scales: number[]): Promise<BenchRun[]> {
  let embedded: EmbeddedServer | null = null;
  let dir: string | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-bench-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: Number(process.env.BENCH_PG_PORT ?? 54359) });
    server = embedded.url;
  }
  // The issuer's key of this run: our gateway and Hive Gateway (through its JWKS) verify the bench's token with it.
  const signingKeys = process.env.AUTH_SIGNING_KEYS || JSON.stringify([await newSigningKey("ES256", `bench-${process.pid}`)]);
  const shared: Shared = {
    server,
    signingKeys,
    gatewaySecret: process.env.GATEWAY_SECRET || randomBytes(32).toString("hex"),
    token: await issueToken(STAFF, await loadSigningKeys(parseSigningKeys(signingKeys)), 4 * 3600),
  };
  if ((["hive", "hive-js"] as const).some((t) => SETTINGS.targets.includes(t)) && !hiveGatewayFolder())
    console.log("Hive Gateway is not installed in deploy/hive-gateway (npm ci there): its rounds are skipped.");
  console.log(
    `bench: ${SETTINGS.seconds} s rounds after ${SETTINGS.warmupSeconds} s warm-up, ${SETTINGS.connections} connections, ${SETTINGS.rounds} round(s) per target and scale, demo data ×${scales.join(", ×")}, ${os.cpus().length} cores`,
  );
  const graphs: ScaleGraph[] = [];
  const measurements = new Map<number, Measurement[]>(scales.map((scale) => [scale, []]));
  try {
    for (const scale of scales) graphs.push(await openScale(scale, shared));
    let turn = 0;
    for (const scenario of SCENARIOS.filter((s) => SETTINGS.scenarios.includes(s.name))) {
      for (const mode of SETTINGS.modes) {
        // Alternating rounds: which scale, and within it which target, goes first turns with every round, scenario and
        // mode (the first round after a new data version and after a quiet spell runs on colder processes).
        for (let round = 0; round < SETTINGS.rounds; round++, turn++) {
          for (const graph of rotated(graphs, turn)) {
            if (graph.skipped.includes(scenario.name)) continue;
            const endpoints = [...graph.gateways];
            if (scenario.singleSubgraph && SETTINGS.targets.includes("direct")) {
              endpoints.push({
                target: "direct",
                url: graph.context.subgraphs[scenario.singleSubgraph],
                headers: { "content-type": "application/json", [GATEWAY_PROOF_HEADER]: graph.proof },
                process: null,
              });
            }
            for (const endpoint of rotated(endpoints, turn)) {
              if (graphs.length > 1) process.stdout.write(`×${String(graph.scale).padEnd(4)}`);
              measurements.get(graph.scale)!.push(await measure(scenario, mode, endpoint, graph.context));
            }
          }
        }
      }
    }
  } finally {
    for (const graph of graphs) await graph.close();
    if (embedded) await embedded.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
  const at = new Date().toISOString();
  return graphs.map((graph) => ({
    at,
    scale: graph.scale,
    seconds: SETTINGS.seconds,
    connections: SETTINGS.connections,
    rounds: SETTINGS.rounds,
    cpus: os.cpus().length,
    node: process.version,
    hive: graph.hive,
    measurements: measurements.get(graph.scale)!,
  }));
}

async function main(): Promise<void> {
  const artifacts = path.join(ROOT, "artifacts");
  fs.mkdirSync(artifacts, { recursive: true });
  const runs = SETTINGS.scales.length ? await runScales(SETTINGS.scales) : [];
  for (const run of runs) {
    if (!SETTINGS.report) {
      fs.writeFileSync(path.join(artifacts, "bench-cpu.json"), `${JSON.stringify(run, null, 2)}\n`);
      console.log("\nwrote artifacts/bench-cpu.json");
      continue;
    }
    fs.writeFileSync(path.join(artifacts, `bench-${run.scale}x.json`), `${JSON.stringify(run, null, 2)}\n`);
    console.log(`wrote artifacts/bench-${run.scale}x.json`);
  }
  if (!SETTINGS.report) return;
  // The report puts this run's scales beside the latest runs at the other scales (artifacts/bench-<scale>x.json).
  const all = [1, 10, 100]
    .map((scale) => runs.find((r) => r.scale === scale) ?? readRun(path.join(artifacts, `bench-${scale}x.json`)))
    .filter((r): r is BenchRun => r !== null);
  const reportFile = path.join(ROOT, "bench", "REPORT.md");
  // The import section (npm run bench:import) is kept as that benchmark last wrote it.
  const importSection = fs.existsSync(reportFile) ? importSectionOf(fs.readFileSync(reportFile, "utf8")) : "";
  const rendered = renderReport(all, SCENARIOS);
  const report = importSection ? withImportSection(rendered, importSection) : rendered;
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(reportFile, report);
  if (all.length > 1) console.log(["", ...growthTable(all), ...growthTargets(all)].join("\n"));
  console.log(`\nwrote bench/REPORT.md (demo data ×${all.map((r) => r.scale).join(", ×")})`);
  const failed = runs.flatMap((r) => r.measurements.filter((m) => m.errors > 0).map((m) => `×${r.scale} ${m.scenario}/${m.mode}/${m.target}`));
  if (failed.length) {
    console.error(`${failed.length} round(s) had failed requests: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

function readRun(file: string): BenchRun | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as BenchRun;
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
