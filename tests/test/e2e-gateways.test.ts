/**
 * The end-to-end sample, run against our gateway, against Hive Gateway with the shipped configuration
 * (deploy/hive-gateway/gateway.config.ts), and against two of our gateways taken in turn — all in front
 * of the same subgraphs, membership as two replicas behind one round-robin address: the seed figures, a
 * sample of the access matrix, refused tokens, a mutation and its idempotent retry, request ids, the
 * query limits, CSRF prevention, and a partial answer with one subgraph down. Our gateway reaches the
 * subgraphs with its signed proof, Hive Gateway with the router contract (caller's token + router secret).
 * Then what replicas share: a retry landing on the other membership replica is answered from the
 * receipt, and the rate limit counts across gateways in Redis (REDIS_URL) or per gateway without it.
 */
import { createLogger, envPrefix, issueToken, loadGatewayConfig, loadServiceConfig, loadSigningKeys, newSigningKey, Role, type Principal } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { hiveGatewayInstalled, startHiveGateway, type RunningHiveGateway } from "@kttt/launcher";
import { freePort, startRoundRobin, testSigningKeys, tokenFor, type RoundRobin, type TestSubgraph } from "@kttt/testkit";
import { randomBytes, randomUUID } from "node:crypto";
import { startMembershipService, type MembershipService } from "@kttt/membership";
import { startTestGraph, type TestGraph } from "./graph";

const installed = hiveGatewayInstalled();
if (!installed) {
  // CI installs it (.ci/run), so this never skips there.
  if (process.env.CI) throw new Error("Hive Gateway is not installed: .ci/run must run `npm ci --prefix deploy/hive-gateway`.");
  console.warn("[e2e gateways] Hive Gateway part skipped: run `npm ci --prefix deploy/hive-gateway` to include it");
}

const ROUTER_SECRET = randomBytes(32).toString("hex");
const silent = createLogger("gateway", "silent");
let graph: TestGraph;
let membershipPool: RoundRobin;
let replica: MembershipService;
let gatewayB: GatewayServer;
let hive: RunningHiveGateway | null = null;
/** The subgraphs' URLs as the gateways call them: membership through its round-robin address. */
let subgraphUrls: Record<string, string>;
let jwksUrl: string;

