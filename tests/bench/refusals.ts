/**
 * `npm run bench:refusals`: what a refusal costs. The same 2,000 cooperatives with their guarded details
 * (members, Alliance membership, figures, ratings, OCOP, support, trade), asked through our gateway by
 * Alliance staff (every field allowed) and by a department that may read none of the details (Sở Công
 * Thương: one FORBIDDEN error per guarded field per row, each refused field null). Prints the wall time
 * of each request, the CPU milliseconds of the gateway and of the subgraphs, the errors and the bytes; loopback only, bounded (BENCH_REFUSAL_REQUESTS, default 3).
 */
import "reflect-metadata";
import { issueToken, loadSigningKeys, newSigningKey, parseSigningKeys, Role, type Principal } from "@kttt/core";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startBenchGraph } from "./graph";
import { cpuMs } from "./probes";

const STAFF: Principal = { subject: "bench-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "bench" };
const REFUSED: Principal = { subject: "bench-so-ct", role: Role.DEPARTMENT, department: "SO_CT", adminUnitCode: null, name: "bench" };

const PAGES = 20;
const PAGE = /* GraphQL */ `
  id name
  allianceMembership { joinedOn isMember }
  financialReports { year revenue profit }
  financialReport(year: 2024) { revenue }
  classifications { year rating }
  classification(year: 2024) { rating }
  members(first: 3) { totalCount }
  ocopProducts(first: 3) { totalCount }
  supportReceived(first: 3) { totalCount }
  tradeParticipations(first: 3) { totalCount }`;

/** 20 pages of 100 cooperatives, one alias each, from the cursors a first walk collected. */
function query(cursors: (string | null)[]): string {
  const pages = cursors.map((after, k) => `p${k}: cooperatives(first: 100${after ? `, after: ${JSON.stringify(after)}` : ""}) { nodes { ${PAGE} } }`);
  return `query Refusals { ${pages.join("\n")} }`;
}

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error("Set DATABASE_URL (a PostgreSQL server) for bench:refusals.");
  const signingKeys = JSON.stringify([await newSigningKey("ES256", `bench-refusals-${process.pid}`)]);
  const prefix = `kttt_bench_refusals_${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: server,
    DATABASE_PREFIX: prefix,
    NODE_ENV: "production",
    SEED_DEMO_DATA: "true",
    LOG_LEVEL: "warn",
    AUTH_SIGNING_KEYS: signingKeys,
    GATEWAY_SECRET: randomBytes(32).toString("hex"),
    RATE_LIMIT_PER_MINUTE: "1000000",
  };
  const admin = new URL(server);
  admin.pathname = "/postgres";
  const pg = new Client({ connectionString: admin.toString() });
  await pg.connect();
  const graph = await startBenchGraph({ env, hive: [] });
  try {
    const keys = await loadSigningKeys(parseSigningKeys(signingKeys));
    const url = graph.targets[0].url;
    const processes = [
      { name: "gateway", pid: graph.targets[0].process!.pid! },
      ...Object.values(graph.subgraphs).map((s) => ({ name: s.name, pid: s.process.pid! })),
    ];
    const cpu = () => processes.map((p) => cpuMs(p.pid) ?? 0);
    const ask = async (principal: Principal, body: unknown) => {
      const token = await issueToken(principal, keys, 3600);
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return {
        ms: performance.now() - started,
        bytes: text.length,
        json: JSON.parse(text) as {
          data?: Record<string, { nodes: unknown[]; pageInfo?: { endCursor: string } }>;
          errors?: { extensions?: { code?: string } }[];
        },
      };
    };
    const cursors: (string | null)[] = [null];
    while (cursors.length < PAGES) {
      const page = await ask(STAFF, {
        query: `query($after: String) { cooperatives(first: 100, after: $after) { pageInfo { endCursor } } }`,
        variables: { after: cursors[cursors.length - 1] },
      });
      cursors.push(page.json.data!.cooperatives.pageInfo!.endCursor);
    }
    const body = { query: query(cursors) };
    const requests = Number(process.env.BENCH_REFUSAL_REQUESTS ?? 3);
    for (const [who, principal] of [
      ["staff (allowed)", STAFF],
      ["SO_CT (refused)", REFUSED],
    ] as const) {
      for (let k = 0; k < requests; k++) {
        const before = cpu();
        const { ms, bytes, json } = await ask(principal, body);
        const used = cpu()
          .map((after, i) => `${processes[i].name} ${Math.round(after - before[i])}`)
          .join(", ");
        const rows = Object.values(json.data ?? {}).reduce((n, p) => n + (p?.nodes.length ?? 0), 0);
        const forbidden = (json.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").length;
        console.log(
          `${who.padEnd(16)} ${rows} rows  ${String(Math.round(ms)).padStart(6)} ms  ${json.errors?.length ?? 0} errors (${forbidden} FORBIDDEN)  ${bytes} bytes  CPU ms: ${used}`,
        );
      }
    }
  } finally {
    await graph.stop();
    const { rows } = await pg.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of rows) await pg.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    await pg.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
