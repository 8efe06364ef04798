/**
 * `npm start`: the whole KTTT Graph on one machine. Starts PostgreSQL (embedded, unless
 * DATABASE_URL names a server), every subgraph with demo data, then the gateway, and keeps them
 * running: a service that exits unexpectedly is restarted with backoff while the others go on (the
 * gateway answers their fields meanwhile). A crash loop or a failing PostgreSQL stops everything, with
 * the reason; Ctrl-C stops everything in reverse order, PostgreSQL last. `npm run start:hive` (`--hive`):
 * the same subgraphs behind Hive Gateway with the router contract, and the token issuer beside it
 * (ISSUER_PORT, default 4005).
 */
import { envPrefix, FORMER_LOOKUP_ENV, lookupEnvName, redactUrl, SUBGRAPHS } from "@kttt/core";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { startHiveGateway, type RunningHiveGateway } from "./hive-gateway";
import { dashboardSignInLink, demoStaffToken, SIGN_IN_LINK_HOURS } from "./sign-in-link";
import { Supervisor } from "./supervisor";

const root = path.resolve(__dirname, "..", "..", "..");
const started = Date.now();

let embedded: EmbeddedServer | null = null;
const hive = process.argv.includes("--hive");
/** Hive Gateway, under `--hive`: started and stopped by the launcher, not restarted. */
let hiveGateway: RunningHiveGateway | null = null;
let stopping = false;
/** Each service's health check, to say when a restarted one answers again. */
const healthUrls = new Map<string, string>();

function say(message: string): void {
  console.log(`[kttt] ${message}`);
}

const supervisor = new Supervisor({
  log: say,
  giveUp: (reason) => void stopBecause(reason),
  restarted: (name, child) => {
    const since = Date.now();
    const url = healthUrls.get(name);
    if (!url) return;
    waitForHealth(name, url, child, 60_000).then(
      () => say(`${name} is answering again (${((Date.now() - since) / 1000).toFixed(1)} s after its restart).`),
      (error: unknown) => !stopping && say(`${name} after its restart: ${error instanceof Error ? error.message : String(error)}`),
    );
  },
});

