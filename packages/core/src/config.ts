/**
 * Typed configuration from the environment: the only place that reads `process.env`.
 * Every variable is listed in `.env.example` at the repository root.
 */
import type { JWK } from "jose";
import { z } from "zod";
import { DEVELOPMENT_AUTH_SECRET, DEVELOPMENT_GATEWAY_SECRET } from "./auth";
import { DEVELOPMENT_SIGNING_KEY, parseSigningKeys } from "./signing-keys";
import { envPrefix, subgraphInfo, SUBGRAPHS } from "./subgraphs";

export interface AuthSecrets {
  /** The issuer's private keys (first signs); their public halves are the JWKS. */
  signingKeys: JWK[];
  /** Former HS256 tokens, verified by our gateway alone while AUTH_JWT_SECRET is set; null: refused. */
  legacyAuthSecret: string | null;
  /** Proves to a subgraph that a request comes through the gateway. */
  gatewaySecret: string;
}

/**
 * Settings that cannot be used, one sentence each, naming the variable, what it must be and what it
 * was (`GATEWAY_PORT must be at most 65535 (got "99999").`); a secret's value is never repeated, only
 * its length.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Collects the problems of one configuration, so a person fixes them all in one go. */
type Problems = string[];

function throwIfAny(problems: Problems): void {
  if (problems.length) throw new ConfigError(problems);
}

const MIN_SECRET_LENGTH = 32;

/** A secret, from `env` or the process; in production required, not the development default, 32+ characters. */
function secretOf(name: string, env: NodeJS.ProcessEnv, nodeEnv: string, fallback: string, problems: Problems): string {
  // Secrets are process-wide: a config built from a partial environment still gets them.
  const value = env[name] || process.env[name] || fallback;
  if (nodeEnv !== "production") return value;
  if (value === fallback)
    problems.push(`${name} must be set in production, to a random secret of at least ${MIN_SECRET_LENGTH} characters (e.g. from \`openssl rand -hex 32\`).`);
  else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters (got ${value.length}).`);
  return value;
}

/** An optional secret: unset is null; set, 32+ characters in production. */
function optionalSecretOf(name: string, env: NodeJS.ProcessEnv, nodeEnv: string, problems: Problems): string | null {
  const value = env[name] || process.env[name] || null;
  if (value && nodeEnv === "production" && value.length < MIN_SECRET_LENGTH)
    problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters (got ${value.length}).`);
  return value;
}

/** The former HS256 key of callers' tokens: the development default, and in production only when set. */
function legacyAuthSecretOf(env: NodeJS.ProcessEnv, nodeEnv: string, problems: Problems): string | null {
  return nodeEnv === "production"
    ? optionalSecretOf("AUTH_JWT_SECRET", env, nodeEnv, problems)
    : secretOf("AUTH_JWT_SECRET", env, nodeEnv, DEVELOPMENT_AUTH_SECRET, problems);
}

/** The issuer's signing keys: AUTH_SIGNING_KEYS, or the development key (refused in production). */
function signingKeysFrom(env: NodeJS.ProcessEnv, nodeEnv: string, problems: Problems): JWK[] {
  const text = env.AUTH_SIGNING_KEYS || process.env.AUTH_SIGNING_KEYS;
  if (!text) {
    if (nodeEnv === "production")
      problems.push("AUTH_SIGNING_KEYS must be set in production: the private keys that sign callers' tokens (npm run token -- --new-signing-key makes one).");
    return [{ ...DEVELOPMENT_SIGNING_KEY }];
  }
  try {
    const keys = parseSigningKeys(text);
    if (nodeEnv === "production" && keys.some((k) => k.kid === DEVELOPMENT_SIGNING_KEY.kid))
      problems.push("AUTH_SIGNING_KEYS holds the published development key: make a real one in production.");
    return keys;
  } catch (error) {
    problems.push((error as Error).message);
    return [];
  }
}

/** The issuer's signing keys (the gateway, `npm run token`, the sign-in link). */
export function signingKeysOf(env: NodeJS.ProcessEnv, nodeEnv: string): JWK[] {
  const problems: Problems = [];
  const keys = signingKeysFrom(env, nodeEnv, problems);
  throwIfAny(problems);
  return keys;
}

/** The key that checks the gateway's proofs (callers' tokens are the issuer's business). */
export function gatewaySecretOf(env: NodeJS.ProcessEnv, nodeEnv: string): string {
  const problems: Problems = [];
  const secret = secretOf("GATEWAY_SECRET", env, nodeEnv, DEVELOPMENT_GATEWAY_SECRET, problems);
  throwIfAny(problems);
  return secret;
}

