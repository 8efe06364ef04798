/**
 * Who may read the shape of the graph, through the real gateway: introspection and the Sandbox
 * landing page under INTROSPECTION=everyone (development default), authenticated (production
 * default) and off, and "Did you mean …?" suggestions, which the public never gets.
 */
import { createLogger, dropDatabase, loadGatewayConfig, Role, type Principal } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { ANONYMOUS_HEADERS, as, databaseUrl, graphql, runPrefix, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";

let membership: TestSubgraph;
/** By INTROSPECTION: development's default (everyone), production's (authenticated), and off. */
let development: GatewayServer;
let production: GatewayServer;
let off: GatewayServer;
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_introspection_${process.pid}`);

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  const start = (env: Record<string, string>) =>
    startGateway(
      { ...loadGatewayConfig({ MEMBERSHIP_URL: membership.url, RATE_LIMIT_PER_MINUTE: "100000", ...env }), port: 0 },
      createLogger("gateway", "silent"),
    );
  development = await start({ NODE_ENV: "development" });
  production = await start({ NODE_ENV: "production", GATEWAY_DATABASE_URL: gatewayDb() });
  off = await start({ NODE_ENV: "development", INTROSPECTION: "off" });
}, 60_000);
afterAll(async () => {
  for (const gateway of [development, production, off]) await gateway?.close();
  await membership?.stop();
  await dropDatabase(gatewayDb());
});

const staff: Principal = { subject: "nhanvien.lan", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: null };
const commune: Principal = { subject: "ubnd.18202", role: Role.COMMUNE, department: null, adminUnitCode: "18202", name: null };
const SCHEMA = `{ __schema { queryType { name } types { name } } }`;
const TYPE = `{ __type(name: "Cooperative") { name fields { name } } }`;
/** A field that does not exist, close to one that does, and an enum value with a typo. */
const FIELD_TYPO = `{ cooperative(first: 1) { totalCount } }`;
const ENUM_TYPO = `{ cooperatives(first: 1, filter: { rating: GOODD }) { totalCount } }`;

function allowed(res: Awaited<ReturnType<typeof graphql>>) {
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
}

/** Apollo Server's page at GET /graphql (the landing page at / links to it). */
async function landingPage(gateway: GatewayServer) {
  const res = await fetch(gateway.url, { headers: { accept: "text/html" } });
  expect(res.status).toBe(200);
  return res.text();
}

describe("INTROSPECTION=authenticated (production's default)", () => {
  it("refuses the public's __schema and __type with UNAUTHENTICATED and says how to sign in", async () => {
    for (const query of [
      SCHEMA,
      TYPE,
      `query { ...F } fragment F on Query { __schema { types { name } } }`,
      `{ adminUnits { code } shape: __type(name: "AdminUnit") { name } }`,
    ]) {
      const res = await graphql(production.url, query, undefined, ANONYMOUS_HEADERS);
      expect(res.status).toBe(401);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toEqual({ code: "UNAUTHENTICATED", reason: "INTROSPECTION_REQUIRES_SIGN_IN" });
      expect(res.errors![0].message).toMatch(/^Sign in to explore the schema/u);
    }
  });

  it("refuses before any subgraph is called: no SQL for an operation that also asks for data", async () => {
    membership.service.statements.start();
    const res = await graphql(
      production.url,
      `
        {
          __schema {
            queryType {
              name
            }
          }
          adminUnits {
            code
            name
          }
        }
      `,
      undefined,
      ANONYMOUS_HEADERS,
    );
    expect(membership.service.statements.stop()).toBe(0);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    // The same data without introspection does reach the subgraph, so the count above can see it.
    membership.service.statements.start();
    allowed(
      await graphql(
        production.url,
        `
          {
            adminUnits {
              code
              name
            }
          }
        `,
        undefined,
        ANONYMOUS_HEADERS,
      ),
    );
    expect(membership.service.statements.stop()).toBeGreaterThan(0);
  });

  it("always answers __typename, for the public too", async () => {
    const res = await graphql(
      production.url,
      `
        {
          __typename
          adminUnits {
            __typename
            code
          }
        }
      `,
      undefined,
      ANONYMOUS_HEADERS,
    );
    allowed(res);
    expect(res.data.__typename).toBe("Query");
    expect(res.data.adminUnits[0].__typename).toBe("AdminUnit");
  });

  it("answers introspection for a signed-in caller: staff and commune tokens", async () => {
    for (const principal of [staff, commune]) {
      const res = await graphql(production.url, SCHEMA, undefined, await as(principal));
      allowed(res);
      expect(res.data.__schema.queryType.name).toBe("Query");
      expect(res.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["Cooperative", "OcopProduct", "TradeEvent"]));
      const type = await graphql(production.url, TYPE, undefined, await as(principal));
      allowed(type);
      expect(type.data.__type.fields.map((f: { name: string }) => f.name)).toContain("registrationNumber");
    }
  });

  it("answers introspection for a machine client with an API key", async () => {
    const created = await fetch(production.url.replace(/\/graphql$/u, "/admin/api-keys"), {
      method: "POST",
      headers: { "content-type": "application/json", ...(await as({ ...staff, subject: "quantri", role: Role.ALLIANCE_ADMIN })) },
      body: JSON.stringify({ name: "Sở Công Thương — báo cáo", role: "DEPARTMENT", department: "SO_CT", expiresOn: "2099-12-31" }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const res = await graphql(production.url, SCHEMA, undefined, { authorization: "", "x-api-key": key });
    allowed(res);
    expect(res.data.__schema.queryType.name).toBe("Query");
  });

  it("still serves Apollo Sandbox on the landing page, for signed-in callers to paste their token into", async () => {
    expect(await landingPage(production)).toContain("embeddableSandbox");
  });

  it("keeps suggestions from the public and gives them to signed-in callers", async () => {
    const anonymous = await graphql(production.url, FIELD_TYPO, undefined, ANONYMOUS_HEADERS);
    // A request error, answered in application/json: 200 (http-status.ts).
    expect(anonymous.status).toBe(200);
    expect(anonymous.errors![0].message).toBe('Cannot query field "cooperative" on type "Query".');
    const signedIn = await graphql(production.url, FIELD_TYPO, undefined, await as(staff));
    expect(signedIn.errors![0].message).toBe('Cannot query field "cooperative" on type "Query". Did you mean "cooperatives"?');
  });
});

describe("INTROSPECTION=everyone (development's default)", () => {
  it("answers introspection for the public and for signed-in callers", async () => {
    for (const headers of [ANONYMOUS_HEADERS, await as(staff)]) {
      const res = await graphql(development.url, SCHEMA, undefined, headers);
      allowed(res);
      expect(res.data.__schema.queryType.name).toBe("Query");
      allowed(await graphql(development.url, TYPE, undefined, headers));
    }
  });

  it("serves Apollo Sandbox on the landing page", async () => {
    expect(await landingPage(development)).toContain("embeddableSandbox");
  });

  it("gives suggestions to signed-in callers only, in the message and the stack trace alike", async () => {
    for (const [query, suggestion] of [
      [FIELD_TYPO, 'Did you mean "cooperatives"?'],
      [ENUM_TYPO, 'Did you mean the enum value "GOOD"?'],
    ]) {
      const signedIn = await graphql(development.url, query, undefined, await as(staff));
      expect(signedIn.errors![0].message).toContain(suggestion);
      const anonymous = await graphql(development.url, query, undefined, ANONYMOUS_HEADERS);
      expect(anonymous.errors).toHaveLength(1);
      expect(anonymous.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(anonymous.errors![0].message).toBe(signedIn.errors![0].message.replace(` ${suggestion}`, ""));
      // Development answers with stack traces, whose first line repeats the message.
      expect(anonymous.errors![0].extensions?.stacktrace?.length).toBeGreaterThan(0);
      expect(JSON.stringify(anonymous)).not.toMatch(/Did you mean/u);
    }
  });
});

describe("INTROSPECTION=off", () => {
  it("refuses introspection to everyone, signed in or not", async () => {
    for (const headers of [ANONYMOUS_HEADERS, await as(staff)]) {
      for (const query of [SCHEMA, TYPE]) {
        const res = await graphql(off.url, query, undefined, headers);
        expect(res.status).toBe(200);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
        expect(res.errors?.[0].message).toMatch(/introspection is not allowed/iu);
      }
    }
    allowed(
      await graphql(
        off.url,
        `
          {
            __typename
          }
        `,
        undefined,
        await as(staff),
      ),
    );
  });

  it("serves no Sandbox on the landing page", async () => {
    const page = await landingPage(off);
    expect(page).not.toContain("embeddableSandbox");
    expect(page).toContain("Apollo Server");
  });

  it("gives suggestions to no one (FIELD_SUGGESTIONS follows INTROSPECTION=off by default)", async () => {
    const res = await graphql(off.url, FIELD_TYPO, undefined, await as(staff));
    expect(res.errors![0].message).toBe('Cannot query field "cooperative" on type "Query".');
  });
});
