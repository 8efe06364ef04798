/**
 * A service process stops by itself on SIGTERM or SIGINT (what the launcher, a service manager or a
 * terminal sends): it finishes, closes its pool and exits 0 well within the launcher's 10-second grace
 * period, after which the launcher would kill it. Apollo Server's own signal handling is off; the
 * process's lifecycle is `runUntilStopped`'s.
 */
import { ANONYMOUS, GATEWAY_PROOF_HEADER } from "@kttt/core";
import { createTestDatabase, freePort, proofFor, type TestDatabase } from "@kttt/testkit";
import { spawn } from "node:child_process";
import path from "node:path";

const MAIN = path.resolve(__dirname, "..", "..", "services", "membership", "dist", "main.js");
/** The launcher's grace period: a process still running after it is killed. */
const LAUNCHER_GRACE_MS = 10_000;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("membership", "demo");
});
afterAll(() => database?.drop());

it.each(["SIGTERM", "SIGINT"] as const)(
  "stops by itself on %s, with a client's connection still open, and exits 0",
  async (signal) => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, MEMBERSHIP_DATABASE_URL: database.url, MEMBERSHIP_PORT: String(port), LOG_LEVEL: "warn", NODE_ENV: "development" },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, sig) => resolve({ code, signal: sig })),
    );
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    // A request through a kept-alive connection, as the gateway's are.
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_PROOF_HEADER]: await proofFor(ANONYMOUS) },
      body: JSON.stringify({ query: "{ adminUnits { code } }" }),
    });
    expect(res.status).toBe(200);
    child.kill(signal);
    const outcome = await Promise.race([exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), LAUNCHER_GRACE_MS).unref())]);
    if (outcome === "still running") child.kill("SIGKILL");
    expect({ outcome, output }).toEqual({ outcome: { code: 0, signal: null }, output: expect.stringContaining(`${signal} received`) });
  },
  30_000,
);
