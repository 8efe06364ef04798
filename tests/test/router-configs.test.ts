/**
 * The Apollo Router (deploy/apollo-router/router.yaml) and Hive Router (deploy/hive-router/router.config.yaml)
 * configurations, checked without their binaries (neither installs here: each downloads a prebuilt
 * binary). Their header rules are replayed — propagate and insert, with the routers' own environment
 * interpolation — on a client's request, and the exact headers they would send are sent to the real
 * subgraphs; their token rules and limits are held to the issuer's and our gateway's.
 */
import { GATEWAY_PROOF_HEADER, ROUTER_SECRET_HEADER, Role, SIGNING_ALGORITHMS, SUBGRAPHS, TOKEN_AUDIENCE, TOKEN_ISSUER, type Principal } from "@kttt/core";
import { QUERY_LIMITS } from "@kttt/gateway";
import { tokenFor } from "@kttt/testkit";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import yaml from "js-yaml";
import { startTestGraph, type TestGraph } from "./graph";

const ROOT = path.resolve(__dirname, "..", "..");
const ROUTER_SECRET = randomBytes(32).toString("hex");
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({}, { ROUTER_SECRET });
}, 60_000);
afterAll(() => graph?.stop());

type Env = Record<string, string | undefined>;
type Rule = Record<string, Record<string, unknown>>;

/** Apollo Router's `${env.NAME}` and `${env.NAME:-default}` in every string of the file. */
function apolloInterpolate(value: unknown, env: Env): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{env\.([A-Z0-9_]+)(?::-([^}]*))?\}/gu, (_m, name: string, fallback?: string) => {
      const found = env[name] ?? fallback;
      if (found === undefined) throw new Error(`router.yaml needs ${name} in the environment`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v) => apolloInterpolate(v, env));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, apolloInterpolate(v, env)]));
  return value;
}

/** Hive Router's `{ from_env: NAME, default: … }` placeholders; unset without default drops the key. */
function hiveFromEnv(value: unknown, env: Env): unknown {
  if (Array.isArray(value)) return value.map((v) => hiveFromEnv(v, env));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.from_env === "string") return env[record.from_env] ?? record.default;
    return Object.fromEntries(
      Object.entries(record)
        .map(([k, v]) => [k, hiveFromEnv(v, env)])
        .filter(([, v]) => v !== undefined),
    );
  }
  return value;
}

const names = (named: unknown): string[] => (Array.isArray(named) ? named : [named]).map((n) => String(n).toLowerCase());

/**
 * The headers a router's request rules put on a subgraph request, given the client's headers: only
 * the rule kinds these files use, and any other kind fails the test (so a new rule is replayed, not ignored).
 */
function replay(rules: Rule[], client: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const [kind, spec] = Object.entries(rule)[0];
    if (kind === "propagate" && spec.named !== undefined && spec.matching === undefined) {
      for (const name of names(spec.named)) {
        const value = client[name] ?? (spec.default as string | undefined);
        if (value !== undefined) out[String(spec.rename ?? name).toLowerCase()] = value;
      }
    } else if (kind === "insert" && typeof spec.name === "string" && typeof spec.value === "string") {
      out[spec.name.toLowerCase()] = spec.value;
    } else {
      throw new Error(`header rule ${kind} ${JSON.stringify(spec)} is not replayed by this test: teach it, or keep the rule simple`);
    }
  }
  return out;
}

interface RouterConfig {
  name: string;
  requestRules: Rule[];
  jwt: { jwksUrl: unknown; issuers: unknown; audiences: unknown; algorithms: string[] };
  limits: { depth: unknown; aliases: unknown; tokens: unknown; bodyBytes: unknown; directives?: unknown };
  csrfHeaders: unknown;
  subgraphUrls: Record<string, unknown>;
}

function apolloRouter(env: Env): RouterConfig {
  const c = apolloInterpolate(yaml.load(fs.readFileSync(path.join(ROOT, "deploy/apollo-router/router.yaml"), "utf8")), env) as any;
  const jwks = c.authentication.router.jwt.jwks[0];
  return {
    name: "Apollo Router",
    requestRules: c.headers.all.request,
    jwt: { jwksUrl: jwks.url, issuers: jwks.issuers, audiences: jwks.audiences, algorithms: jwks.algorithms },
    limits: { depth: c.limits.max_depth, aliases: c.limits.max_aliases, tokens: c.limits.parser_max_tokens, bodyBytes: c.limits.http_max_request_bytes },
    csrfHeaders: c.csrf.required_headers,
    subgraphUrls: c.override_subgraph_url,
  };
}

