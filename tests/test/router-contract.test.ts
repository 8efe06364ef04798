/**
 * The contract any federation router can speak by configuration: the issuer publishes its public keys
 * (JWKS) and exchanges API keys for short-lived bearer tokens; a subgraph answers a request that carries
 * the static router secret and verifies the caller's own token with those keys, and refuses anything
 * else — while our gateway's signed proof keeps working beside it.
 */
import {
  dropDatabase,
  GATEWAY_PROOF_HEADER,
  issueToken,
  loadSigningKeys,
  newSigningKey,
  ROUTER_SECRET_HEADER,
  Role,
  signToken,
  type Principal,
} from "@kttt/core";
import { as, databaseUrl, freePort, proofFor, runPrefix, testSigningKeys, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { JWK } from "jose";
import { startTestGraph, type TestGraph } from "./graph";

const ROUTER_SECRET = randomBytes(32).toString("hex");
let graph: TestGraph;
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_router_${process.pid}`);
beforeAll(async () => {
  graph = await startTestGraph({ GATEWAY_DATABASE_URL: gatewayDb() }, { ROUTER_SECRET });
}, 60_000);
afterAll(async () => {
  await graph?.stop();
  await dropDatabase(gatewayDb());
});

const admin: Principal = { subject: "quantri.router", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: "Quản trị" };
const commune: Principal = { subject: "xa.18202", role: Role.COMMUNE, department: null, adminUnitCode: "18202", name: "UBND xã Tứ Mỹ" };
/** A token of the retired district role, as one issued before 1/7/2025 would read. */
const district = { subject: "huyen.444", role: "DISTRICT", department: null, adminUnitCode: "444", name: "UBND huyện Hương Khê" } as unknown as Principal;
const base = () => graph.gateway.url.replace(/\/graphql$/u, "");

/** A request as a router sends it: no gateway proof, only the headers given. */
async function direct(url: string, headers: Record<string, string>, query = "{ __typename }") {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

describe("the issuer", () => {
  it("publishes its public keys as a JWKS, without the private part", async () => {
    const res = await fetch(`${base()}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=300/u);
    const jwks = (await res.json()) as { keys: JWK[] };
    const { current } = await testSigningKeys();
    expect(jwks.keys.map((k) => [k.kid, k.alg, k.use])).toEqual([[current.kid, "ES256", "sig"]]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/u);
  });

  it("exchanges an API key for a five-minute bearer token (OAuth 2.0 client credentials) that acts with the key's role", async () => {
    const created = await fetch(`${base()}/admin/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await as(admin)) },
      body: JSON.stringify({ name: "Sở Tài chính — đối soát", role: "DEPARTMENT", department: "SO_TC", expiresOn: "2099-12-31" }),
    });
    const { key, id } = (await created.json()) as { key: string; id: string };
    const exchange = async (body: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base()}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });
      return { status: res.status, cache: res.headers.get("cache-control"), body: (await res.json()) as Record<string, any> };
    };
    const form = await exchange(new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: key }).toString());
    expect(form).toMatchObject({ status: 200, cache: "no-store", body: { token_type: "Bearer", expires_in: 300 } });
    const basic = await exchange("grant_type=client_credentials", { authorization: `Basic ${Buffer.from(`${id}:${key}`).toString("base64")}` });
    expect(basic.status).toBe(200);
    const claims = JSON.parse(Buffer.from(form.body.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ sub: `apikey:${id}`, role: "DEPARTMENT", dept: "SO_TC" });
    expect(claims.exp - claims.iat).toBe(300);
    expect(JSON.parse(Buffer.from(form.body.access_token.split(".")[0], "base64url").toString())).toMatchObject({
      alg: "ES256",
      kid: (await testSigningKeys()).current.kid,
    });

    // The token reads as SO_TC through the gateway: support amounts yes, the audit trail no.
    const headers = { "content-type": "application/json", authorization: `Bearer ${form.body.access_token}` };
    const read = await fetch(graph.gateway.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: "{ policySupportStatistics(year: 2024) { total { disbursed } } membershipAuditTrail(first: 1) { operation } }" }),
    });
    const answer = (await read.json()) as any;
    expect(answer.data.policySupportStatistics.total.disbursed).toMatch(/^\d+$/u);
    expect(answer.errors.map((e: any) => [e.path[0], e.extensions.code])).toEqual([["membershipAuditTrail", "FORBIDDEN"]]);

    // Refusals in OAuth's own shape (RFC 6749 §5.2).
    expect(await exchange("grant_type=password&username=a&password=b")).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(await exchange("client_secret=x")).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await exchange("grant_type=client_credentials")).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(await exchange(`grant_type=client_credentials&client_secret=${key.slice(0, -2)}xx`)).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: "The API key is not valid." },
    });
    expect(await exchange(`grant_type=client_credentials&client_id=00000000-0000-4000-8000-000000000000&client_secret=${key}`)).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
    await fetch(`${base()}/admin/api-keys/${id}/revoke`, { method: "POST", headers: await as(admin) });
    expect(await exchange(`grant_type=client_credentials&client_secret=${key}`)).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: "The API key was revoked." },
    });
  });
});

describe("our gateway", () => {
  it("still takes a former HS256 token while AUTH_JWT_SECRET is configured, and an ES256 one", async () => {
    for (const token of [await signToken(commune, process.env.AUTH_JWT_SECRET!), await tokenFor(commune)]) {
      const res = await direct(graph.gateway.url, { authorization: `Bearer ${token}` }, "{ membershipAuditTrail(first: 1) { operation } adminUnits { code } }");
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(res.body.data.adminUnits.length).toBeGreaterThan(10);
    }
  });
});

describe("a subgraph behind a router", () => {
  const AUDIT = "{ membershipAuditTrail(first: 1) { operation } }";

  it("answers the router secret with the caller's own token, as that caller; without a token, as the public", async () => {
    const url = graph.subgraphs.membership.url;
    const asAdmin = await direct(url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, ...(await as(admin)), "x-request-id": "router-req-1" }, AUDIT);
    expect(asAdmin).toMatchObject({ status: 200, body: { data: { membershipAuditTrail: expect.any(Array) } } });
    const asCommune = await direct(url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, ...(await as(commune)) }, AUDIT);
    expect(asCommune.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // A district token is refused here too, with the reason, as at our gateway.
    const asDistrict = await direct(url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, ...(await as(district)) }, AUDIT);
    expect({ status: asDistrict.status, reason: asDistrict.body.errors?.[0].extensions?.reason }).toEqual({ status: 401, reason: "DISTRICT_ROLE_RETIRED" });
    expect(asDistrict.body.errors?.[0].message).toMatch(/district level ended on 1 July 2025/u);
    const asPublic = await direct(url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET }, AUDIT);
    expect(asPublic.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(asPublic.status).toBe(200);
  });

  it("refuses, on every subgraph, no router secret, a wrong one, and forged, expired or HS256 tokens; our gateway's proof still works", async () => {
    const forger = await loadSigningKeys([await newSigningKey("ES256", (await testSigningKeys()).current.kid)]);
    const unknownKid = await loadSigningKeys([await newSigningKey("EdDSA", "not-published")]);
    const secret = { [ROUTER_SECRET_HEADER]: ROUTER_SECRET };
    const attempts: Record<string, [Record<string, string>, RegExp]> = {
      "a valid token without the router secret": [await as(admin), /router secret header/u],
      "a wrong router secret": [{ [ROUTER_SECRET_HEADER]: randomBytes(32).toString("hex"), ...(await as(admin)) }, /router secret is not valid/u],
      "the gateway's secret instead of the router's": [
        { [ROUTER_SECRET_HEADER]: process.env.GATEWAY_SECRET!, ...(await as(admin)) },
        /router secret is not valid/u,
      ],
      "a token signed with another key under the published kid": [{ ...secret, authorization: `Bearer ${await issueToken(admin, forger)}` }, /not valid/u],
      "a token naming an unpublished kid": [{ ...secret, authorization: `Bearer ${await issueToken(admin, unknownKid)}` }, /not valid/u],
      "an expired token": [{ ...secret, authorization: `Bearer ${await tokenFor(admin, -10)}` }, /expired/u],
      "a former HS256 token (our gateway's alone)": [
        { ...secret, authorization: `Bearer ${await signToken(admin, process.env.AUTH_JWT_SECRET!)}` },
        /not valid/u,
      ],
      "a token with its signature cut off": [{ ...secret, authorization: `Bearer ${(await tokenFor(admin)).split(".").slice(0, 2).join(".")}.` }, /not valid/u],
    };
    for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
      for (const [attempt, [headers, message]] of Object.entries(attempts)) {
        const res = await direct(subgraph.url, headers);
        expect({ name, attempt, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({
          name,
          attempt,
          status: 401,
          code: "UNAUTHENTICATED",
        });
        expect({ name, attempt, message: res.body.errors?.[0]?.message }).toEqual({ name, attempt, message: expect.stringMatching(message) });
      }
      const routed = await direct(subgraph.url, { ...secret, ...(await as(admin)) });
      const proved = await direct(subgraph.url, { [GATEWAY_PROOF_HEADER]: await proofFor(admin) });
      expect({ name, routed: routed.status, proved: proved.status }).toEqual({ name, routed: 200, proved: 200 });
      // /ready and /metrics take either secret header.
      const ready = subgraph.url.replace(/\/graphql$/u, "/ready");
      expect((await fetch(ready, { headers: secret })).status).toBe(200);
      expect((await fetch(ready, { headers: { [ROUTER_SECRET_HEADER]: "forged" } })).status).toBe(401);
    }
  });

  it("writes the caller and the router's request id into the audit trail", async () => {
    const url = graph.subgraphs.membership.url;
    const mutation = `mutation { registerOrganization(input: { kind: COOPERATIVE, name: "Hợp tác xã Qua Bộ Định Tuyến", adminUnitCode: "444", sector: AGRICULTURE, establishedOn: "2024-03-01", status: SUSPENDED, registrationNumber: "${String(Date.now()).slice(-10)}" }) { id } }`;
    const res = await direct(url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, ...(await as(admin)), "x-request-id": "router-audit-42" }, mutation);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const trail = await direct(
      url,
      { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, ...(await as(admin)) },
      `{ membershipAuditTrail(first: 1) { operation actorSubject actorRole requestId } }`,
    );
    expect(trail.body.data.membershipAuditTrail[0]).toEqual({
      operation: "registerOrganization",
      actorSubject: "quantri.router",
      actorRole: "ALLIANCE_ADMIN",
      requestId: "router-audit-42",
    });
  });
});

describe("key rotation", () => {
  let membership: TestSubgraph;
  let jwksServer: http.Server;
  let published: JWK[] = [];
  let fetches = 0;

  beforeAll(async () => {
    const port = await freePort();
    jwksServer = http.createServer((_req, res) => {
      fetches += 1;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(port, "127.0.0.1", resolve));
    membership = await startTestSubgraph(membershipSubgraph, {
      variant: "empty",
      env: {
        ROUTER_SECRET,
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        AUTH_JWKS_COOLDOWN_MS: "0",
      },
    });
  }, 60_000);
  afterAll(async () => {
    await membership?.stop();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  it("fetches the JWKS once, keeps it, and fetches again for a token signed with a new kid", async () => {
    const oldKey = await newSigningKey("ES256", "2026-old");
    const newKey = await newSigningKey("EdDSA", "2026-new");
    const oldKeys = await loadSigningKeys([oldKey]);
    const rotated = await loadSigningKeys([newKey, oldKey]);
    published = oldKeys.jwks.keys;
    const ask = async (keys: typeof oldKeys) =>
      (await direct(membership.url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, authorization: `Bearer ${await issueToken(admin, keys)}` }, AUDIT_QUERY)).status;
    expect(await ask(oldKeys)).toBe(200);
    expect(await ask(oldKeys)).toBe(200);
    expect(fetches).toBe(1);
    // The issuer rotates: the new key signs, the old one is still published for tokens already out.
    published = rotated.jwks.keys;
    expect(await ask(rotated)).toBe(200);
    expect(fetches).toBe(2);
    expect(await ask(oldKeys)).toBe(200);
    expect(fetches).toBe(2);
    // The old key is retired: its tokens are refused once the verifier's copy is refreshed.
    published = rotated.jwks.keys.filter((k) => k.kid === "2026-new");
    const unknown = await loadSigningKeys([await newSigningKey("ES256", "never-published")]);
    expect(await ask(unknown)).toBe(401);
    expect(await ask(oldKeys)).toBe(401);
  });

  it("answers 503 SERVICE_UNAVAILABLE, not 401, while the issuer's keys cannot be fetched", async () => {
    const down = await startTestSubgraph(membershipSubgraph, {
      variant: "empty",
      env: { ROUTER_SECRET, AUTH_JWKS_URL: `http://127.0.0.1:${await freePort()}/.well-known/jwks.json` },
    });
    try {
      const res = await direct(down.url, { [ROUTER_SECRET_HEADER]: ROUTER_SECRET, ...(await as(admin)) });
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", reason: "JWKS_UNREACHABLE" });
    } finally {
      await down.stop();
    }
  });
});

const AUDIT_QUERY = "{ membershipAuditTrail(first: 1) { operation } }";
