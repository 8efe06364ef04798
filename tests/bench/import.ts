/**
 * `npm run bench:import`: a 100,000-row organisations CSV (title block, Vietnamese headers and
 * values, as a register is saved) imported end to end — streamed and checked by the engine, then
 * written batch by batch by membership's importOrganizations — through the real gateway into a real
 * PostgreSQL (DATABASE_URL, or an embedded server), then imported again (every row unchanged).
 * Membership and the gateway run in processes of their own, as in production, so their CPU time is
 * read from /proc (less noisy than rows/s on a shared machine) and membership's SQL statements from
 * its metrics. Prints rows per second, CPU milliseconds per 1,000 rows by process, SQL statements per
 * batch and the peak memory of the engine; writes artifacts/bench-import.json and the import section
 * of bench/REPORT.md. BENCH_CPU_PROF=<dir> writes a CPU profile of each process there.
 */
import "reflect-metadata";
import { databaseUrlFor, dropDatabase, issueToken, loadSigningKeys, newSigningKey, parseSigningKeys, Role } from "@kttt/core";
import { startEmbeddedPostgres, type EmbeddedServer } from "@kttt/launcher";
import { BATCH_BYTES, BATCH_ROWS, runImport, type ImportReport } from "@kttt/spreadsheet";
import { freePort } from "@kttt/testkit";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { node, ROOT, stopProcess, waitForHealth } from "./graph";
import { statementsSent, UsageWatch, type ProcessUsage } from "./probes";
import { IMPORT_SECTION, withImportSection } from "./report";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const UNITS = ["Huyện Hương Sơn", "Huyện Đức Thọ", "Huyện Can Lộc", "Huyện Hương Khê", "Huyện Thạch Hà", "Huyện Cẩm Xuyên", "Thị xã Hồng Lĩnh"];
const SECTORS = [
  "Nông, lâm, ngư, diêm nghiệp",
  "Công nghiệp - tiểu thủ công nghiệp, điện",
  "Thương mại, dịch vụ tổng hợp, quản lý chợ, dịch vụ khác",
  "Vận tải",
];

function writeCsv(file: string): void {
  const out = fs.openSync(file, "w");
  const lines: string[] = [
    "\uFEFFDANH SÁCH HỢP TÁC XÃ (số liệu thử nghiệm hiệu năng)",
    "",
    "STT,Tên hợp tác xã,Loại hình,Mã số thuế,Huyện,Lĩnh vực,Tình trạng,Ngày thành lập,Địa chỉ",
  ];
  for (let i = 0; i < ROWS; i += 1) {
    const unit = UNITS[i % UNITS.length];
    lines.push(
      `${i + 1},Hợp tác xã Dịch vụ Tổng hợp Số ${i + 1},HTX,${String(3100000000 + i)},${unit},"${SECTORS[i % SECTORS.length]}",Tạm ngừng hoạt động,${(i % 28) + 1}/${(i % 12) + 1}/${2000 + (i % 24)},"Thôn ${i % 20}, ${unit}"`,
    );
    if (lines.length >= 10_000) {
      fs.writeSync(out, `${lines.join("\r\n")}\r\n`);
      lines.length = 0;
    }
  }
  fs.writeSync(out, `${lines.join("\r\n")}\r\n`);
  fs.closeSync(out);
}

/** The engine's own CPU (this process) and its largest resident memory over a run. */
function engineWatch(): () => ProcessUsage {
  const cpu = process.cpuUsage();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return () => {
    clearInterval(timer);
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000, peakRssMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024) };
  };
}

interface Pass {
  seconds: number;
  rowsPerSecond: number;
  /** CPU milliseconds per 1,000 rows: the engine (this process), membership, the gateway, PostgreSQL's backends. */
  cpuMsPer1000Rows: Record<string, number>;
  peakRssMb: Record<string, number>;
  /** Calls of importOrganizations (each up to BATCH_ROWS rows and BATCH_BYTES bytes). */
  batches: number;
  sqlStatementsPerBatch: number;
  counts: ImportReport["counts"];
}