function hiveRouter(env: Env): RouterConfig {
  const c = hiveFromEnv(yaml.load(fs.readFileSync(path.join(ROOT, "deploy/hive-router/router.config.yaml"), "utf8")), env) as any;
  return {
    name: "Hive Router",
    requestRules: c.headers.all.request,
    jwt: { jwksUrl: c.jwt.jwks_providers[0].url, issuers: c.jwt.issuers, audiences: c.jwt.audiences, algorithms: c.jwt.allowed_algorithms },
    limits: {
      depth: c.limits.max_depth.n,
      aliases: c.limits.max_aliases.n,
      tokens: c.limits.max_tokens.n,
      directives: c.limits.max_directives.n,
      bodyBytes: c.limits.max_request_body_size === "1MB" ? 1_000_000 : c.limits.max_request_body_size,
    },
    csrfHeaders: c.csrf.required_headers,
    subgraphUrls: Object.fromEntries(Object.entries(c.override_subgraph_urls.subgraphs).map(([k, v]) => [k, (v as { url: unknown }).url])),
  };
}

const JWKS = "http://issuer.example:4005/.well-known/jwks.json";
const ENV: Env = { ROUTER_SECRET, AUTH_JWKS_URL: JWKS };
const admin: Principal = { subject: "router-admin", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: null };
const commune: Principal = { subject: "router-commune", role: Role.COMMUNE, department: null, adminUnitCode: "18073", name: null };

describe.each([apolloRouter, hiveRouter])("%p", (load) => {
  const config = () => load(ENV);

  it("verifies callers' tokens as the issuer signs them: its JWKS, issuer, audience and asymmetric algorithms", () => {
    const { jwt } = config();
    expect(jwt).toEqual({ jwksUrl: JWKS, issuers: [TOKEN_ISSUER], audiences: [TOKEN_AUDIENCE], algorithms: expect.arrayContaining(["ES256"]) });
    for (const alg of jwt.algorithms) expect(SIGNING_ALGORITHMS).toContain(alg);
  });

  it("has our gateway's limits and CSRF headers, and a URL for every subgraph", () => {
    const { limits, csrfHeaders, subgraphUrls } = config();
    expect(limits).toMatchObject({ depth: QUERY_LIMITS.depth, aliases: QUERY_LIMITS.aliases, tokens: QUERY_LIMITS.tokens, bodyBytes: 1_000_000 });
    if (limits.directives !== undefined) expect(limits.directives).toBe(QUERY_LIMITS.directives);
    expect(csrfHeaders).toEqual(["x-apollo-operation-name", "apollo-require-preflight"]);
    expect(Object.keys(subgraphUrls).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    expect(load({ ...ENV, MEMBERSHIP_URL: "http://replica-pool:4001/graphql" }).subgraphUrls.membership).toBe("http://replica-pool:4001/graphql");
  });

  it("sends exactly the caller's token, the request id and the router secret — nothing else of the client's", async () => {
    const token = await tokenFor(commune);
    const client = {
      authorization: `Bearer ${token}`,
      "x-request-id": "router-replay-1",
      cookie: "session=abc",
      [GATEWAY_PROOF_HEADER]: "forged-proof",
      [ROUTER_SECRET_HEADER]: "client-sent",
    };
    expect(replay(config().requestRules, client)).toEqual({
      authorization: `Bearer ${token}`,
      "x-request-id": "router-replay-1",
      [ROUTER_SECRET_HEADER]: ROUTER_SECRET,
    });
  });

  it("is answered by every subgraph with those headers, as the caller; refused with another secret", async () => {
    const { requestRules } = config();
    const send = async (url: string, headers: Record<string, string>, query: string) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
    };
    for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
      const headers = replay(requestRules, { authorization: `Bearer ${await tokenFor(admin)}`, "x-request-id": `replay-${name}` });
      expect({ name, status: (await send(subgraph.url, headers, "{ __typename }")).status }).toEqual({ name, status: 200 });
      const misconfigured = replay(load({ ...ENV, ROUTER_SECRET: randomBytes(32).toString("hex") }).requestRules, {
        authorization: `Bearer ${await tokenFor(admin)}`,
      });
      expect({ name, status: (await send(subgraph.url, misconfigured, "{ __typename }")).status }).toEqual({ name, status: 401 });
    }
    const audit = "{ membershipAuditTrail(first: 1) { operation } }";
    const asAdmin = await send(graph.subgraphs.membership.url, replay(requestRules, { authorization: `Bearer ${await tokenFor(admin)}` }), audit);
    expect(asAdmin.body.errors).toBeUndefined();
    const asCommune = await send(graph.subgraphs.membership.url, replay(requestRules, { authorization: `Bearer ${await tokenFor(commune)}` }), audit);
    expect(asCommune.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const asPublic = await send(graph.subgraphs.membership.url, replay(requestRules, {}), audit);
    expect(asPublic.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("Hive Gateway's configuration", () => {
  it("states every one of our gateway's query limits (Armor's, introspection's and fragment expansion)", () => {
    const text = fs.readFileSync(path.join(ROOT, "deploy/hive-gateway/gateway.config.ts"), "utf8");
    const literal = /const QUERY_LIMITS = (\{[^}]+\})/u.exec(text)?.[1];
    expect(literal).toBeDefined();
    const parsed = JSON.parse(
      literal!
        .replace(/(\w+):/gu, '"$1":')
        .replace(/_/gu, "")
        .replace(/,\s*\}$/u, "}"),
    );
    expect(parsed).toEqual({ ...QUERY_LIMITS });
  });
});