/** How a subgraph answers a router other than ours: the router's secret header and where the issuer's keys are. */
export interface RouterContract {
  secret: string;
  jwksUrl: string;
  /** Least time between two fetches of the JWKS when a token names an unknown kid (AUTH_JWKS_COOLDOWN_MS). */
  jwksCooldownMs: number;
}

/**
 * Which callers a subgraph answers: our gateway (its proof, GATEWAY_SECRET) and, when ROUTER_SECRET is
 * set, any router that sends that secret with the caller's own token, checked against AUTH_JWKS_URL.
 * In production a subgraph behind a router alone needs no GATEWAY_SECRET, but needs one of the two.
 */
function subgraphAccessFrom(env: NodeJS.ProcessEnv, nodeEnv: string, problems: Problems): { gatewaySecret: string | null; router: RouterContract | null } {
  const routerSecret = optionalSecretOf("ROUTER_SECRET", env, nodeEnv, problems);
  const jwksUrl = env.AUTH_JWKS_URL || process.env.AUTH_JWKS_URL;
  if (routerSecret && !jwksUrl && nodeEnv === "production")
    problems.push("ROUTER_SECRET is set but AUTH_JWKS_URL is not: a subgraph behind a router checks callers' tokens with the issuer's JWKS.");
  const settings = parseSettings(
    z.object({ AUTH_JWKS_URL: z.string().url().optional(), AUTH_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000) }),
    { AUTH_JWKS_URL: jwksUrl || undefined, AUTH_JWKS_COOLDOWN_MS: env.AUTH_JWKS_COOLDOWN_MS || undefined },
    problems,
  );
  const router = routerSecret
    ? {
        secret: routerSecret,
        jwksUrl: settings.AUTH_JWKS_URL ?? `http://127.0.0.1:${env.GATEWAY_PORT || 4000}/.well-known/jwks.json`,
        jwksCooldownMs: settings.AUTH_JWKS_COOLDOWN_MS,
      }
    : null;
  const gatewaySecret =
    router && nodeEnv === "production" && !(env.GATEWAY_SECRET || process.env.GATEWAY_SECRET)
      ? null
      : secretOf("GATEWAY_SECRET", env, nodeEnv, DEVELOPMENT_GATEWAY_SECRET, problems);
  return { gatewaySecret, router };
}

/** What a setting was, for a sentence about it: quoted, shortened, never more than a line. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? "nothing";
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** One sentence for one zod issue about the variable the issue names. */
function sentence(issue: z.ZodIssue, env: NodeJS.ProcessEnv, names: Record<string, string>): string {
  const key = String(issue.path[0] ?? "");
  const name = names[key] ?? key;
  const got = `(got ${shown(env[name])})`;
  switch (issue.code) {
    case "too_big":
      return `${name} must be at most ${issue.maximum} ${got}.`;
    case "too_small":
      return `${name} must be at least ${issue.minimum} ${got}.`;
    case "invalid_type":
      return `${name} must be ${issue.expected === "number" || issue.expected === "integer" ? "a whole number" : `a ${issue.expected}`} ${got}.`;
    case "invalid_enum_value":
      // A message of our own names the values worth offering (some enums also take former spellings).
      return issue.message.startsWith(name) ? `${issue.message} ${got}.` : `${name} must be one of ${issue.options.filter((o) => o !== "").join(", ")} ${got}.`;
    case "invalid_string":
      return `${name} must be ${issue.validation === "url" ? "a URL" : `a valid ${String(issue.validation)}`} ${got}.`;
    default:
      return `${name}: ${issue.message} ${got}.`;
  }
}

/**
 * Parses the settings `schema` reads from `input`, adding one sentence per unusable setting to
 * `problems`. `names` maps a key of `input` to the variable a person set, where they differ.
 */
function parseSettings<T extends z.ZodTypeAny>(schema: T, input: NodeJS.ProcessEnv, problems: Problems, names: Record<string, string> = {}): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // One sentence per setting, even when zod has several things to say about it.
  const unusable = new Set<string>();
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    if (!unusable.has(key)) problems.push(sentence(issue, input, names));
    unusable.add(key);
  }
  // The other settings as they were (NODE_ENV=production still asks for real secrets), the unusable ones
  // at their defaults: the caller throws with every problem before using any of them.
  return schema.parse(Object.fromEntries(Object.entries(input).filter(([key]) => !unusable.has(key)))) as z.infer<T>;
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce.number().int().min(0).max(65535);

const common = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
};

/** Tests are quiet unless they ask for logs. */
const logLevel = (level: string | undefined, nodeEnv: string) => level ?? (nodeEnv === "test" ? "silent" : "info");

