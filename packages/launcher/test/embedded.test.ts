/**
 * The embedded PostgreSQL of the quick start, really started in child processes (as the launcher
 * runs it): a port clash, and a server left running by a killed run.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { freePort, startEmbeddedChild } from "@kttt/testkit";

let dir: string;
let PORT: number;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-embedded-"));
  PORT = await freePort();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const runEmbedded = (dataDir: string, port: number = PORT) => startEmbeddedChild(dataDir, port);

const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

describe("embedded PostgreSQL", () => {
  it("says clearly when its port is taken", async () => {
    const blocker = net.createServer().listen(PORT, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const run = runEmbedded(path.join(dir, "clash"));
      await expect(run.ready).rejects.toThrow(/Port \d+ is already in use.*EMBEDDED_PG_PORT.*DATABASE_URL/su);
      expect(await run.exited).toBe(1);
    } finally {
      blocker.close();
    }
  });

  it("takes over from a server left running by a killed run, works, and stops cleanly", async () => {
    const dataDir = path.join(dir, "data");
    const first = runEmbedded(dataDir);
    await first.ready;
    // Killed outright, the first run cannot stop its PostgreSQL, which keeps the data directory.
    first.child.kill("SIGKILL");
    await first.exited;
    const leftover = postmasterPid(dataDir);
    expect(pidAlive(leftover)).toBe(true);

    const second = runEmbedded(dataDir);
    const url = await second.ready;
    expect(second.output.join("\n")).toMatch(new RegExp(`earlier run \\(pid ${leftover}\\)`, "u"));
    expect(pidAlive(leftover)).toBe(false);

    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS unaccent");
    const { rows } = await client.query("SELECT lower(unaccent('Hợp tác xã Đức Thọ')) AS folded, current_setting('server_encoding') AS encoding");
    expect(rows[0]).toEqual({ folded: "hop tac xa duc tho", encoding: "UTF8" });
    await client.end();

    const running = postmasterPid(dataDir);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(pidAlive(running)).toBe(false);
  });
});
