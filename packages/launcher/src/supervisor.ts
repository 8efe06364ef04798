/**
 * Keeps the processes of `npm start` running: a process that exits when nobody asked it to is started
 * again after a pause that doubles with each exit (0.5 s, 1 s, 2 s … up to 8 s), and each restart is
 * logged. A process that keeps exiting (5 exits within a minute) is a crash loop, not a hiccup:
 * then the supervisor gives up and says why, and the launcher stops everything.
 */
import type { ChildProcess } from "node:child_process";

export interface SupervisorOptions {
  log: (message: string) => void;
  /** Called once, when a crash loop makes it pointless to go on. */
  giveUp: (reason: string) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A crash loop: this many exits … */
  maxExits?: number;
  /** … within this long. */
  windowMs?: number;
  /** Called with the new process after each restart (e.g. to wait for its health check). */
  restarted?: (name: string, child: ChildProcess) => void;
}

interface Supervised {
  name: string;
  spawn: () => ChildProcess;
  current: ChildProcess;
  exits: number[];
  timer: NodeJS.Timeout | null;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export class Supervisor {
  private readonly processes: Supervised[] = [];
  private stopped = false;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxExits: number;
  private readonly windowMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.firstDelayMs = options.firstDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 8000;
    this.maxExits = options.maxExits ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** Starts `name` with `spawn` and keeps it running until `stop()`. */
  add(name: string, spawn: () => ChildProcess): ChildProcess {
    const entry: Supervised = { name, spawn, current: spawn(), exits: [], timer: null };
    this.processes.push(entry);
    this.watch(entry);
    return entry.current;
  }

  /** The processes now running, in the order they were added. */
  children(): { name: string; process: ChildProcess }[] {
    return this.processes.map((p) => ({ name: p.name, process: p.current }));
  }

  /** No more restarts: the launcher is stopping (pending restarts are cancelled). */
  stop(): void {
    this.stopped = true;
    for (const p of this.processes) if (p.timer) clearTimeout(p.timer);
  }

  private watch(entry: Supervised): void {
    const child = entry.current;
    child.once("exit", (code, signal) => {
      if (this.stopped || child !== entry.current) return;
      const now = Date.now();
      entry.exits = [...entry.exits.filter((t) => now - t < this.windowMs), now];
      const how = describeExit(code, signal);
      if (entry.exits.length >= this.maxExits) {
        this.stop();
        this.options.giveUp(
          `${entry.name} exited ${entry.exits.length} times within ${Math.round(this.windowMs / 1000)} s (last: ${how}); that is a crash loop, not a hiccup, so everything stops. Its log above says why it exits.`,
        );
        return;
      }
      const delay = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (entry.exits.length - 1));
      this.options.log(
        `${entry.name} stopped unexpectedly (${how}); restarting it in ${(delay / 1000).toFixed(1)} s (exit ${entry.exits.length} of ${this.maxExits} allowed within ${Math.round(this.windowMs / 1000)} s). The other services keep running.`,
      );
      entry.timer = setTimeout(() => {
        entry.timer = null;
        if (this.stopped) return;
        entry.current = entry.spawn();
        this.watch(entry);
        this.options.log(`${entry.name} restarted (pid ${entry.current.pid}).`);
        this.options.restarted?.(entry.name, entry.current);
      }, delay);
    });
  }
}