beforeAll(async () => {
  membershipPool = await startRoundRobin();
  graph = await startTestGraph({ MEMBERSHIP_URL: membershipPool.url }, { ROUTER_SECRET });
  const first = graph.subgraphs.membership as unknown as TestSubgraph;
  // A second membership process on the same database, as a deployment's second replica.
  jwksUrl = graph.gateway.url.replace(/\/graphql$/u, "/.well-known/jwks.json");
  replica = await startMembershipService(
    {
      ...loadServiceConfig("membership", { MEMBERSHIP_DATABASE_URL: first.database.url, NODE_ENV: "test", ROUTER_SECRET, AUTH_JWKS_URL: jwksUrl }),
      port: 0,
      poolSize: 4,
    },
    createLogger("membership", "silent"),
  );
  membershipPool.targets.push(first.url.replace(/\/graphql$/u, ""), replica.server.url.replace(/\/graphql$/u, ""));
  subgraphUrls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, name === "membership" ? membershipPool.url : s.url]));
  const urlEnv = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${envPrefix(name)}_URL`, url]));
  gatewayB = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", ...urlEnv }), port: 0 }, silent);
  if (installed) {
    hive = await startHiveGateway({ port: await freePort(), subgraphUrls, jwksUrl, routerSecret: ROUTER_SECRET, env: { SUBGRAPH_TIMEOUT_MS: "5000" } });
  }
}, 120_000);
afterAll(async () => {
  await hive?.stop();
  await gatewayB?.close();
  await graph?.stop();
  await replica?.stop();
  await membershipPool?.close();
});

const who = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  subject: `e2e-${role.toLowerCase()}-${extra.department ?? extra.adminUnitCode ?? ""}`,
  role,
  department: null,
  adminUnitCode: null,
  name: null,
  ...extra,
});
const STAFF = who(Role.ALLIANCE_STAFF);
const ADMIN = who(Role.ALLIANCE_ADMIN);
const SO_CT = who(Role.DEPARTMENT, { department: "SO_CT" });
/** Xã Hương Xuân (18544), a commune of today's map with demo cooperatives. */
const COMMUNE_18544 = who(Role.COMMUNE, { adminUnitCode: "18544" });

interface Answer {
  status: number;
  headers: Headers;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

async function ask(
  url: string,
  query: string,
  caller: Principal | null,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(caller ? { authorization: `Bearer ${await tokenFor(caller)}` } : {}),
    ...options.headers,
  };
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables: options.variables }) });
  const text = await res.text();
  let body: Omit<Answer, "status" | "headers"> = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, headers: res.headers, ...body };
}

/** Each error's path and code, in path order (gateways may list them in either order). */
const codes = (answer: Answer) =>
  (answer.errors ?? []).map((e) => [e.path?.join(".") ?? "", e.extensions?.code]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

let turn = 0;
const GATEWAYS: [string, () => string][] = [
  ["our gateway", () => graph.gateway.url],
  ...(installed ? ([["Hive Gateway", () => hive!.url]] as [string, () => string][]) : []),
  ["two of our gateways in turn", () => (turn++ % 2 === 0 ? graph.gateway.url : gatewayB.url)],
];

describe.each(GATEWAYS)("through %s", (gatewayName, url) => {
  it("answers the seed's figures of the mid-2024 review across subgraphs", async () => {
    const answer = await ask(
      url(),
      `{
        membershipStatistics(year: 2024) { total { cooperativeCount unionCount groupCount charterCapital { average } averageWorkerMonthlyIncome } }
        ocopStatistics(asOf: "2024-07-15") { total { activeProducts collectiveOwnedProducts } }
        collectiveEconomy(period: { year: 2024, half: H1, asOf: "2024-07-15" }) { membership { cooperativeCount } ocop { activeProducts } policySupport { planned } tradePromotion { events } }
      }`,
      STAFF,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.membershipStatistics.total).toEqual({
      cooperativeCount: 975,
      unionCount: 3,
      groupCount: 2538,
      charterCapital: { average: "2002000000" },
      averageWorkerMonthlyIncome: "4000000",
    });
    expect(answer.data.ocopStatistics.total).toEqual({ activeProducts: 239, collectiveOwnedProducts: 66 });
    expect(answer.data.collectiveEconomy.membership.cooperativeCount).toBe(975);
    expect(answer.data.collectiveEconomy.ocop.activeProducts).toBe(239);
    expect(answer.data.collectiveEconomy.policySupport.planned).toMatch(/^[1-9]\d+$/u);
  });

  it("applies the access matrix: the public, a department and a commune each get their cells, field by field", async () => {
    const query = `{
      ocopProducts(first: 1) { totalCount }
      membershipStatistics(year: 2024) { total { cooperativeCount } }
      cooperatives(first: 1, filter: { adminUnitCode: "18544" }) { nodes { adminUnitCode members(first: 1) { totalCount } } }
      membershipAuditTrail(first: 1) { operation }
    }`;
    const publicAnswer = await ask(url(), query, null);
    expect(publicAnswer.data.ocopProducts.totalCount).toBeGreaterThan(200);
    expect(publicAnswer.data.membershipStatistics).toBeNull();
    expect(codes(publicAnswer)).toEqual(
      expect.arrayContaining([
        ["membershipStatistics", "UNAUTHENTICATED"],
        ["membershipAuditTrail", "UNAUTHENTICATED"],
      ]),
    );

    const department = await ask(url(), query, SO_CT);
    expect(department.data.membershipStatistics.total.cooperativeCount).toBe(975);
    expect(department.data.cooperatives.nodes[0].members).toBeNull();
    expect(codes(department)).toEqual([
      ["cooperatives.nodes.0.members", "FORBIDDEN"],
      ["membershipAuditTrail", "FORBIDDEN"],
    ]);

    const commune = await ask(url(), query, COMMUNE_18544);
    expect(commune.data.cooperatives.nodes[0].members.totalCount).toBeGreaterThan(0);
    expect(codes(commune)).toEqual([["membershipAuditTrail", "FORBIDDEN"]]);

    const admin = await ask(url(), query, ADMIN);
    expect(admin.errors).toBeUndefined();
  });

  it("refuses an expired or forged token with HTTP 401 before any subgraph is asked", async () => {
    const forger = await loadSigningKeys([await newSigningKey("ES256", (await testSigningKeys()).current.kid)]);
    for (const token of [await tokenFor(ADMIN, -30), await issueToken(ADMIN, forger)]) {
      const answer = await ask(url(), "{ membershipStatistics(year: 2024) { total { cooperativeCount } } }", null, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect({ gatewayName, status: answer.status, data: answer.data ?? null }).toEqual({ gatewayName, status: 401, data: null });
    }
  });

  it("writes once, in one transaction, with the caller and the request id in the audit trail; a retry is answered from the receipt", async () => {
    const requestId = `e2e-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    const mutation = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id name version } }`;
    const input = {
      idempotencyKey,
      kind: "COOPERATIVE",
      name: `Hợp tác xã Kiểm thử ${gatewayName}`,
      adminUnitCode: "444",
      sector: "AGRICULTURE",
      establishedOn: "2025-03-01",
      status: "SUSPENDED",
      registrationNumber: String(Date.now()).slice(-10),
    };
    const first = await ask(url(), mutation, STAFF, { variables: { input }, headers: { "x-request-id": requestId } });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get("x-request-id")).toBe(requestId);
    const again = await ask(url(), mutation, STAFF, { variables: { input } });
    expect(again.data.registerOrganization).toEqual(first.data.registerOrganization);
    const refused = await ask(url(), mutation, SO_CT, {
      variables: { input: { ...input, idempotencyKey: randomUUID(), registrationNumber: String(Date.now() + 7).slice(-10) } },
    });
    expect(codes(refused)).toEqual([["registerOrganization", "FORBIDDEN"]]);
    const trail = await ask(
      url(),
      `{ membershipAuditTrail(first: 5, resultRef: "${first.data.registerOrganization.id}") { operation actorSubject requestId } }`,
      ADMIN,
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.membershipAuditTrail).toEqual([{ operation: "registerOrganization", actorSubject: STAFF.subject, requestId }]);
  });

  it("refuses what our limits refuse: too deep, too many aliases, and a request that could skip CORS preflight", async () => {
    const deep = `{ cooperatives(first: 1) { nodes { adminUnit { ocopProducts(first: 1) { nodes { owner { ... on Cooperative { adminUnit { ocopProducts(first: 1) { nodes { owner { ... on Cooperative { adminUnit { ocopProducts(first: 1) { nodes { owner { ... on Cooperative { name } } } } } } } } } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: adminUnits { code }`).join(" ")} }`;
    for (const query of [deep, aliases]) {
      const answer = await ask(url(), query, STAFF);
      expect({ gatewayName, data: answer.data ?? null, refused: answer.errors?.length ?? 0 }).toEqual({ gatewayName, data: null, refused: expect.any(Number) });
      expect(answer.errors!.length).toBeGreaterThan(0);
      expect(answer.errors![0].message).toMatch(/depth|alias/iu);
    }
    const simple = await fetch(`${url()}?query=${encodeURIComponent("{ __typename }")}`, { method: "GET" });
    expect({ gatewayName, status: simple.status }).toEqual({ gatewayName, status: expect.any(Number) });
    expect(simple.status).toBeGreaterThanOrEqual(400);
    const preflighted = await fetch(`${url()}?query=${encodeURIComponent("{ __typename }")}`, {
      method: "GET",
      headers: { "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
  });
  it("refuses a fragment fan-out before validating it, and a second __schema, with our gateway's messages", async () => {
    const levels = 20;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Query { __typename ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : ""} }`,
    ).join("\n");
    const fanOut = await ask(url(), `{ ...F0 }\n${fragments}`, STAFF);
    expect({ gatewayName, data: fanOut.data ?? null, limit: fanOut.errors?.[0]?.extensions?.limit }).toEqual({
      gatewayName,
      data: null,
      limit: "expandedSelections",
    });
    expect(fanOut.errors![0].message).toMatch(/^The operation's fragments expand to \d+ fields; at most 10000 are allowed/u);
    const twice = await ask(url(), "{ a: __schema { queryType { name } } b: __schema { queryType { name } } }", STAFF);
    expect({ gatewayName, data: twice.data ?? null, messages: twice.errors?.map((e) => e.message) }).toEqual({
      gatewayName,
      data: null,
      messages: ["An operation may ask for __schema at most once (found 2): it is the whole schema each time."],
    });
  });

  it("suggests field names to signed-in callers only", async () => {
    const typo = "{ cooperativs(first: 1) { totalCount } }";
    const [anonymous, staff] = [await ask(url(), typo, null), await ask(url(), typo, STAFF)];
    expect({ gatewayName, message: anonymous.errors?.[0]?.message }).toEqual({ gatewayName, message: 'Cannot query field "cooperativs" on type "Query".' });
    expect({ gatewayName, message: staff.errors?.[0]?.message }).toEqual({
      gatewayName,
      message: expect.stringMatching(/^Cannot query field "cooperativs" on type "Query"\. Did you mean "cooperatives/u),
    });
  });
});

describe("replicas", () => {
  it("answers a retry that lands on the other membership replica, through the other gateway, from the idempotency receipt", async () => {
    const mutation = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version } }`;
    const input = {
      idempotencyKey: randomUUID(),
      kind: "COOPERATIVE_GROUP",
      name: "Tổ hợp tác Hai Bản Sao",
      adminUnitCode: "436",
      sector: "AGRICULTURE",
      establishedOn: "2025-05-02",
      status: "SUSPENDED",
    };
    const before = membershipPool.served.length;
    const first = await ask(graph.gateway.url, mutation, STAFF, { variables: { input } });
    const retry = await ask(gatewayB.url, mutation, STAFF, { variables: { input } });
    expect(first.errors).toBeUndefined();
    expect(retry.data.registerOrganization).toEqual(first.data.registerOrganization);
    const writes = membershipPool.served.slice(before).filter((r) => r.body.includes("registerOrganization"));
    expect(writes).toHaveLength(2);
    expect(writes[0].target).not.toBe(writes[1].target);
    // Written once: one audit record for the organisation, though two replicas were asked.
    const trail = await ask(graph.gateway.url, `{ membershipAuditTrail(first: 5, resultRef: "${first.data.registerOrganization.id}") { operation } }`, ADMIN);
    expect(trail.data.membershipAuditTrail).toHaveLength(1);
  });

  it("counts the rate limit across gateways in the shared Redis, and per gateway without it", async () => {
    const urlEnv = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${envPrefix(name)}_URL`, url]));
    const pair = async (env: Record<string, string>) =>
      Promise.all(
        [0, 1].map(() => startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", ...urlEnv, RATE_LIMIT_PER_MINUTE: "6", ...env }), port: 0 }, silent)),
      );
    const statuses = async (gateways: GatewayServer[]) => {
      const seen: number[] = [];
      for (let i = 0; i < 10; i++) seen.push((await ask(gateways[i % 2].url, "{ __typename }", null)).status);
      return seen;
    };
    const shared = await pair({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", REDIS_PREFIX: `kttt-test-${randomUUID()}:` });
    try {
      expect(await statuses(shared)).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
    } finally {
      await Promise.all(shared.map((g) => g.close()));
    }
    const apart = await pair({});
    try {
      expect(await statuses(apart)).toEqual(Array(10).fill(200));
    } finally {
      await Promise.all(apart.map((g) => g.close()));
    }
  });
});

(installed ? describe : describe.skip)("Hive Gateway replicas", () => {
  it("count one client's requests together in the shared Redis: 429 with our message past the limit", async () => {
    const env = { RATE_LIMIT_PER_MINUTE: "6", REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", REDIS_PREFIX: `kttt-test-${randomUUID()}:` };
    const pair = await Promise.all(
      [0, 1].map(async () => startHiveGateway({ port: await freePort(), subgraphUrls, jwksUrl, routerSecret: ROUTER_SECRET, env })),
    );
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 10; i++) answers.push(await ask(pair[i % 2].url, "{ __typename }", null));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
      expect(answers[9].errors).toEqual([
        { message: expect.stringMatching(/^Too many requests: at most 6 a minute from one client/u), extensions: { code: "RATE_LIMITED", limitPerMinute: 6 } },
      ]);
      expect(Number(answers[9].headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await Promise.all(pair.map((h) => h.stop()));
    }
  }, 60_000);
});

describe("with the ocop subgraph down", () => {
  beforeAll(async () => {
    await graph.subgraphs.ocop.service.server.close();
  });

  it.each(GATEWAYS)("%s answers the rest, with SUBGRAPH_UNAVAILABLE on the missing part", async (_name, url) => {
    const answer = await ask(
      url(),
      `{ membershipStatistics(year: 2024) { total { cooperativeCount } } ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`,
      STAFF,
    );
    expect(answer.status).toBe(200);
    expect(answer.data.membershipStatistics.total.cooperativeCount).toBe(975);
    expect(answer.data.ocopStatistics).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
    // Both gateways say it the same way: the subgraph's name, SUBGRAPH_UNAVAILABLE and a sentence with the cause.
    expect(answer.errors?.find((e) => e.extensions?.serviceName === "ocop")).toEqual({
      message: expect.stringMatching(/^The ocop service is unavailable right now \(.+\); the fields it serves are missing from this answer\.$/u),
      extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "ocop" }),
      ...(answer.errors?.find((e) => e.extensions?.serviceName === "ocop")?.path ? { path: ["ocopStatistics"] } : {}),
    });
  });
});
