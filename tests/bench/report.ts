/** bench/REPORT.md: the tables, the ratios and one met / not met line per target of issue 15. */
import type { Scenario } from "./scenarios";

export interface Measurement {
  scenario: string;
  mode: "varied" | "identical";
  target: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  errors: number;
  /** CPU milliseconds per request, by process: `gateway:<target>`, each subgraph, `postgresql` (its backends). */
  cpuMsPerRequest: Record<string, number>;
  peakRssMb: Record<string, number>;
  sqlStatementsPerRequest: number;
  responseBytes: number;
}

export interface BenchRun {
  at: string;
  scale: number;
  seconds: number;
  connections: number;
  rounds: number;
  cpus: number;
  node: string;
  hive: boolean;
  measurements: Measurement[];
}

const SUBGRAPH_COLUMNS = ["membership", "ocop", "trade-promotion", "policy-support", "postgresql"];

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const round1 = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : NaN);
const show = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "–" : String(round1(n)));

/** The rounds of one scenario, mode and target, averaged. */
function averaged(run: BenchRun, scenario: string, mode: string, target: string): Measurement | null {
  const rounds = run.measurements.filter((m) => m.scenario === scenario && m.mode === mode && m.target === target);
  if (!rounds.length) return null;
  const keys = [...new Set(rounds.flatMap((m) => Object.keys(m.cpuMsPerRequest)))];
  return {
    scenario,
    mode: mode as Measurement["mode"],
    target,
    requestsPerSecond: mean(rounds.map((m) => m.requestsPerSecond)),
    latencyMs: { p50: mean(rounds.map((m) => m.latencyMs.p50)), p99: mean(rounds.map((m) => m.latencyMs.p99)) },
    errors: rounds.reduce((s, m) => s + m.errors, 0),
    cpuMsPerRequest: Object.fromEntries(keys.map((k) => [k, mean(rounds.map((m) => m.cpuMsPerRequest[k] ?? 0))])),
    peakRssMb: Object.fromEntries(keys.map((k) => [k, Math.max(...rounds.map((m) => m.peakRssMb[k] ?? 0))])),
    sqlStatementsPerRequest: mean(rounds.map((m) => m.sqlStatementsPerRequest)),
    responseBytes: Math.max(...rounds.map((m) => m.responseBytes)),
  };
}

const targetsOf = (run: BenchRun) => [...new Set(run.measurements.map((m) => m.target))];
const modesOf = (run: BenchRun) => [...new Set(run.measurements.map((m) => m.mode))];
const scenariosOf = (run: BenchRun) => [...new Set(run.measurements.map((m) => m.scenario))];