export interface ServiceConfig {
  name: string;
  /** Checks our gateway's proof (see `AuthSecrets`); null: only a router may call (production, ROUTER_SECRET alone). */
  gatewaySecret: string | null;
  /** The router contract, when ROUTER_SECRET is set. */
  router: RouterContract | null;
  nodeEnv: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string;
  poolSize: number;
  seedDemoData: boolean;
  /**
   * The demo data times this (DEMO_DATA_SCALE, 1–100; 1 is the review's figures exactly): illustrative copies of
   * the organisations with their members, figures, ratings, OCOP products, trade and support, in every subgraph
   * (see core's `DemoCopies`), for measuring how the graph grows (npm run bench).
   */
  demoDataScale: number;
  logSql: boolean;
  logLevel: string;
}

/**
 * Database URL of one subgraph: `<SUBGRAPH>_DATABASE_URL` if set, else the server named by
 * `DATABASE_URL` with the database `<DATABASE_PREFIX>_<subgraph>` (one database per subgraph).
 */
export function databaseUrlFor(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${envPrefix(name)}_DATABASE_URL`];
  if (own) return own;
  const server = env.DATABASE_URL;
  if (!server) {
    throw new Error(
      `No database for the ${name} subgraph: set DATABASE_URL (a PostgreSQL server) or ${envPrefix(name)}_DATABASE_URL, or start everything with \`npm start\`, which runs an embedded PostgreSQL.`,
    );
  }
  const url = new URL(server);
  const prefix = env.DATABASE_PREFIX || "kttt";
  url.pathname = `/${prefix}_${name.replace(/-/gu, "_")}`;
  return url.toString();
}

export function loadServiceConfig(name: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const info = subgraphInfo(name);
  const prefix = envPrefix(name);
  const problems: Problems = [];
  const portName = env[`${prefix}_PORT`] !== undefined ? `${prefix}_PORT` : "PORT";
  const parsed = parseSettings(
    z.object({
      ...common,
      HOST: z.string().default("127.0.0.1"),
      PORT: port.default(info.port),
      DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      SEED_DEMO_DATA: bool,
      DEMO_DATA_SCALE: z.coerce.number().int().min(1).max(100).default(1),
      LOG_SQL: bool,
    }),
    { ...env, PORT: env[portName] },
    problems,
    { PORT: portName },
  );
  const access = subgraphAccessFrom(env, parsed.NODE_ENV, problems);
  throwIfAny(problems);
  return {
    name,
    nodeEnv: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    databaseUrl: databaseUrlFor(name, env),
    poolSize: parsed.DB_POOL_SIZE,
    seedDemoData: parsed.SEED_DEMO_DATA,
    demoDataScale: parsed.DEMO_DATA_SCALE,
    logSql: parsed.LOG_SQL,
    logLevel: logLevel(parsed.LOG_LEVEL, parsed.NODE_ENV),
    ...access,
  };
}

export interface GatewayConfig extends AuthSecrets {
  nodeEnv: "development" | "production" | "test";
  host: string;
  port: number;
  supergraphPath: string | null;
  introspectAndCompose: boolean;
  subgraphUrls: Record<string, string>;
  /**
   * Who may introspect the schema (`__schema`, `__type`; `__typename` always): everyone, signed-in
   * callers only, or no one. Apollo Sandbox is on the landing page unless `off`.
   */
  introspection: IntrospectionAccess;
  /** Who sees "Did you mean …?" in error messages: signed-in callers, or no one (never the public). */
  fieldSuggestions: FieldSuggestionsAccess;
  rateLimitPerMinute: number;
  /** A Redis the rate limit counts in, shared by every gateway replica (REDIS_URL); null: in this process's memory. */
  redisUrl: string | null;
  /** Prefix of this deployment's keys in that Redis (REDIS_PREFIX, default `kttt:`). */
  redisPrefix: string;
  maxBodyBytes: number;
  /** Express "trust proxy": how many proxies in front set X-Forwarded-For (0: none). */
  trustProxy: number;
  /** The gateway's own database (API keys): GATEWAY_DATABASE_URL, or `<prefix>_gateway` on DATABASE_URL; null: no API keys. */
  databaseUrl: string | null;
  /** Folder of the built dashboard served at /dashboard (default: packages/dashboard/dist). */
  dashboardDir: string | null;
  /** Longest wait for one subgraph fetch before that part of the answer is given up. */
  subgraphTimeoutMs: number;
  /**
   * Development only: a bearer token Apollo Sandbox opens with (its Authorization header), so the
   * quick start's Sandbox reads as the demo staff member `npm start` signs in. Null in production.
   */
  sandboxToken: string | null;
  logLevel: string;
}

