/**
 * Starts Hive Gateway with the project's configuration (deploy/hive-gateway/gateway.config.ts) as a child
 * process on a given port, in front of given subgraph URLs: for `npm run start:hive`, the end-to-end
 * tests against both gateways, and the benchmark. Hive Gateway is installed apart from the workspaces
 * (`npm ci --prefix deploy/hive-gateway`), so product installs stay lean.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { envPrefix } from "@kttt/core";

export const HIVE_GATEWAY_DIR = path.resolve(__dirname, "..", "..", "..", "deploy", "hive-gateway");
const BIN = path.join(HIVE_GATEWAY_DIR, "node_modules", ".bin", "hive-gateway");

export interface HiveGatewayOptions {
  port: number;
  host?: string;
  /** Subgraph name → its GraphQL URL (the supergraph's own URLs for those left out). */
  subgraphUrls: Record<string, string>;
  /** The issuer's public keys, which callers' tokens are verified with. */
  jwksUrl: string;
  /** The static header every subgraph request carries (the subgraphs' ROUTER_SECRET). */
  routerSecret: string;
  /** More of its environment: NODE_ENV, SUBGRAPH_TIMEOUT_MS, INTROSPECTION. */
  env?: NodeJS.ProcessEnv;
  /** Where its output goes (default: dropped, except what it printed before failing to start). */
  output?: "inherit" | "pipe";
  supergraphPath?: string;
  /** Hive Router's Rust query planner (@graphql-hive/router-runtime; the default) or Hive Gateway's JavaScript planner (false). */
  routerRuntime?: boolean;
}

export interface RunningHiveGateway {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** True when Hive Gateway is installed (CI and `npm run start:hive` install it; a plain `npm ci` does not). */
export function hiveGatewayInstalled(): boolean {
  return fs.existsSync(BIN);
}

export async function startHiveGateway(options: HiveGatewayOptions): Promise<RunningHiveGateway> {
  if (!hiveGatewayInstalled()) throw new Error("Hive Gateway is not installed: run `npm ci --prefix deploy/hive-gateway` first.");
  const host = options.host ?? "127.0.0.1";
  const urls = Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, url]) => [`${envPrefix(name)}_URL`, url]));
  const supergraph = options.supergraphPath ?? path.resolve(HIVE_GATEWAY_DIR, "..", "..", "gateway", "supergraph.graphql");
  const child = spawn(BIN, ["supergraph", supergraph, "-c", "gateway.config.ts", "--port", String(options.port), "--host", host], {
    cwd: HIVE_GATEWAY_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      ...options.env,
      ...(options.routerRuntime === false ? { HIVE_ROUTER_RUNTIME: "false" } : {}),
      ...urls,
      AUTH_JWKS_URL: options.jwksUrl,
      ROUTER_SECRET: options.routerSecret,
    },
    stdio: ["ignore", options.output === "inherit" ? "inherit" : "pipe", options.output === "inherit" ? "inherit" : "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.length < 200 && output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.length < 200 && output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited with code ${child.exitCode} while starting:\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Hive Gateway did not answer ${url}/health within 60 s:\n${output.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${url}/graphql`,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(timer);
    },
  };
}
