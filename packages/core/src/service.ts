/**
 * The one shape of a subgraph. A service describes its domain (entities, migrations, demo data,
 * resolvers, reference resolvers, per-request loaders, look-ups of other subgraphs' records) and
 * `defineSubgraph` does the rest the same way for all four: configuration, schema and SDL, the
 * per-request context, the database (created, migrated, seeded on request), the HTTP server with logs,
 * metrics, readiness and the gateway's proof, and the process's `main`.
 */
import path from "node:path";
import { getMetadataStorage, type BuildSchemaOptions } from "type-graphql";
import type { DataSource } from "typeorm";
import { auditTrailResolver } from "./audit";
import type { Principal } from "./auth";
import { loadServiceConfig, type ServiceConfig } from "./config";
import { databaseReadiness, openDatabase, poolOf, redactUrl, type EntityList, type MigrationList, type StatementCounter } from "./database";
import { buildFederatedSchema, writeOrCheckSdl, type FederatedSchema, type ReferenceResolvers } from "./federation";
import { GatewayLookup, lookupEnvName, lookupUrlFrom } from "./gateway-lookup";
import { startSubgraphServer, type RunningServer } from "./http";
import { rollBackImportSessions } from "./import-session";
import { runUntilStopped } from "./lifecycle";
import { createLogger, createMetrics, registerPoolMetrics, registerStatementMetrics, type Logger } from "./observability";
import type { Tracing } from "./tracing";
import { validateArgs } from "./validation";

/** What every resolver of a subgraph receives. */
export interface SubgraphContext<TLoaders> {
  requestId: string;
  /** Who is asking (anonymous public without a token). */
  principal: Principal;
  dataSource: DataSource;
  /** This request's DataLoaders: every list-to-reference path batches through one of them. */
  loaders: TLoaders;
}

/** The context of a subgraph that checks other subgraphs' records (through the gateway) before it writes references to them. */
export interface LookupContext<TLoaders> extends SubgraphContext<TLoaders> {
  lookup: GatewayLookup;
}

/** The configuration of a subgraph that looks records up in other subgraphs. */
export interface LookupServiceConfig extends ServiceConfig {
  /** A GraphQL endpoint serving the other subgraphs' root fields: the gateway by default. */
  lookupUrl: string;
}

/** How a subgraph asks other subgraphs about records before it writes references to them; where is `<SUBGRAPH>_LOOKUP_URL` (default: the gateway of a local run). */
export interface LookupSpec {
  /** The operation name of its requests, as the gateway's logs show them. */
  operation: string;
  /** What it looks up, for the "listening" line, e.g. "organisation". */
  what: string;
}

/** A `@Resolver` class. */
type ResolverClass = abstract new (...args: never[]) => object;

export interface SubgraphSpec<TLoaders> {
  /** The subgraph's name in the supergraph (one of SUBGRAPHS). */
  name: string;
  /** Another subgraph's records this one checks before it writes references to them. */
  lookup?: LookupSpec;
  /** The subgraph's own database. */
  database: {
    entities: EntityList;
    migrations: MigrationList;
    /** Loads the demo data into an empty database at the configured scale (`DEMO_DATA_SCALE`); false when there was data already. */
    seed: (dataSource: DataSource, scale: number) => Promise<boolean>;
  };
  /** The audit trail's root field (e.g. `membershipAuditTrail`) and how its description names the subgraph. */
  auditTrail: { field: string; label: string };
  /**
   * The resolver classes, each given itself or by its module (`import * as products from "./resolvers/product.resolver"`):
   * every `@Resolver` class a module exports serves, so a class added to a resolver file needs no second mention here.
   */
  resolvers: (ResolverClass | object)[];
  /** Types no resolver returns directly (entity stubs of other subgraphs, interface implementations). */
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  references: ReferenceResolvers;
  /** This request's loaders, made anew for every request so nothing is cached across callers. */
  loaders: (dataSource: DataSource, principal: Principal) => TLoaders;
}

