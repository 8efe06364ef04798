/**
 * A cache of aggregate figures (statistics of closed periods), in one subgraph process, that no write
 * can leave stale and no caller can read for another's access scope.
 *
 * - Invalidation: every write of a subgraph leaves an audit record in its own transaction (core's
 *   recordedWrite, imports); `dataVersionMigration` adds a statement trigger that bumps a one-row
 *   `data_version` when audit records are inserted, in that same transaction, as its last statement.
 *   A read takes the version first (one indexed statement), then answers from the cache entry of that
 *   version or computes it: a write committed after the version was read can only make the entry newer
 *   than its version, never older, and the next read sees the next version. Every replica of a subgraph
 *   reads the same row, so a write through one replica invalidates them all.
 * - Scope: the caller's access scope (role, department, unit) is part of every key, so an answer
 *   computed for a wider caller is never handed to a narrower one, even where the figures are the same today.
 * - Size: at most `maxEntries` answers per database (least recently used go first); a new version empties it.
 *
 * Every subgraph reads its statistics of closed periods through `cachedAggregate`; each needs the migration.
 */
import type { DataSource, MigrationInterface } from "typeorm";
import type { Principal } from "./auth";
import { today } from "./calendar";
import { sqlMigration } from "./sql-migration";

/** The data version table and the trigger that bumps it on every audited write. */
export function dataVersionMigration(timestamp: number): new () => MigrationInterface {
  return sqlMigration(
    `DataVersion${timestamp}`,
    [
      "CREATE TABLE data_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL)",
      "INSERT INTO data_version (version) VALUES (1)",
      `CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE data_version SET version = version + 1; RETURN NULL; END $$`,
      "CREATE TRIGGER audit_record_bumps_data_version AFTER INSERT ON audit_record FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()",
    ],
    ["DROP TRIGGER audit_record_bumps_data_version ON audit_record", "DROP FUNCTION bump_data_version()", "DROP TABLE data_version"],
  );
}

/**
 * The caller's access scope, as a cache key part: who they are allowed to be, not who they are. No caller
 * named, no scope (null): nothing is cached for them.
 */
export function accessScope(principal: Principal): string;
export function accessScope(principal: Principal | null | undefined): string | null;
export function accessScope(principal: Principal | null | undefined): string | null {
  if (!principal) return null;
  return `${principal.role}:${principal.department ?? ""}:${principal.adminUnitCode ?? ""}`;
}

class AggregateCache<T> {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries = 500) {}

  /** The answer for `key` and `scope` at the current data version: cached, or computed now and kept. */
  async read(dataSource: DataSource, key: string, scope: string, compute: () => Promise<T>): Promise<T> {
    const [{ version }] = await dataSource.query<{ version: string }[]>("SELECT version::text AS version FROM data_version");
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const full = `${scope}\u0000${key}`;
    const known = this.entries.get(full);
    if (known) {
      // Most recently used last.
      this.entries.delete(full);
      this.entries.set(full, known);
      return known;
    }
    const answer = compute();
    this.entries.set(full, answer);
    // A failure is not kept: the next read tries again.
    answer.catch(() => this.entries.get(full) === answer && this.entries.delete(full));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per database (a test process runs several subgraphs, each with its own data source). */
const caches = new WeakMap<DataSource, AggregateCache<unknown>>();

/** Whether a period whose figures are counted on `lastDay` has closed: only a write can change them now. */
export function isClosedPeriod(lastDay: string, now = today()): boolean {
  return lastDay < now;
}

/**
 * The aggregate `name` for `key` (every argument its answer depends on) as a caller of access scope `scope`
 * (`accessScope(principal)`) reads it. When the period is `closed`, the answer of the current data version is served
 * from the cache or computed once and kept; an open period, or no scope (a caller not named), computes every time.
 * Needs `dataVersionMigration` in the subgraph's migrations.
 */
export function cachedAggregate<T>(
  dataSource: DataSource,
  name: string,
  key: string,
  scope: string | null,
  closed: boolean,
  compute: () => Promise<T>,
): Promise<T> {
  if (scope === null || !closed) return compute();
  let cache = caches.get(dataSource);
  if (!cache) caches.set(dataSource, (cache = new AggregateCache<unknown>()));
  return cache.read(dataSource, `${name}\u0000${key}`, scope, compute) as Promise<T>;
}
