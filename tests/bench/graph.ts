/**
 * The graph under load, as production runs it: every subgraph and each gateway in a process of its
 * own (NODE_ENV=production, logs at warn), on free ports, on fresh demo databases. A gateway is a
 * target; the same subgraphs and the same committed supergraph serve every target.
 */
import { envPrefix, SUBGRAPHS } from "@kttt/core";
import { hiveGatewayInstalled, startHiveGateway } from "@kttt/launcher";
import { freePort } from "@kttt/testkit";
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface Service {
  name: string;
  url: string;
  process: ChildProcess;
}

export interface Target {
  /** `ours`, `hive`, or `direct` (straight to one subgraph, with a gateway proof). */
  name: string;
  url: string;
  /** The process that does the gateway's work (none for direct). */
  process: ChildProcess | null;
}

/** A subgraph's start, seeding included: loading ×100 on a shared machine takes minutes (BENCH_START_SECONDS). */
const START_TIMEOUT_MS = Number(process.env.BENCH_START_SECONDS ?? 900) * 1000;

export async function waitForHealth(name: string, url: string, child: ChildProcess, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** `node [--cpu-prof] script`; with BENCH_CPU_PROF=<dir> each process writes a profile there when it stops. */
export function node(name: string, script: string, env: NodeJS.ProcessEnv, cwd = ROOT): ChildProcess {
  const profile = process.env.BENCH_CPU_PROF;
  const args = profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`, `--cpu-prof-name=${name}.cpuprofile`, script] : [script];
  return spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
}

export interface BenchGraph {
  subgraphs: Record<string, Service>;
  targets: Target[];
  stop(): Promise<void>;
}

export interface BenchGraphOptions {
  env: NodeJS.ProcessEnv;
  /** Also start Hive Gateway from deploy/hive-gateway, when it is installed there: with its Rust router runtime (`hive`), with its JavaScript planner (`hive-js`). */
  hive: ("hive" | "hive-js")[];
}

/** Where Hive Gateway is installed for the benchmark (issue 16's folder), or null if it is not. */
export function hiveGatewayFolder(): string | null {
  return hiveGatewayInstalled() ? path.join(ROOT, "deploy", "hive-gateway") : null;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startBenchGraph(options: BenchGraphOptions): Promise<BenchGraph> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of [...children].reverse()) await stopProcess(child);
  };
  try {
    const gatewayPort = await freePort();
    // The subgraphs also answer Hive Gateway (the router contract): its secret, and our gateway's JWKS for callers' tokens.
    const routerSecret = randomBytes(32).toString("hex");
    const env: NodeJS.ProcessEnv = { ...options.env, ROUTER_SECRET: routerSecret, AUTH_JWKS_URL: `http://127.0.0.1:${gatewayPort}/.well-known/jwks.json` };
    // Writes of ocop, trade promotion and policy support look organisations up through our gateway.
    for (const name of ["OCOP_LOOKUP_URL", "TRADE_PROMOTION_LOOKUP_URL", "POLICY_SUPPORT_LOOKUP_URL"]) env[name] = `http://127.0.0.1:${gatewayPort}/graphql`;
    const subgraphs: Record<string, Service> = {};
    const startSubgraphs = () =>
      Promise.all(
        SUBGRAPHS.map(async (s) => {
          const port = await freePort();
          const child = node(s.name, path.join(ROOT, s.dir, "dist", "main.js"), { ...env, [`${envPrefix(s.name)}_PORT`]: String(port) });
          children.push(child);
          subgraphs[s.name] = { name: s.name, url: `http://127.0.0.1:${port}/graphql`, process: child };
          await waitForHealth(s.name, `http://127.0.0.1:${port}/health`, child);
        }),
      );
    // The first start loads the demo data; the measured processes start on the loaded databases, as in
    // production, without the loading's garbage in their heaps (at ×10 it showed as GC in every request).
    await startSubgraphs();
    for (const s of Object.values(subgraphs)) await stopProcess(s.process);
    children.length = 0;
    await startSubgraphs();
    const urls = Object.fromEntries(Object.values(subgraphs).map((s) => [`${envPrefix(s.name)}_URL`, s.url]));
    const ours = node("gateway", path.join(ROOT, "gateway", "dist", "main.js"), { ...env, ...urls, GATEWAY_PORT: String(gatewayPort) });
    children.push(ours);
    await waitForHealth("gateway", `http://127.0.0.1:${gatewayPort}/health`, ours);
    const targets: Target[] = [{ name: "ours", url: `http://127.0.0.1:${gatewayPort}/graphql`, process: ours }];
    for (const name of hiveGatewayInstalled() ? options.hive : []) {
      // deploy/hive-gateway's own configuration (gateway.config.ts), as `npm run start:hive` runs it.
      const hive = await startHiveGateway({
        port: await freePort(),
        subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
        jwksUrl: env.AUTH_JWKS_URL!,
        routerSecret,
        routerRuntime: name === "hive",
        // The same per-client rate limit as ours (the bench lifts it: one client sends everything).
        env: { NODE_ENV: env.NODE_ENV, LOG_LEVEL: env.LOG_LEVEL, RATE_LIMIT_PER_MINUTE: env.RATE_LIMIT_PER_MINUTE },
      });
      children.push(hive.process);
      targets.push({ name, url: hive.url, process: hive.process });
    }
    return { subgraphs, targets, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
