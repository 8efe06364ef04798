/**
 * The launcher's supervisor with real child processes: one that exits is started again after a
 * pause that doubles, each time logged; five exits within the window are a crash loop, which gives up
 * with the reason; after stop() nothing is restarted.
 */
import { spawn } from "node:child_process";
import { Supervisor } from "../src/supervisor";

/** A process that exits with `code` at once. */
const exiting = (code: number) => () => spawn(process.execPath, ["-e", `process.exit(${code})`], { stdio: "ignore" });

function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = () => (check() ? resolve() : Date.now() > deadline ? reject(new Error("condition not met in time")) : setTimeout(tick, 20));
    tick();
  });
}

it("restarts a process that exits, with doubling pauses, and gives up on a crash loop with the reason", async () => {
  const log: string[] = [];
  const restarts: number[] = [];
  let reason: string | null = null;
  const supervisor = new Supervisor({
    log: (m) => log.push(m),
    giveUp: (r) => (reason = r),
    firstDelayMs: 20,
    maxDelayMs: 80,
    maxExits: 5,
    windowMs: 60_000,
    restarted: (_name, child) => restarts.push(child.pid!),
  });
  supervisor.add("ocop", exiting(3));
  await until(() => reason !== null);
  expect(restarts).toHaveLength(4);
  expect(new Set(restarts).size).toBe(4);
  const pauses = log.filter((m) => m.startsWith("ocop stopped unexpectedly")).map((m) => /restarting it in ([0-9.]+) s/u.exec(m)![1]);
  expect(pauses).toEqual(["0.0", "0.0", "0.1", "0.1"]);
  expect(log[0]).toBe("ocop stopped unexpectedly (exit code 3); restarting it in 0.0 s (exit 1 of 5 allowed within 60 s). The other services keep running.");
  expect(log.filter((m) => /^ocop restarted \(pid \d+\)\.$/u.test(m))).toHaveLength(4);
  expect(reason).toBe(
    "ocop exited 5 times within 60 s (last: exit code 3); that is a crash loop, not a hiccup, so everything stops. Its log above says why it exits.",
  );
});

it("forgets exits older than the window, so a rare crash never adds up to a crash loop", async () => {
  let reason: string | null = null;
  let restarts = 0;
  const supervisor = new Supervisor({
    log: () => undefined,
    giveUp: (r) => (reason = r),
    firstDelayMs: 10,
    maxDelayMs: 10,
    maxExits: 2,
    windowMs: 50,
    restarted: () => restarts++,
  });
  // Exits 100 ms apart: never two within 50 ms.
  supervisor.add("membership", () => spawn(process.execPath, ["-e", "setTimeout(() => process.exit(1), 100)"], { stdio: "ignore" }));
  await until(() => restarts >= 3);
  supervisor.stop();
  expect(reason).toBeNull();
});

it("restarts nothing once stopped, and lists the processes now running", async () => {
  const log: string[] = [];
  const supervisor = new Supervisor({ log: (m) => log.push(m), giveUp: () => undefined, firstDelayMs: 50 });
  const child = supervisor.add("gateway", () => spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" }));
  expect(supervisor.children()).toEqual([{ name: "gateway", process: child }]);
  supervisor.stop();
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  await new Promise((r) => setTimeout(r, 150));
  expect(log).toEqual([]);
  expect(supervisor.children()[0].process).toBe(child);
});