async function main(): Promise<void> {
  const signingKeys = JSON.stringify([await newSigningKey("ES256", `bench-import-${process.pid}`)]);
  const gatewaySecret = randomBytes(32).toString("hex");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-bench-import-"));
  let embedded: EmbeddedServer | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: Number(process.env.BENCH_PG_PORT ?? 54359) });
    server = embedded.url;
  }
  const prefix = `kttt_bench_import_${process.pid}`;
  const [membershipPort, gatewayPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: server,
    DATABASE_PREFIX: prefix,
    NODE_ENV: "production",
    SEED_DEMO_DATA: "false",
    LOG_LEVEL: "warn",
    AUTH_SIGNING_KEYS: signingKeys,
    AUTH_JWKS_URL: `http://127.0.0.1:${gatewayPort}/.well-known/jwks.json`,
    GATEWAY_SECRET: gatewaySecret,
    RATE_LIMIT_PER_MINUTE: "1000000",
  };
  const databases = [databaseUrlFor("membership", env), databaseUrlFor("gateway", env)];
  const membershipUrl = `http://127.0.0.1:${membershipPort}/graphql`;
  const membership = node("membership", path.join(ROOT, "services", "membership", "dist", "main.js"), { ...env, MEMBERSHIP_PORT: String(membershipPort) });
  const gateway = node("gateway", path.join(ROOT, "gateway", "dist", "main.js"), { ...env, MEMBERSHIP_URL: membershipUrl, GATEWAY_PORT: String(gatewayPort) });
  const admin = new URL(server);
  admin.pathname = "/postgres";
  const pg = new Client({ connectionString: admin.toString(), application_name: "kttt-bench-import" });
  await pg.connect();
  const file = path.join(dir, "organizations.csv");
  try {
    await waitForHealth("membership", `http://127.0.0.1:${membershipPort}/health`, membership);
    await waitForHealth("gateway", `http://127.0.0.1:${gatewayPort}/health`, gateway);
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const token = await issueToken(
      { subject: "bench", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: "bench" },
      await loadSigningKeys(parseSigningKeys(signingKeys)),
      3600,
    );
    writeCsv(file);
    const pass = async (): Promise<Pass> => {
      const watch = new UsageWatch(
        [
          { name: "membership", pid: membership.pid! },
          { name: "gateway", pid: gateway.pid! },
        ],
        pg,
        prefix,
        false,
      );
      const statements = await statementsSent(membershipUrl, gatewaySecret);
      await watch.begin();
      const engine = engineWatch();
      const started = process.hrtime.bigint();
      const report = await runImport({ file, kind: "organizations", gatewayUrl, token });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = { engine: engine(), ...(await watch.end()) };
      return {
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(ROWS / seconds),
        cpuMsPer1000Rows: Object.fromEntries(Object.entries(usage).map(([name, u]) => [name, Math.round((u.cpuMs / ROWS) * 1000)])),
        peakRssMb: Object.fromEntries(Object.entries(usage).map(([name, u]) => [name, u.peakRssMb])),
        batches: report.batches,
        sqlStatementsPerBatch: Number((((await statementsSent(membershipUrl, gatewaySecret)) - statements) / report.batches).toFixed(1)),
        counts: report.counts,
      };
    };
    const first = await pass();
    const written = new Client({ connectionString: databases[0] });
    await written.connect();
    const [{ n }] = (await written.query<{ n: string }>("SELECT count(*) AS n FROM organization")).rows;
    await written.end();
    if (first.counts.CREATED !== ROWS || Number(n) !== ROWS)
      throw new Error(`The import did not write every row: ${JSON.stringify(first.counts)}, ${n} in the table`);
    const again = await pass();
    if (again.counts.UNCHANGED !== ROWS) throw new Error(`The second import did not find every row unchanged: ${JSON.stringify(again.counts)}`);
    const result = {
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      node: process.version,
      rows: ROWS,
      batchRows: BATCH_ROWS,
      fileMegabytes: Number((fs.statSync(file).size / 1024 / 1024).toFixed(1)),
      first,
      again,
    };
    const cpu = (p: Pass) =>
      Object.entries(p.cpuMsPer1000Rows)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(", ");
    console.log(
      `import ${ROWS} rows (${result.fileMegabytes} MB CSV): ${first.seconds} s, ${first.rowsPerSecond} rows/s end to end (streamed, checked, written); ` +
        `CPU ms per 1,000 rows: ${cpu(first)}; ${first.sqlStatementsPerBatch} SQL statements per batch (${first.batches} batches of up to ${BATCH_ROWS} rows and ${BATCH_BYTES / 1000} kB); peak RSS engine ${first.peakRssMb.engine} MB, membership ${first.peakRssMb.membership} MB`,
    );
    console.log(`re-import: ${again.seconds} s, ${again.rowsPerSecond} rows/s, ${again.counts.UNCHANGED} unchanged; CPU ms per 1,000 rows: ${cpu(again)}`);
    const out = path.join(ROOT, "artifacts");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "bench-import.json"), `${JSON.stringify(result, null, 2)}\n`);
    const reportFile = path.join(ROOT, "bench", "REPORT.md");
    const before = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, "utf8") : "# Benchmark report\n";
    fs.writeFileSync(reportFile, withImportSection(before, importSection(result)));
    console.log(`wrote artifacts/bench-import.json and the "${IMPORT_SECTION}" section of bench/REPORT.md`);
  } finally {
    await stopProcess(gateway);
    await stopProcess(membership);
    await pg.end();
    for (const url of databases) await dropDatabase(url);
    if (embedded) await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The import section of bench/REPORT.md, with its met / not met line (issue 14: ≥ 10,000 rows/s end to end). */
function importSection(r: {
  at: string;
  cpus: number;
  node: string;
  rows: number;
  batchRows: number;
  fileMegabytes: number;
  first: Pass;
  again: Pass;
}): string {
  const row = (name: string, p: Pass) =>
    `| ${name} | ${p.seconds} | ${p.rowsPerSecond} | ${p.cpuMsPer1000Rows.engine} | ${p.cpuMsPer1000Rows.membership} | ${p.cpuMsPer1000Rows.gateway} | ${p.cpuMsPer1000Rows.postgresql ?? "–"} | ${p.sqlStatementsPerBatch} | ${p.peakRssMb.engine} / ${p.peakRssMb.membership} / ${p.peakRssMb.gateway} |`;
  const cpuBound = Math.round(
    1_000_000 /
      (r.first.cpuMsPer1000Rows.engine + r.first.cpuMsPer1000Rows.membership + r.first.cpuMsPer1000Rows.gateway + (r.first.cpuMsPer1000Rows.postgresql ?? 0)),
  );
  return [
    `## ${IMPORT_SECTION}`,
    "",
    `Written by \`npm run bench:import\` (tests/bench/import.ts), ${r.at}: a ${r.rows}-row organisations CSV (${r.fileMegabytes} MB, title block, Vietnamese headers) ` +
      `streamed and checked by the engine, written by membership's importOrganizations in ${r.first.batches} batches (up to ${r.batchRows} rows and ${BATCH_BYTES / 1000} kB of JSON each) through our gateway into PostgreSQL, all in one import session (one transaction, committed when every row was valid), ` +
      `then imported again (every row unchanged). ${r.cpus} cores, Node ${r.node}, the machine shared: CPU ms per 1,000 rows is the steadier figure.`,
    "",
    "| pass | seconds | rows/s | engine CPU ms / 1,000 rows | membership | gateway | postgresql | SQL statements / batch | peak RSS MB (engine / membership / gateway) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    row("import (created)", r.first),
    row("re-import (unchanged)", r.again),
    "",
    `- A ${r.rows}-row organisations CSV checked and written at ≥ 10,000 rows/s end to end: **${r.first.rowsPerSecond >= 10_000 ? "met" : "not met"}** ` +
      `(${r.first.rowsPerSecond} rows/s; the CPU the four processes spent would allow about ${cpuBound} rows/s on one free core).`,
    "",
  ].join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
