/**
 * The shared look-up against a stand-in endpoint that records what it is asked and answers as told:
 * aliases and batching, the caller's headers, and every failure turned into SERVICE_UNAVAILABLE naming
 * the part that failed. (The real gateway, membership and ocop answer it in tests/test.)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GATEWAY_PROOF_HEADER, verifyGatewayProof } from "../src/auth";
import { DomainError } from "../src/errors";
import { GATEWAY_MAX_ALIASES, GatewayLookup, lookupEnvName, lookupUrlFrom, type LookupPart } from "../src/gateway-lookup";
import { organizationsById } from "../src/membership-organizations";
import { runInRequest } from "../src/request-context";

interface Asked {
  headers: http.IncomingHttpHeaders;
  body: { operationName: string; query: string; variables: Record<string, string> };
}

let server: http.Server;
let url: string;
const asked: Asked[] = [];
/** How the stand-in answers one request; by default every alias of a known id is found. */
let answer: (request: Asked) => { status?: number; body: unknown } | "hang";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: JSON.parse(text) };
      asked.push(request);
      const reply = answer(request);
      if (reply === "hang") return;
      res.writeHead(reply.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  asked.length = 0;
  answer = ({ body }) => ({
    body: { data: Object.fromEntries(Object.entries(body.variables).map(([alias, id]) => [alias, id.startsWith("unknown") ? null : { id, name: `N ${id}` }])) },
  });
});

const named = (ids: string[], field: string, subgraph = "ocop"): LookupPart<{ id: string; name: string }> => ({
  field: "thing",
  subgraph,
  selection: "id name",
  ids,
  read: (a) => ({ id: a.id, name: a.name }),
  unavailable: { field, reason: "THING_LOOKUP_FAILED", message: "The thing registry could not be asked" },
});

async function refusal(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { message: (error as DomainError).message, ...(error as DomainError).extensions };
}

