/**
 * The real `npm start` launcher (packages/launcher/dist/main.js) in a child process, on free ports,
 * for the tests of the supervised start: its output, a poll for a condition, and a clean stop.
 */
import { envPrefix, SUBGRAPHS } from "@kttt/core";
import { freePort } from "@kttt/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const LAUNCHER = path.resolve(__dirname, "..", "..", "packages", "launcher", "dist", "main.js");

export interface RunningLauncher {
  process: ChildProcess;
  /** Everything it and its services printed so far. */
  output(): string;
  /** The gateway's base URL (no path). */
  gateway: string;
  /** The port of each subgraph, by name. */
  ports: Record<string, number>;
  /** SIGTERM, if still running, and wait for the exit. */
  stop(): Promise<void>;
}

/** Polls `check` every 50 ms until it gives a value, or fails after `timeoutMs` with `output()` in the message. */
export async function until<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs: number,
  output: () => string = () => "",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s. Launcher output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the launcher with `env` (without SEED_DEMO_DATA, empty databases) and waits until it says it is ready. */
export async function startLauncher(env: NodeJS.ProcessEnv, readyWithinMs = 90_000): Promise<RunningLauncher> {
  const gatewayPort = await freePort();
  const ports: Record<string, number> = {};
  const portEnv: Record<string, string> = { GATEWAY_PORT: String(gatewayPort) };
  for (const s of SUBGRAPHS) {
    ports[s.name] = await freePort();
    portEnv[`${envPrefix(s.name)}_PORT`] = String(ports[s.name]);
  }
  const child = spawn(process.execPath, [LAUNCHER], {
    env: { SEED_DEMO_DATA: "false", NODE_ENV: "development", LOG_LEVEL: "warn", ...env, ...portEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  await until(
    "the launcher says it is ready",
    () => output.includes("[kttt] ready in") || child.exitCode !== null,
    readyWithinMs,
    () => output,
  );
  if (child.exitCode !== null) throw new Error(`the launcher exited with code ${child.exitCode}:\n${output}`);
  return {
    process: child,
    output: () => output,
    gateway: `http://127.0.0.1:${gatewayPort}`,
    ports,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