export interface SubgraphService {
  server: RunningServer;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

export interface Subgraph<TConfig extends ServiceConfig> {
  name: string;
  /** The configuration from the environment (`<SUBGRAPH>_PORT`, `<SUBGRAPH>_DATABASE_URL`, …). */
  loadConfig: (env?: NodeJS.ProcessEnv) => TConfig;
  /** The schema; needs no database, so the SDL can be emitted anywhere. */
  buildSchema: () => Promise<FederatedSchema>;
  /** Opens (creates, migrates) the database, loads the demo data when asked, and serves the schema. */
  start: (config: TConfig, logger?: Logger) => Promise<SubgraphService>;
  /** The process: starts from the environment, stops on SIGTERM/SIGINT or when the launcher is gone. */
  main: (tracing: Tracing | null) => void;
  /** Writes (with `--check` on the command line, verifies) the committed SDL `schema.graphql` of the workspace at `dir`. */
  emitSchema: (dir: string) => void;
}

/** The resolver classes of `resolvers`: the classes given, and every `@Resolver` class the modules given export. */
function resolverClasses(resolvers: SubgraphSpec<unknown>["resolvers"]): BuildSchemaOptions["resolvers"] {
  const decorated = new Set<unknown>(getMetadataStorage().resolverClasses.map((r) => r.target));
  const classes = resolvers.flatMap((entry) =>
    typeof entry === "function" ? [entry] : (Object.values(entry) as unknown[]).flat().filter((value): value is ResolverClass => decorated.has(value)),
  );
  return classes as BuildSchemaOptions["resolvers"];
}

export function defineSubgraph<TLoaders>(spec: SubgraphSpec<TLoaders> & { lookup: LookupSpec }): Subgraph<LookupServiceConfig>;
export function defineSubgraph<TLoaders>(spec: SubgraphSpec<TLoaders>): Subgraph<ServiceConfig>;
export function defineSubgraph<TLoaders>(spec: SubgraphSpec<TLoaders>): Subgraph<LookupServiceConfig> | Subgraph<ServiceConfig> {
  const { name, lookup, database } = spec;

  const loadConfig = (env: NodeJS.ProcessEnv = process.env) => ({
    ...loadServiceConfig(name, env),
    ...(lookup ? { lookupUrl: lookupUrlFrom(env, lookupEnvName(name)) } : {}),
  });

  const buildSchema = () =>
    buildFederatedSchema(
      {
        resolvers: [auditTrailResolver(spec.auditTrail.field, spec.auditTrail.label), ...resolverClasses(spec.resolvers)],
        orphanedTypes: spec.orphanedTypes,
        validateFn: validateArgs,
      },
      spec.references,
    );

  async function start(config: ServiceConfig & { lookupUrl?: string }, logger: Logger = createLogger(name, config.logLevel)): Promise<SubgraphService> {
    const gatewayLookup = lookup ? new GatewayLookup(config.lookupUrl!, config.gatewaySecret, name, lookup.operation) : undefined;
    const { dataSource, statements } = await openDatabase({
      url: config.databaseUrl,
      entities: database.entities,
      migrations: database.migrations,
      poolSize: config.poolSize,
      applicationName: `kttt-${config.name}`,
      logSql: config.logSql,
    });
    if (config.seedDemoData) {
      const started = Date.now();
      if (await database.seed(dataSource, config.demoDataScale)) logger.info(`${config.name}: demo data loaded in ${Date.now() - started} ms`);
    }
    const { schema } = await buildSchema();
    const metrics = createMetrics(config.name);
    registerPoolMetrics(metrics, () => poolOf(dataSource));
    registerStatementMetrics(metrics, () => statements.total);
    const server = await startSubgraphServer<SubgraphContext<TLoaders> & { lookup?: GatewayLookup }>({
      schema,
      host: config.host,
      port: config.port,
      production: config.nodeEnv === "production",
      logger,
      metrics,
      ready: () => databaseReadiness(dataSource),
      gatewaySecret: config.gatewaySecret,
      router: config.router,
      // The look-up runs as the caller: it sees what they may see, no more.
      context: ({ requestId, principal, authorization }) => ({
        requestId,
        principal,
        dataSource,
        loaders: spec.loaders(dataSource, principal),
        ...(gatewayLookup ? { lookup: gatewayLookup.forCaller({ requestId, principal, authorization }) } : {}),
      }),
    });
    const note = lookup ? `, ${lookup.what} look-up ${config.lookupUrl}` : "";
    logger.info(`${config.name}: listening on ${server.url} (database ${redactUrl(config.databaseUrl)}${note})`);
    return {
      server,
      dataSource,
      statements,
      async stop() {
        await server.close();
        await rollBackImportSessions(dataSource);
        await dataSource.destroy();
      },
    };
  }

  return {
    name,
    loadConfig,
    buildSchema,
    start,
    main(tracing) {
      runUntilStopped(name, async () => {
        const service = await start(loadConfig());
        return {
          async stop() {
            await service.stop();
            await tracing?.shutdown();
          },
        };
      });
    },
    emitSchema(dir) {
      buildSchema()
        .then(({ sdl }) => writeOrCheckSdl(path.join(dir, "schema.graphql"), sdl, process.argv.includes("--check")))
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    },
  };
}