describe("GatewayLookup", () => {
  // A generous wait for answers (a loaded CI machine took over 300 ms for one local request); a short one only where
  // the test server hangs on purpose.
  const lookup = (timeoutMs = 10_000) => new GatewayLookup(url, "s".repeat(32), "test-service", "TestLookup", timeoutMs);

  it("asks for every part in one request, each id once, as aliases of the root fields", async () => {
    const found = await lookup().find({ a: named(["x", "y", "x"], "input.a"), b: { ...named(["unknown-1"], "input.b"), field: "other" } });
    expect(asked).toHaveLength(1);
    expect(asked[0].body.operationName).toBe("TestLookup");
    expect(asked[0].body.query).toBe(
      "query TestLookup($a_0: ID!, $a_1: ID!, $b_0: ID!) {\n  a_0: thing(id: $a_0) { id name }\n  a_1: thing(id: $a_1) { id name }\n  b_0: other(id: $b_0) { id name }\n}",
    );
    expect(asked[0].body.variables).toEqual({ a_0: "x", a_1: "y", b_0: "unknown-1" });
    expect([...found.a]).toEqual([
      ["x", { id: "x", name: "N x" }],
      ["y", { id: "y", name: "N y" }],
    ]);
    expect([...found.b]).toEqual([["unknown-1", null]]);
  });

  it("sends nothing when there is nothing to ask, and no more aliases in one request than the gateway takes", async () => {
    expect((await lookup().find({ a: named([], "input.a") })).a.size).toBe(0);
    expect(asked).toHaveLength(0);
    const ids = Array.from({ length: 2 * GATEWAY_MAX_ALIASES + 5 }, (_, i) => `id-${i}`);
    const found = await lookup().find({ a: named(ids, "input.a") });
    expect(asked.map((a) => Object.keys(a.body.variables).length)).toEqual([GATEWAY_MAX_ALIASES, GATEWAY_MAX_ALIASES, 5]);
    expect([...found.a.keys()]).toEqual(ids);
  });

  it("asks as the caller of the request it serves: their token and a gateway proof naming them", async () => {
    const principal = { subject: "u-1", role: "ALLIANCE_STAFF", department: null, adminUnitCode: null, name: null } as never;
    await runInRequest({ requestId: "r-1", principal, authorization: "Bearer caller-token" }, () => lookup().find({ a: named(["x"], "input.a") }));
    expect(asked[0].headers).toMatchObject({ authorization: "Bearer caller-token", "x-kttt-caller": "test-service" });
    expect(await verifyGatewayProof(asked[0].headers[GATEWAY_PROOF_HEADER], "s".repeat(32))).toEqual({ principal, requestId: "r-1" });
  });

  it("asks as the caller it is bound to, outside any request scope (a read's GraphQL context)", async () => {
    const principal = { subject: "u-2", role: "COMMUNE", department: null, adminUnitCode: "18202", name: null } as never;
    await lookup()
      .forCaller({ requestId: "r-2", principal, authorization: "Bearer commune-token" })
      .find({ a: named(["x"], "input.a") });
    expect(asked[0].headers).toMatchObject({ authorization: "Bearer commune-token" });
    expect(await verifyGatewayProof(asked[0].headers[GATEWAY_PROOF_HEADER], "s".repeat(32))).toEqual({ principal, requestId: "r-2" });
  });

  it("answers SERVICE_UNAVAILABLE for the part whose subgraph failed, else for the first part", async () => {
    const parts = () => ({ a: named(["x"], "input.a", "membership"), b: named(["y"], "input.b", "ocop") });
    answer = () => ({ body: { data: { a_0: { id: "x", name: "N" }, b_0: null }, errors: [{ message: "ocop is down", extensions: { serviceName: "ocop" } }] } });
    expect(await refusal(lookup().find(parts()))).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      field: "input.b",
      reason: "THING_LOOKUP_FAILED",
      message: "The thing registry could not be asked (ocop is down). Nothing was saved; try again shortly.",
    });
    answer = () => ({ body: { data: { a_0: null, b_0: null }, errors: [{ message: "boom", path: ["b_0"] }] } });
    expect(await refusal(lookup().find(parts()))).toMatchObject({ field: "input.b" });
    answer = () => ({ status: 401, body: { errors: [{ message: "Sign in" }] } });
    expect(await refusal(lookup().find(parts()))).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      field: "input.a",
      message: expect.stringContaining("HTTP 401: Sign in"),
    });
    answer = () => "hang";
    expect(await refusal(lookup(300).find(parts()))).toMatchObject({ code: "SERVICE_UNAVAILABLE", field: "input.a" });
    const closed = new GatewayLookup("http://127.0.0.1:9/graphql", "s".repeat(32), "test-service", "TestLookup");
    expect(await refusal(closed.find({ o: organizationsById(["x"], "input.organizationId") }))).toMatchObject({
      field: "input.organizationId",
      reason: "ORGANIZATION_LOOKUP_FAILED",
    });
  });

  it("reads its URL from the environment, the gateway by default, and refuses one that is not a URL", () => {
    expect(lookupUrlFrom({}, "X_LOOKUP_URL")).toBe("http://127.0.0.1:4000/graphql");
    expect(lookupUrlFrom({ X_LOOKUP_URL: "http://gateway:4000/graphql" }, "X_LOOKUP_URL")).toBe("http://gateway:4000/graphql");
    expect(() => lookupUrlFrom({ X_LOOKUP_URL: "gateway" }, "X_LOOKUP_URL")).toThrow(/X_LOOKUP_URL is not a URL/u);
  });

  it("is named <SUBGRAPH>_LOOKUP_URL for every subgraph, and still reads a documented former name with a deprecation warning", () => {
    expect(["ocop", "trade-promotion", "policy-support"].map(lookupEnvName)).toEqual([
      "OCOP_LOOKUP_URL",
      "TRADE_PROMOTION_LOOKUP_URL",
      "POLICY_SUPPORT_LOOKUP_URL",
    ]);
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    expect(lookupUrlFrom({ OCOP_ORGANIZATION_LOOKUP_URL: "http://old:4000/graphql" }, "OCOP_LOOKUP_URL", warn)).toBe("http://old:4000/graphql");
    expect(warnings).toEqual([expect.stringMatching(/OCOP_ORGANIZATION_LOOKUP_URL is deprecated: set OCOP_LOOKUP_URL/u)]);
    // The new name wins, silently; a bad former value is reported under the former name.
    expect(
      lookupUrlFrom({ OCOP_LOOKUP_URL: "http://new:4000/graphql", OCOP_ORGANIZATION_LOOKUP_URL: "http://old:4000/graphql" }, "OCOP_LOOKUP_URL", warn),
    ).toBe("http://new:4000/graphql");
    expect(warnings).toHaveLength(1);
    expect(() => lookupUrlFrom({ OCOP_ORGANIZATION_LOOKUP_URL: "old" }, "OCOP_LOOKUP_URL", warn)).toThrow(/OCOP_ORGANIZATION_LOOKUP_URL is not a URL/u);
  });
});