async function waitForHealth(name: string, url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited (${child.signalCode ?? `code ${child.exitCode}`}) while starting`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Detached from the terminal's process group, so Ctrl-C reaches the launcher alone and it stops
  // the services in order; the IPC channel lets a service notice that the launcher was killed.
  return supervisor.add(name, () => spawn(process.execPath, [script], { cwd: root, env, stdio: ["ignore", "inherit", "inherit", "ipc"], detached: true }));
}

/** Whether PostgreSQL answers: said when a crash loop stops everything, as it is the usual cause. */
async function postgresProblem(url: string | undefined): Promise<string | null> {
  if (!url) return null;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL at ${redactUrl(url)} does not answer either (${error instanceof Error ? error.message : String(error)}): the services cannot work without it.`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let databaseUrl: string | undefined;

async function stopBecause(reason: string): Promise<void> {
  if (stopping) return;
  say(reason);
  const database = await postgresProblem(databaseUrl);
  if (database) say(database);
  await shutdown(1);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  supervisor.stop();
  say("stopping…");
  await hiveGateway?.stop();
  for (const { name, process: child } of supervisor.children().reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        say(`${name} did not stop in 10 s; killing it.`);
        child.kill("SIGKILL");
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }
  if (embedded) {
    await embedded.stop().catch((error: unknown) => say(`embedded PostgreSQL did not stop cleanly: ${String(error)}`));
    say("embedded PostgreSQL stopped.");
  }
  process.exit(code);
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? "true",
    // Without configured secrets, this run makes its own: nothing but this launcher's gateway can call
    // the subgraphs, and tokens must be signed with AUTH_JWT_SECRET (see README, Access).
    GATEWAY_SECRET: process.env.GATEWAY_SECRET || randomBytes(32).toString("hex"),
  };
  // ocop, trade promotion and policy support check the membership organisations (and trade promotion
  // the OCOP products) a write names through the gateway they are started with.
  const gatewayPort = env.GATEWAY_PORT ?? "4000";
  const issuerPort = env.ISSUER_PORT ?? "4005";
  if (hive) {
    // The router contract: the subgraphs let in the router's secret with a caller's token checked against the issuer's keys.
    env.ROUTER_SECRET ||= randomBytes(32).toString("hex");
    env.AUTH_JWKS_URL ||= `http://127.0.0.1:${issuerPort}/.well-known/jwks.json`;
  }
  for (const subgraph of ["ocop", "trade-promotion", "policy-support"]) {
    const name = lookupEnvName(subgraph);
    const former = FORMER_LOOKUP_ENV[name];
    // A setting under its former name still counts (the subgraph reads it, with a deprecation warning).
    if (!env[name] && !(former && env[former])) env[name] = `http://127.0.0.1:${gatewayPort}/graphql`;
  }
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
    embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DATA ?? path.join(root, ".data", "postgres"), port, log: say });
    env.DATABASE_URL = embedded.url;
    embedded.onUnexpectedExit((how, log) => {
      embedded = null;
      void stopBecause(
        `embedded PostgreSQL stopped unexpectedly (${how}); the services cannot work without it, so everything stops. Its last log lines:\n${log || "(none)"}`,
      );
    });
  } else {
    say("using the PostgreSQL server named by DATABASE_URL");
  }
  databaseUrl = env.DATABASE_URL;
  await Promise.all(
    SUBGRAPHS.map(async (subgraph) => {
      const child = startChild(subgraph.name, path.join(root, subgraph.dir, "dist", "main.js"), env);
      const own = env[`${envPrefix(subgraph.name)}_PORT`];
      const port = own ?? String(subgraph.port);
      // On a port of its own, the gateway (started after) must call it there, not where the supergraph says.
      if (own) env[`${envPrefix(subgraph.name)}_URL`] ??= `http://127.0.0.1:${own}/graphql`;
      healthUrls.set(subgraph.name, `http://127.0.0.1:${port}/health`);
      await waitForHealth(subgraph.name, healthUrls.get(subgraph.name)!, child);
    }),
  );
  // Signed with the key the gateway of this run verifies with: it gets the same env.
  const demoToken = await demoStaffToken(env);
  if (hive) return startHiveStack(env, gatewayPort, issuerPort, demoToken);
  if (demoToken) env.SANDBOX_TOKEN ??= demoToken;
  const gateway = startChild("gateway", path.join(root, "gateway", "dist", "main.js"), env);
  healthUrls.set("gateway", `http://127.0.0.1:${gatewayPort}/health`);
  await waitForHealth("gateway", healthUrls.get("gateway")!, gateway);
  say(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${gatewayPort}/ (the API explorer, which needs no Internet, Apollo Sandbox` +
      `${demoToken ? ", signed in as demo Alliance staff" : ""}, the dashboard); GraphQL endpoint http://localhost:${gatewayPort}/graphql. ` +
      `A service that stops unexpectedly is restarted; Ctrl-C stops everything.`,
  );
  for (const [label, page] of [
    ["Dashboard", `http://localhost:${gatewayPort}/dashboard/`],
    ["Explorer", `http://localhost:${gatewayPort}/explorer/`],
  ]) {
    const link = dashboardSignInLink(page, demoToken);
    if (link) say(`${label}: ${link}  (signed in as demo Alliance staff for ${SIGN_IN_LINK_HOURS} hours)`);
    else say(`${label}: ${page}  (sign in with your token or API key)`);
  }
}

async function startHiveStack(env: NodeJS.ProcessEnv, gatewayPort: string, issuerPort: string, demoToken: string | null): Promise<void> {
  const issuer = startChild("issuer", path.join(root, "gateway", "dist", "issuer-main.js"), env);
  healthUrls.set("issuer", `http://127.0.0.1:${issuerPort}/health`);
  await waitForHealth("issuer", healthUrls.get("issuer")!, issuer);
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, env[`${envPrefix(s.name)}_URL`] ?? `http://127.0.0.1:${env[`${envPrefix(s.name)}_PORT`] ?? s.port}/graphql`]),
  );
  hiveGateway = await startHiveGateway({
    port: Number(gatewayPort),
    subgraphUrls,
    jwksUrl: env.AUTH_JWKS_URL!,
    routerSecret: env.ROUTER_SECRET!,
    env: { ...env, NODE_ENV: env.NODE_ENV ?? "development" },
    output: "inherit",
  });
  hiveGateway.process.on("exit", (code, signal) => {
    if (!stopping) void stopBecause(`hive-gateway stopped unexpectedly (${signal ?? `code ${code}`}); everything stops.`);
  });
  say(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: Hive Gateway on http://localhost:${gatewayPort}/graphql (GraphiQL there in development), issuer on http://localhost:${issuerPort}. Ctrl-C stops everything.`,
  );
  if (demoToken) say(`Demo Alliance staff token for ${SIGN_IN_LINK_HOURS} hours (Authorization: Bearer …): ${demoToken}`);
}

main().catch((error: unknown) => {
  console.error(`[kttt] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1).finally(() => process.exit(1));
  if (!stopping) process.exit(1);
});
