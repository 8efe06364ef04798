/**
 * Database bootstrap shared by the subgraphs: create the subgraph's database when it is missing,
 * open a TypeORM data source on it, run its migrations, and count statements (tests prove the
 * absence of N+1 queries with the counter).
 */
import "reflect-metadata";
import { Client } from "pg";
import { DataSource, type DataSourceOptions as TypeOrmOptions, type Logger, type MigrationInterface } from "typeorm";

/** What TypeORM takes as a data source's entities and migrations: classes, schemas or file globs. */
export type EntityList = NonNullable<TypeOrmOptions["entities"]>;
export type MigrationList = NonNullable<TypeOrmOptions["migrations"]>;

/** Counts every SQL statement a data source sends; `LOG_SQL=true` also prints them. */
export class StatementCounter implements Logger {
  count = 0;
  /** Every statement since the data source opened; `start()` does not reset it (the metrics read it). */
  total = 0;
  readonly statements: string[] = [];
  private recording = false;

  constructor(private readonly print = false) {}

  /** Starts a fresh count and keeps the statements' text until `stop()`. */
  start(): void {
    this.count = 0;
    this.statements.length = 0;
    this.recording = true;
  }

  stop(): number {
    this.recording = false;
    return this.count;
  }

  logQuery(query: string, parameters?: unknown[]): void {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/iu.test(query)) return;
    this.count += 1;
    this.total += 1;
    if (this.recording) this.statements.push(query);
    if (this.print) console.log(`[sql] ${query}`, parameters ?? "");
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    if (this.print) console.error(`[sql error] ${String(error)} in ${query}`, parameters ?? "");
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.print) console.log(`[migration] ${message}`);
  }
  log(): void {}
}

/** The URL of the maintenance database (`postgres`) on the same server. */
function maintenanceUrl(databaseUrl: string): { adminUrl: string; database: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//u, ""));
  if (!database) throw new Error(`The database URL ${redactUrl(databaseUrl)} names no database.`);
  url.pathname = "/postgres";
  return { adminUrl: url.toString(), database };
}

export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "<invalid database URL>";
  }
}

/** Creates the database named in the URL unless it exists (safe when several processes race). */
export async function ensureDatabase(databaseUrl: string, options: { template?: string } = {}): Promise<boolean> {
  const { adminUrl, database } = maintenanceUrl(databaseUrl);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount) return false;
    const template = options.template ? ` TEMPLATE ${client.escapeIdentifier(options.template)}` : "";
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${template} ENCODING 'UTF8'`);
    } catch (error) {
      if ((error as { code?: string }).code === "42P04") return false; // created meanwhile by another process
      throw error;
    }
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { adminUrl, database } = maintenanceUrl(databaseUrl);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface DataSourceOptions {
  url: string;
  entities: EntityList;
  migrations: MigrationList;
  poolSize?: number;
  applicationName?: string;
  logSql?: boolean;
}

export function createDataSource(options: DataSourceOptions): { dataSource: DataSource; statements: StatementCounter } {
  const statements = new StatementCounter(options.logSql ?? false);
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "schema_migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    logging: ["query", "error", "migration"],
    logger: statements,
    // bigint columns arrive as strings and are turned into JS bigint by column transformers.
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? "kttt",
      connectionTimeoutMillis: 5000,
      // No JIT compilation: a statistics statement over many rows crossed its cost threshold and spent more time
      // compiling (seconds on a loaded machine, every time) than its plan ran; this API's statements are short.
      options: "-c jit=off",
    },
  });
  return { dataSource, statements };
}

/**
 * Marks a migration as renamed: a database migrated under one of `formerNames` (TypeORM matches
 * applied migrations by name) has its record renamed before migrating, so the migration is not run
 * again. Names end in the migration's 13-digit timestamp, which moves with the name.
 */
export function formerlyNamed<M extends new () => MigrationInterface>(migration: M, ...formerNames: string[]): M {
  return Object.assign(migration, { formerNames });
}

/** The current name of every former migration name among `migrations`. */
export function renamedMigrations(migrations: readonly unknown[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const migration of migrations) {
    const type = (typeof migration === "function" ? migration : (migration as object).constructor) as { name: string; formerNames?: string[] };
    for (const former of type.formerNames ?? []) renamed.set(former, type.name);
  }
  return renamed;
}

const timestampOf = (name: string) => Number(/(\d{13})$/u.exec(name)?.[1]);

/** Renames the records of migrations applied under a former name (see `formerlyNamed`). */
async function renameAppliedMigrations(dataSource: DataSource): Promise<void> {
  const renamed = renamedMigrations(dataSource.migrations);
  if (renamed.size === 0) return;
  const [{ exists }] = await dataSource.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  if (!exists) return;
  for (const [former, current] of renamed) {
    await dataSource.query("UPDATE schema_migrations SET name = $2, timestamp = $3 WHERE name = $1", [former, current, timestampOf(current)]);
  }
}

/** Creates the database if needed, connects and applies pending migrations (after renaming renamed ones). */
export async function openDatabase(options: DataSourceOptions): Promise<{ dataSource: DataSource; statements: StatementCounter }> {
  await ensureDatabase(options.url);
  const opened = createDataSource(options);
  await opened.dataSource.initialize();
  await renameAppliedMigrations(opened.dataSource);
  await opened.dataSource.runMigrations({ transaction: "each" });
  return opened;
}

/** The pg pool under TypeORM, for pool metrics. */
export function poolOf(dataSource: DataSource): { totalCount: number; idleCount: number; waitingCount: number } | undefined {
  return (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
}

/** Readiness of a subgraph: its database answers and no migration is pending. */
export async function databaseReadiness(dataSource: DataSource): Promise<Record<string, string>> {
  try {
    await dataSource.query("SELECT 1");
  } catch (error) {
    return { database: `unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
  const pending = await dataSource.showMigrations();
  return { database: "ok", migrations: pending ? "pending migrations" : "ok" };
}
