/** bench/REPORT.md's verdicts: a round in which no request was answered is never read as 0 ms. */
import { growthTargets, renderReport, type BenchRun, type Measurement } from "../bench/report";

function measurement(scenario: string, requestsPerSecond: number, p50: number): Measurement {
  return {
    scenario,
    mode: "varied",
    target: "ours",
    requestsPerSecond,
    latencyMs: { p50, p99: p50 * 2 },
    errors: 0,
    cpuMsPerRequest: { "gateway:ours": requestsPerSecond > 0 ? 3 : 330, membership: 2, postgresql: requestsPerSecond > 0 ? 10 : 21790 },
    peakRssMb: { "gateway:ours": 200, membership: 150 },
    sqlStatementsPerRequest: 10,
    responseBytes: 5000,
  };
}

function run(scale: number, measurements: Measurement[]): BenchRun {
  return { at: "2026-11-30T00:00:00.000Z", scale, seconds: 8, connections: 20, rounds: 1, cpus: 2, node: "v20", hive: false, measurements };
}

const SCENARIOS = ["overview", "cooperativesPage", "ocopCatalogue", "search"];

describe("bench report", () => {
  it("calls a target not met when no request was answered at ×100, and shows no latency for that round", () => {
    const base = run(
      1,
      SCENARIOS.map((s) => measurement(s, 60, 300)),
    );
    const hundred = run(100, [measurement("overview", 0, 0), ...SCENARIOS.slice(1).map((s) => measurement(s, 55, 320))]);
    const lines = growthTargets([base, hundred]);
    const overview = lines.find((l) => l.includes("the overview within 4×"))!;
    expect(overview).toContain("**not met**");
    expect(overview).toContain("no request answered");
    expect(lines.find((l) => l.includes("cooperativesPage"))).toContain("**met** (1.07×");
    const report = renderReport([base, hundred], []);
    const row = report.split("\n").find((l) => l.startsWith("| overview | varied | ours | 0 |"))!;
    expect(row).toBeDefined();
    expect(row).not.toContain("21790");
    expect(report).toContain("| overview | 10 / 10 | 300 / none answered | – |");
  });

  it("compares latencies when every round was answered", () => {
    const base = run(
      1,
      SCENARIOS.map((s) => measurement(s, 60, 300)),
    );
    const hundred = run(
      100,
      SCENARIOS.map((s) => measurement(s, 20, s === "overview" ? 1500 : 400)),
    );
    const lines = growthTargets([base, hundred]);
    expect(lines.find((l) => l.includes("the overview within 4×"))).toContain("**not met** (5.00×: 300 → 1500 ms)");
    expect(lines.find((l) => l.includes("search"))).toContain("**not met** (1.33×");
  });

  it("judges ours against Hive Gateway at every scale measured, not only ×1", () => {
    const pair = (scenario: string, ours: number, hive: number): Measurement[] => [
      measurement(scenario, ours, 100),
      { ...measurement(scenario, hive, 100), target: "hive" },
    ];
    const withHive = (scale: number, measurements: Measurement[]): BenchRun => ({ ...run(scale, measurements), hive: true });
    const target = (runs: BenchRun[]) =>
      renderReport(runs, [])
        .split("\n")
        .find((l) => l.startsWith("- Our gateway ≥ 1.0× Hive Gateway"))!;
    const one = withHive(1, [...pair("overview", 60, 50), ...pair("search", 200, 100)]);
    expect(target([one])).toContain("(×1): **met** (lowest: overview varied ×1 1.20×)");
    const slowerAtHundred = withHive(100, [...pair("overview", 9, 10), ...pair("search", 150, 100)]);
    expect(target([one, slowerAtHundred])).toContain("(×1, ×100): **not met** (lowest: overview varied ×100 0.90×)");
  });
});
