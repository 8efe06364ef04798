/**
 * `npm start`'s launcher on its embedded PostgreSQL (no DATABASE_URL: a fresh cluster on a free port
 * in a temporary folder): when PostgreSQL itself dies, restarting services cannot help, so the launcher
 * stops everything and says why, and exits 1 with no process of its left behind.
 */
import { freePort } from "@kttt/testkit";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startLauncher, type RunningLauncher } from "./launcher";

let dir: string;
let launcher: RunningLauncher;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-supervised-pg-"));
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA: path.join(dir, "postgres") };
  delete env.DATABASE_URL;
  launcher = await startLauncher(env, 120_000);
}, 150_000);

afterAll(async () => {
  await launcher?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("stops everything, saying PostgreSQL failed, when the embedded PostgreSQL dies", async () => {
  const { process: child } = launcher;
  const children = execFileSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number);
  const postmaster = Number(fs.readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  expect(children).toContain(postmaster);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  process.kill(postmaster, "SIGKILL");
  expect(await exited).toBe(1);
  const output = launcher.output();
  expect(output).toContain("[kttt] embedded PostgreSQL stopped unexpectedly (killed by SIGKILL); the services cannot work without it, so everything stops.");
  expect(output).toMatch(/\[kttt\] PostgreSQL at postgres:\/\/postgres:\*+@127\.0\.0\.1:\d+\/postgres does not answer either/u);
  expect(output).toContain("[kttt] stopping…");
  // No service was restarted in the meantime, and none was left running.
  expect(output).not.toContain("restarting it");
  for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
}, 60_000);
