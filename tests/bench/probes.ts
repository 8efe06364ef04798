/**
 * What each process spends on a run, read from outside it: CPU time and memory from /proc (Linux),
 * PostgreSQL backends by the databases they serve, SQL statements from each subgraph's metrics.
 * Reading from outside measures the process as it runs in production, with nothing added to it.
 */
import fs from "node:fs";
import { Client } from "pg";
import { GATEWAY_SECRET_HEADER } from "@kttt/core";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux build this runs on). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces: the fields after it start at the last ')'.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** User + system CPU milliseconds a process has used so far; null when it is gone. */
export function cpuMs(pid: number): number | null {
  const fields = statFields(pid);
  if (!fields) return null;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** A process and every process below it (a gateway that forks workers counts as one). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const tree: number[] = [];
  const visit = (p: number) => {
    tree.push(p);
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return tree;
}

/** Resident memory of a process in MB; 0 when it is gone. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/u.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export interface WatchedProcess {
  name: string;
  pid: number;
}

export interface ProcessUsage {
  cpuMs: number;
  peakRssMb: number;
}

/**
 * Watches processes (with their children) and the PostgreSQL backends of databases whose names start
 * with `databasePrefix` during one run: CPU used and the largest resident memory seen. Backends that
 * open during the run count from zero; one that closes between two samples loses its last ≤ 200 ms.
 */
export class UsageWatch {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly owner = new Map<number, string>();
  private readonly database = new Map<number, string>();
  private readonly peak = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly processes: WatchedProcess[],
    private readonly pg: Client,
    private readonly databasePrefix: string,
    /** Count the processes' children too (a scan of /proc each sample: costly for a process that watches itself). */
    private readonly withChildren = true,
  ) {}

  private async backends(): Promise<{ pid: number; datname: string }[]> {
    const { rows } = await this.pg.query<{ pid: number; datname: string }>(
      "SELECT pid, datname FROM pg_stat_activity WHERE starts_with(datname, $1) AND pid <> pg_backend_pid()",
      [`${this.databasePrefix}_`],
    );
    return rows;
  }

  private async sample(first: boolean): Promise<void> {
    const pids: [number, string][] = [];
    for (const p of this.processes) for (const pid of this.withChildren ? processTree(p.pid) : [p.pid]) pids.push([pid, p.name]);
    for (const { pid, datname } of await this.backends()) {
      pids.push([pid, "postgresql"]);
      // Each subgraph's database apart as well (`postgresql:membership`, …): which statements the backends' time went to.
      this.database.set(pid, `postgresql:${datname.slice(this.databasePrefix.length + 1)}`);
    }
    const rss = new Map<string, number>();
    for (const [pid, name] of pids) {
      const cpu = cpuMs(pid);
      if (cpu === null) continue;
      if (!this.owner.has(pid)) {
        this.owner.set(pid, name);
        this.start.set(pid, first ? cpu : 0);
      }
      this.last.set(pid, cpu);
      rss.set(name, (rss.get(name) ?? 0) + rssMb(pid));
    }
    for (const [name, mb] of rss) this.peak.set(name, Math.max(this.peak.get(name) ?? 0, mb));
  }

  async begin(): Promise<void> {
    await this.sample(true);
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample(false)).catch(() => undefined);
    }, 200);
  }

  async end(): Promise<Record<string, ProcessUsage>> {
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    await this.sample(false);
    const usage: Record<string, ProcessUsage> = {};
    for (const [pid, name] of this.owner) {
      const entry = (usage[name] ??= { cpuMs: 0, peakRssMb: Math.round(this.peak.get(name) ?? 0) });
      entry.cpuMs += (this.last.get(pid) ?? 0) - (this.start.get(pid) ?? 0);
      const database = this.database.get(pid);
      if (database) (usage[database] ??= { cpuMs: 0, peakRssMb: 0 }).cpuMs += (this.last.get(pid) ?? 0) - (this.start.get(pid) ?? 0);
    }
    return usage;
  }
}

/** SQL statements a subgraph has sent since it started, from its Prometheus metrics. */
export async function statementsSent(subgraphUrl: string, gatewaySecret: string): Promise<number> {
  const response = await fetch(subgraphUrl.replace(/\/graphql$/u, "/metrics"), { headers: { [GATEWAY_SECRET_HEADER]: gatewaySecret } });
  const text = await response.text();
  const line = text.split("\n").find((l) => l.startsWith("db_statements_total"));
  if (!line) throw new Error(`${subgraphUrl} reports no db_statements_total metric`);
  return Number(line.split(" ").pop());
}