export const INTROSPECTION_ACCESS = ["everyone", "authenticated", "off"] as const;
export type IntrospectionAccess = (typeof INTROSPECTION_ACCESS)[number];
export const FIELD_SUGGESTIONS_ACCESS = ["authenticated", "off"] as const;
export type FieldSuggestionsAccess = (typeof FIELD_SUGGESTIONS_ACCESS)[number];

/** FIELD_SUGGESTIONS also takes the former true/false: true shows them to signed-in callers only. */
const fieldSuggestions = z
  .enum([...FIELD_SUGGESTIONS_ACCESS, "true", "false", "1", "0", "yes", "no", ""], {
    message: "FIELD_SUGGESTIONS must be authenticated or off (the public never gets suggestions)",
  })
  .optional()
  .transform((v): FieldSuggestionsAccess | undefined =>
    !v ? undefined : v === "authenticated" || v === "true" || v === "1" || v === "yes" ? "authenticated" : "off",
  );

/** `<SUBGRAPH>_URL` overrides the URL the supergraph names for a subgraph (e.g. in docker-compose). */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: Problems = [];
  const parsed = parseSettings(
    z.object({
      ...common,
      GATEWAY_HOST: z.string().default("127.0.0.1"),
      GATEWAY_PORT: port.default(4000),
      SUPERGRAPH_PATH: z.string().optional(),
      INTROSPECT_AND_COMPOSE: bool,
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
      DASHBOARD_DIR: z.string().optional(),
      INTROSPECTION: z.enum(INTROSPECTION_ACCESS, { message: "INTROSPECTION must be everyone, authenticated or off" }).optional(),
      FIELD_SUGGESTIONS: fieldSuggestions,
      RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
      REDIS_URL: z.string().url().optional().or(z.literal("")),
      REDIS_PREFIX: z.string().max(100).default("kttt:"),
      MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
      TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
      SANDBOX_TOKEN: z.string().optional(),
    }),
    env,
    problems,
  );
  if (parsed.NODE_ENV === "production" && parsed.SANDBOX_TOKEN)
    problems.push("SANDBOX_TOKEN is for development: in production people paste their own token into Sandbox; remove it.");
  for (const replaced of ["GRAPHQL_INTROSPECTION", "SANDBOX"]) {
    if (env[replaced]) problems.push(`${replaced} is replaced by INTROSPECTION=everyone|authenticated|off (Sandbox is served unless off); remove ${replaced}.`);
  }
  const production = parsed.NODE_ENV === "production";
  const introspection = parsed.INTROSPECTION ?? (production ? "authenticated" : "everyone");
  const subgraphUrls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const name = `${envPrefix(s.name)}_URL`;
    const url = parseSettings(z.object({ [name]: z.string().url().optional() }), env, problems)[name];
    if (url) subgraphUrls[s.name] = url;
  }
  const secrets: AuthSecrets = {
    signingKeys: signingKeysFrom(env, parsed.NODE_ENV, problems),
    legacyAuthSecret: legacyAuthSecretOf(env, parsed.NODE_ENV, problems),
    gatewaySecret: secretOf("GATEWAY_SECRET", env, parsed.NODE_ENV, DEVELOPMENT_GATEWAY_SECRET, problems),
  };
  throwIfAny(problems);
  return {
    nodeEnv: parsed.NODE_ENV,
    host: parsed.GATEWAY_HOST,
    port: parsed.GATEWAY_PORT,
    supergraphPath: parsed.SUPERGRAPH_PATH ?? null,
    introspectAndCompose: parsed.INTROSPECT_AND_COMPOSE,
    subgraphUrls,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    dashboardDir: parsed.DASHBOARD_DIR ?? null,
    databaseUrl: env.GATEWAY_DATABASE_URL || env.DATABASE_URL ? databaseUrlFor("gateway", env) : null,
    introspection,
    // Suggestions reveal no more of the schema than introspection does: by default they go to whoever may introspect.
    fieldSuggestions: parsed.FIELD_SUGGESTIONS ?? (introspection === "off" ? "off" : "authenticated"),
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    redisUrl: parsed.REDIS_URL || null,
    redisPrefix: parsed.REDIS_PREFIX,
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    trustProxy: parsed.TRUST_PROXY,
    sandboxToken: parsed.SANDBOX_TOKEN || null,
    logLevel: logLevel(parsed.LOG_LEVEL, parsed.NODE_ENV),
    ...secrets,
  };
}