function table(run: BenchRun): string[] {
  const lines = [
    "| scenario | mode | target | req/s | p50 ms | p99 ms | gateway CPU ms/req | membership | ocop | trade-promotion | policy-support | postgresql | SQL/req | response bytes | peak RSS MB (gateway / membership) | errors |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  ];
  for (const scenario of scenariosOf(run)) {
    for (const mode of modesOf(run)) {
      for (const target of targetsOf(run)) {
        const m = averaged(run, scenario, mode, target);
        if (!m) continue;
        // A round in which no request was answered has no latency and no CPU per request (not 0 ms, not the round's CPU).
        const answered = m.requestsPerSecond > 0;
        const perRequest = (n: number | undefined) => (answered ? show(n) : "–");
        const gateway = m.cpuMsPerRequest[`gateway:${target}`];
        const cells = SUBGRAPH_COLUMNS.map((c) => perRequest(m.cpuMsPerRequest[c]));
        lines.push(
          `| ${scenario} | ${mode} | ${target} | ${show(m.requestsPerSecond)} | ${perRequest(m.latencyMs.p50)} | ${perRequest(m.latencyMs.p99)} | ${target === "direct" ? "–" : perRequest(gateway)} | ${cells.join(" | ")} | ${show(m.sqlStatementsPerRequest)} | ${m.responseBytes} | ${target === "direct" ? "–" : show(m.peakRssMb[`gateway:${target}`])} / ${show(m.peakRssMb.membership)} | ${m.errors} |`,
        );
      }
    }
  }
  return lines;
}

function ratio(run: BenchRun, scenario: string, mode: string, a: string, b: string): number | null {
  const x = averaged(run, scenario, mode, a);
  const y = averaged(run, scenario, mode, b);
  return x && y && y.requestsPerSecond > 0 ? x.requestsPerSecond / y.requestsPerSecond : null;
}

const verdict = (met: boolean | null) => (met === null ? "**not measured**" : met ? "**met**" : "**not met**");

export function renderReport(runs: BenchRun[], scenarios: Scenario[]): string {
  const base = runs.find((r) => r.scale === 1) ?? runs[0];
  const out: string[] = [
    "# Benchmark report (`npm run bench`)",
    "",
    "Written by `tests/bench/run.ts`; do not edit by hand. Every process runs as in production (`NODE_ENV=production`,",
    "logs at warn), each in its own process, on the machine's PostgreSQL, signed in as Alliance staff. Load from",
    "autocannon on 127.0.0.1. **The machine is shared** (2 cores, other engineers' builds and tests run beside",
    "the benchmark): absolute req/s and latencies are noisy; the ratios between targets measured in alternating",
    "rounds and the CPU milliseconds per request are the figures to compare. Every round starts on cold aggregate caches",
    "(the bench bumps each subgraph's data version first, as a write does), so no target is served what another computed.",
    "The target that runs first turns with every round, scenario and mode: with the default two rounds each gateway opens one",
    "of a scenario's rounds (the first round after a quiet spell runs on colder processes). Every scale's graph runs at once and",
    "a scenario's rounds go to the scales in turn as well, so the growth targets compare rounds taken minutes apart, not a",
    "whole scale's run apart. Figures are the rounds' mean.",
    "",
    "Targets: `ours` is the project's gateway, `hive` Hive Gateway with its router runtime (deploy/hive-gateway,",
    "when installed: Hive Router's Rust query planner, @graphql-hive/router-runtime), `hive-js` the same with its",
    "JavaScript planner (when asked for), `direct` the subgraph itself, asked with a gateway proof. Mode `varied`: every request",
    "differs; `identical`: every client sends the same request at once. CPU ms/req is user + system time of",
    "each process (`/proc/<pid>/stat`) over the round, divided by the requests answered; `postgresql` is the",
    "backends serving the bench databases. SQL/req counts every statement the subgraphs sent for the sampled requests, sent one at a time before the round (their",
    "`db_statements_total` metric), transaction control excluded.",
    "",
    "## Scenarios",
    "",
    ...scenarios.map((s) => `- \`${s.name}\`: ${s.description}${s.singleSubgraph ? "; also run straight on the subgraph" : ""}.`),
    "",
  ];
  for (const run of runs) {
    out.push(
      `## Demo data ×${run.scale} (${run.at}: ${run.seconds} s rounds, ${run.connections} connections, ${run.rounds} round(s) per target, ${run.cpus} cores, Node ${run.node})`,
      "",
      ...table(run),
      "",
    );
    const ratios: string[] = [];
    for (const scenario of scenariosOf(run)) {
      for (const mode of modesOf(run)) {
        const hive = ratio(run, scenario, mode, "ours", "hive");
        const hiveJs = ratio(run, scenario, mode, "ours", "hive-js");
        const direct = ratio(run, scenario, mode, "ours", "direct");
        if (hive !== null) ratios.push(`- ${scenario} ${mode}: ours / hive = ${hive.toFixed(2)}×`);
        if (hiveJs !== null) ratios.push(`- ${scenario} ${mode}: ours / hive-js = ${hiveJs.toFixed(2)}×`);
        if (direct !== null) ratios.push(`- ${scenario} ${mode}: ours / direct = ${direct.toFixed(2)}×`);
      }
    }
    if (ratios.length) out.push("Ratios (req/s):", "", ...ratios, "");
  }

  out.push("## Targets", "");
  // 1. Ours at least as fast as Hive Gateway with its router runtime, everywhere: every scenario and mode at every scale.
  if (!runs.some((run) => run.hive))
    out.push(
      `- Our gateway ≥ 1.0× Hive Gateway (router runtime) in req/s on every scenario: ${verdict(null)} (Hive Gateway not installed in deploy/hive-gateway).`,
    );
  else {
    const pairs = runs.flatMap((run) =>
      scenariosOf(run)
        .flatMap((s) => modesOf(run).map((m) => [`${s} ${m} ×${run.scale}`, ratio(run, s, m, "ours", "hive")] as const))
        .filter(([, r]) => r !== null),
    );
    const worst = pairs.reduce((w, p) => (p[1]! < w[1]! ? p : w), pairs[0]);
    const scales = runs.filter((run) => run.hive).map((run) => `×${run.scale}`);
    out.push(
      `- Our gateway ≥ 1.0× Hive Gateway (router runtime) in req/s on every scenario, varied and identical (${scales.join(", ")}): ${verdict(pairs.every(([, r]) => r! >= 1))} (lowest: ${worst[0]} ${worst[1]!.toFixed(2)}×).`,
    );
  }
  // 2. Membership CPU per request on the cooperatives page.
  const page = averaged(base, "cooperativesPage", "varied", "ours");
  const membershipMs = page?.cpuMsPerRequest.membership;
  out.push(
    `- Subgraph CPU per request on the cooperatives page ≤ 15 ms at ×1 (membership, varied, through our gateway): ${verdict(membershipMs === undefined || base.scale !== 1 ? null : membershipMs <= 15)}${membershipMs !== undefined ? ` (${show(membershipMs)} ms; was ≈ 75 ms)` : ""}.`,
  );
  // 3. A single-subgraph operation through the gateway at least half as fast as direct.
  const single = scenariosOf(base)
    .flatMap((s) => modesOf(base).map((m) => [s, m, ratio(base, s, m, "ours", "direct")] as const))
    .filter(([, , r]) => r !== null);
  out.push(
    `- A single-subgraph operation through our gateway ≥ 0.5× the subgraph direct: ${verdict(single.length ? single.every(([, , r]) => r! >= 0.5) : null)}${single.length ? ` (${single.map(([s, m, r]) => `${s} ${m} ${r!.toFixed(2)}×`).join(", ")})` : ""}.`,
  );
  // 4 and 5. SQL statements per operation do not grow with the data; latency at ×100 against ×1.
  out.push(...growthTargets(runs), "");
  const growth = growthTable(runs);
  if (growth.length) out.push("## Growth with the data (varied, through our gateway)", "", ...growth);
  out.push("");
  return `${out.join("\n")}\n`;
}

/** The scenarios' figures at each scale the runs cover (varied requests through our gateway): one row per scenario. */
export function growthTable(runs: BenchRun[]): string[] {
  const base = runs.find((r) => r.scale === 1);
  if (runs.length < 2 || !base) return [];
  const others = runs.filter((r) => r !== base);
  const lines = [
    `| scenario | SQL/req ${runs.map((r) => `×${r.scale}`).join(" / ")} | p50 ms ${runs.map((r) => `×${r.scale}`).join(" / ")} | p50 vs ×1 ${others.map((r) => `×${r.scale}`).join(" / ")} |`,
    "| --- | --- | --- | --- |",
  ];
  for (const scenario of scenariosOf(base)) {
    const at = runs.map((r) => averaged(r, scenario, "varied", "ours"));
    if (at.some((m) => !m)) continue;
    // No request answered in the round: no latency to show (not 0 ms).
    const p50 = at.map((m) => (m!.requestsPerSecond > 0 ? m!.latencyMs.p50 : Infinity));
    lines.push(
      `| ${scenario} | ${at.map((m) => show(m!.sqlStatementsPerRequest)).join(" / ")} | ${p50.map((p) => (Number.isFinite(p) ? show(p) : "none answered")).join(" / ")} | ${p50
        .slice(1)
        .map((p) => (Number.isFinite(p) ? `${(p / p50[0]).toFixed(2)}×` : "–"))
        .join(" / ")} |`,
    );
  }
  return [...lines, ""];
}

/** Latency growth targets: a paged list within ±20% of its ×1 p50 at ×100, the overview within 4×. */
const PAGED_LISTS = ["cooperativesPage", "ocopCatalogue", "search"];

/** One met / not met line each: SQL statements identical at every scale run, each paged list and the overview at ×100. */
export function growthTargets(runs: BenchRun[]): string[] {
  const out: string[] = [];
  const base = runs.find((r) => r.scale === 1);
  const scales = runs.map((r) => r.scale);
  if (!base || scales.length < 2)
    out.push(
      `- SQL statements per operation identical at ×1, ×10 and ×100: ${verdict(null)} (only ×${scales.join(", ×")} run; BENCH_SCALES=1,10,100 runs all three).`,
    );
  else {
    const counts = (s: string) => runs.map((r) => averaged(r, s, "varied", "ours")?.sqlStatementsPerRequest).filter((n): n is number => n !== undefined);
    const compared = scenariosOf(base).filter((s) => s !== "mix" && counts(s).length === runs.length);
    const differing = compared.filter((s) => new Set(counts(s).map((n) => n.toFixed(1))).size > 1);
    out.push(
      `- SQL statements per operation identical at ×${scales.join(", ×")}: ${verdict(compared.length ? differing.length === 0 : null)}${differing.length ? ` (differ: ${differing.map((s) => `${s} ${counts(s).join(" / ")}`).join(", ")})` : ` (${compared.length} scenarios; the mix's writes are not repeated, so it is left out)`}${scales.length < 3 ? " (not every scale run)" : ""}.`,
    );
  }
  const hundred = runs.find((r) => r.scale === 100);
  // A round in which no request was answered has no latency: it counts as slower than any limit, not as 0 ms.
  const p50 = (r: BenchRun, s: string) => {
    const m = averaged(r, s, "varied", "ours");
    return !m ? undefined : m.requestsPerSecond > 0 ? m.latencyMs.p50 : Infinity;
  };
  const growth = (s: string) => {
    const [from, to] = base && hundred ? [p50(base, s), p50(hundred, s)] : [undefined, undefined];
    return from === undefined || to === undefined ? NaN : to / from;
  };
  const detail = (s: string, r: number) =>
    Number.isNaN(r)
      ? " (no ×1 and ×100 runs)"
      : Number.isFinite(r)
        ? ` (${r.toFixed(2)}×: ${show(p50(base!, s))} → ${show(p50(hundred!, s))} ms)`
        : ` (no request answered within a round at ×100; ${show(p50(base!, s))} ms at ×1)`;
  for (const s of PAGED_LISTS) {
    const r = growth(s);
    out.push(
      `- At ×100, ${s} (a paged list) within ±20% of its ×1 p50 latency (faster counts as within): ${verdict(Number.isNaN(r) ? null : r <= 1.2)}${detail(s, r)}.`,
    );
  }
  const overview = growth("overview");
  out.push(`- At ×100 the overview within 4× of its ×1 p50 latency: ${verdict(Number.isNaN(overview) ? null : overview <= 4)}${detail("overview", overview)}.`);
  return out;
}

/** The heading of the import section, which `npm run bench:import` writes and `npm run bench` keeps. */
export const IMPORT_SECTION = "Import (`npm run bench:import`)";

/** The import section of a report, from its heading to the next one (or the end); "" when it has none. */
export function importSectionOf(report: string): string {
  const start = report.indexOf(`\n## ${IMPORT_SECTION}\n`);
  if (start < 0) return "";
  const next = report.indexOf("\n## ", start + 1);
  return report.slice(start + 1, next < 0 ? undefined : next + 1).trimEnd() + "\n";
}

/** The report with its import section replaced by `section` (added at the end when it has none). */
export function withImportSection(report: string, section: string): string {
  const old = importSectionOf(report);
  const body = old ? report.replace(old, "") : report;
  return `${body.trimEnd()}\n\n${section.trimEnd()}\n`;
}
