/**
 * `npm start`'s launcher, really started (on free ports, on the test PostgreSQL server), keeps the
 * stack running through a crash: a subgraph killed with SIGKILL is restarted by the launcher, which
 * says so; meanwhile the gateway answers the other subgraphs' fields and marks the missing part, and
 * /ready names the part that is down; within 10 s of the kill the answer is complete again. SIGTERM
 * to the launcher then still stops everything cleanly.
 */
import { SUBGRAPHS } from "@kttt/core";
import { graphql, runPrefix, serverUrl } from "@kttt/testkit";
import { execFileSync } from "node:child_process";
import { startLauncher, until as poll, type RunningLauncher } from "./launcher";

const QUERY = `{ membershipStatistics(year: 2024) { total { cooperativeCount } } adminUnits { code } ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`;

let launcher: RunningLauncher;
let gateway: string;

const until = <T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number) => poll(what, check, timeoutMs, () => launcher.output());

beforeAll(async () => {
  launcher = await startLauncher({ ...process.env, DATABASE_URL: serverUrl(), DATABASE_PREFIX: `${runPrefix()}launcher` });
  gateway = launcher.gateway;
}, 120_000);

afterAll(() => launcher?.stop());

/** The process of the launcher's membership subgraph (a child of the launcher). */
function membershipPid(): number {
  const pids = execFileSync("pgrep", ["-P", String(launcher.process.pid), "-f", "services/membership/dist/main.js"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number);
  expect(pids).toHaveLength(1);
  return pids[0];
}

describe("a supervised start", () => {
  it("restarts a killed subgraph: the others answer meanwhile, /ready names the part that is down, and the answer is complete again within 10 s", async () => {
    const complete = await graphql(`${gateway}/graphql`, QUERY);
    expect(complete.errors).toBeUndefined();
    const before = membershipPid();

    process.kill(before, "SIGKILL");
    const killedAt = Date.now();
    // While membership is down: ocop's field answers, membership's are marked missing.
    const partial = await until(
      "a partial answer",
      async () => {
        const res = await graphql(`${gateway}/graphql`, QUERY);
        return res.errors?.some((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE" && e.extensions?.serviceName === "membership") ? res : null;
      },
      10_000,
    );
    expect(partial.data?.ocopStatistics?.total?.activeProducts).toBe(0);
    expect(partial.data?.membershipStatistics ?? null).toBeNull();
    const ready = await until(
      "/ready naming membership",
      async () => {
        const res = await fetch(`${gateway}/ready`);
        const body = (await res.json()) as { status: string; checks: Record<string, string> };
        return res.status === 503 && body.checks["subgraph:membership"] !== "ok" ? body : null;
      },
      10_000,
    );
    expect(ready.status).toBe("not ready");
    expect(ready.checks["subgraph:membership"]).toBe(`unreachable at http://127.0.0.1:${launcher.ports.membership}/health`);
    for (const name of ["ocop", "trade-promotion", "policy-support"]) expect(ready.checks[`subgraph:${name}`]).toBe("ok");

    // Restarted by the launcher: the whole answer again, and /ready green, within 10 s of the kill.
    await until("a complete answer after the restart", async () => !(await graphql(`${gateway}/graphql`, QUERY)).errors, 10_000 - (Date.now() - killedAt));
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect((await fetch(`${gateway}/ready`)).status).toBe(200);
    expect(membershipPid()).not.toBe(before);
    const output = launcher.output();
    expect(output).toContain(
      "[kttt] membership stopped unexpectedly (killed by SIGKILL); restarting it in 0.5 s (exit 1 of 5 allowed within 60 s). The other services keep running.",
    );
    expect(output).toMatch(/\[kttt\] membership restarted \(pid \d+\)\./u);
    await until(
      "the launcher saying membership answers again",
      async () => /\[kttt\] membership is answering again \([0-9.]+ s after its restart\)\./u.test(launcher.output()),
      5000,
    );
  }, 60_000);

  it("still stops everything cleanly on SIGTERM", async () => {
    const { process: child } = launcher;
    const children = execFileSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
    expect(children).toHaveLength(SUBGRAPHS.length + 1);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const stoppedAt = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    const output = launcher.output();
    expect(output).not.toContain("did not stop in");
    // Stopping is not a crash: the one restart is the kill's above.
    expect(output.match(/stopped unexpectedly/gu)).toHaveLength(1);
    for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
