/**
 * `npm run bench:import`: a 100,000-row organisations CSV (title block, Vietnamese headers and
 * values, as a register is saved) imported end to end — read and checked by the engine, checked by
 * membership in a dry run of every batch, then written — through the real gateway into a real
 * PostgreSQL (DATABASE_URL, or an embedded server). Prints rows per second and the peak memory of
 * this process (which reads the file and holds the rows' results); results in artifacts/bench-import.json.
 */
import "reflect-metadata";
import { createLogger, dropDatabase, loadGatewayConfig, loadServiceConfig, Role, signToken } from "@kttt/core";
import { startEmbeddedPostgres, type EmbeddedServer } from "@kttt/launcher";
import { startMembershipService } from "@kttt/membership";
import { startGateway } from "@kttt/gateway";
import { runImport } from "@kttt/spreadsheet";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

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

async function main(): Promise<void> {
  process.env.AUTH_JWT_SECRET ||= randomBytes(32).toString("hex");
  process.env.GATEWAY_SECRET ||= randomBytes(32).toString("hex");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-bench-import-"));
  let embedded: EmbeddedServer | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: Number(process.env.BENCH_PG_PORT ?? 54359) });
    server = embedded.url;
  }
  const env = { DATABASE_URL: server, DATABASE_PREFIX: "kttt_bench_import", NODE_ENV: "production", SEED_DEMO_DATA: "false", LOG_LEVEL: "warn" };
  const config = { ...loadServiceConfig("membership", env), port: 0 };
  await dropDatabase(config.databaseUrl);
  const membership = await startMembershipService(config, createLogger("membership", "silent"));
  const gateway = await startGateway({
    ...loadGatewayConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.server.url, RATE_LIMIT_PER_MINUTE: "1000000" }),
    port: 0,
  });
  const token = await signToken(
    { subject: "bench", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: "bench" },
    process.env.AUTH_JWT_SECRET,
    3600,
  );
  const file = path.join(dir, "organizations.csv");
  try {
    writeCsv(file);
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = process.hrtime.bigint();
    const report = await runImport({ file, kind: "organizations", gatewayUrl: gateway.url, token });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const [{ n }] = await membership.dataSource.query("SELECT count(*) AS n FROM organization");
    if (!report.written || report.counts.CREATED !== ROWS || Number(n) !== ROWS)
      throw new Error(`The import did not write every row: ${JSON.stringify(report.counts)}, ${n} in the table`);
    const again = process.hrtime.bigint();
    const repeat = await runImport({ file, kind: "organizations", gatewayUrl: gateway.url, token, dryRun: true });
    const repeatSeconds = Number(process.hrtime.bigint() - again) / 1e9;
    const result = {
      rows: ROWS,
      fileMegabytes: Number((fs.statSync(file).size / 1024 / 1024).toFixed(1)),
      seconds: Number(seconds.toFixed(2)),
      rowsPerSecond: Math.round(ROWS / seconds),
      reimportDryRunRowsPerSecond: Math.round(ROWS / repeatSeconds),
      reimportUnchanged: repeat.counts.UNCHANGED,
      peakRssMegabytes: Math.round(peakRss / 1024 / 1024),
    };
    console.log(
      `import ${ROWS} rows (${result.fileMegabytes} MB CSV): ${result.seconds} s, ${result.rowsPerSecond} rows/s end to end (checked, dry run, written); dry-run re-import ${result.reimportDryRunRowsPerSecond} rows/s, ${result.reimportUnchanged} unchanged; peak RSS ${result.peakRssMegabytes} MB`,
    );
    const out = path.resolve(__dirname, "..", "..", "..", "artifacts");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "bench-import.json"), `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, ...result }, null, 2)}\n`);
  } finally {
    await gateway.close();
    await membership.stop();
    await dropDatabase(config.databaseUrl);
    if (embedded) await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
