/**
 * A corpus of hostile operations against the real gateway: each is refused with a clear error or
 * answered safely, the gateway stays up, and refused operations run no SQL at all. The largest real
 * operations (the dashboard's) pass the same limits.
 */
import { createLogger, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { ANONYMOUS_HEADERS, graphql, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import fs from "node:fs";
import path from "node:path";

let membership: TestSubgraph;
let gateway: GatewayServer;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  gateway = await startGateway(
    { ...loadGatewayConfig({ NODE_ENV: "production", MEMBERSHIP_URL: membership.url, RATE_LIMIT_PER_MINUTE: "100000" }), port: 0 },
    createLogger("gateway", "silent"),
  );
});
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
});

async function refusedWithoutSql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  membership.service.statements.start();
  const res = await graphql(gateway.url, query, variables, headers);
  expect(membership.service.statements.stop()).toBe(0);
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(res.data ?? null).toBeNull();
  return res;
}

function nested(depth: number): string {
  let inner = "name";
  for (let i = 0; i < depth; i++) inner = `members(first: 1) { nodes { memberOrganization { name ${inner.startsWith("name") && i === 0 ? "" : inner} } } }`;
  return `{ cooperativeUnions(first: 1) { nodes { ${inner} } } }`;
}

describe("hostile operations", () => {
  it("refuses a query nested too deep", async () => {
    const res = await refusedWithoutSql(nested(8));
    expect(res.errors![0].message).toMatch(/depth|cost/iu);
  });

  it("refuses an alias bomb", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: adminUnits { code }`).join(" ");
    const res = await refusedWithoutSql(`{ ${aliases} }`);
    expect(res.errors!.some((e) => /alias/iu.test(e.message))).toBe(true);
  });

  it("refuses a token bomb and a directive bomb", async () => {
    await refusedWithoutSql(`{ ${Array.from({ length: 4000 }, () => "__typename").join(" ")} }`);
    await refusedWithoutSql(`{ adminUnits { code ${Array.from({ length: 60 }, () => "@include(if: true)").join(" ")} } }`);
  });

  it("refuses cyclic fragments and a fragment fan-out", async () => {
    await refusedWithoutSql(`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`);
    const fanOut = `query { ...F0 } ${Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { adminUnits { code } ${i < 11 ? `...F${i + 1} ...F${i + 1}` : ""} }`).join(" ")}`;
    await refusedWithoutSql(fanOut);
  });

  it("refuses an oversized document and oversized variables with a clear status", async () => {
    for (const body of [
      JSON.stringify({ query: `{ adminUnits { code } } # ${"x".repeat(2_000_000)}` }),
      JSON.stringify({ query: "{ adminUnits { code } }", variables: { pad: "y".repeat(2_000_000) } }),
    ]) {
      const res = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("REQUEST_TOO_LARGE");
    }
  });

  it("answers injection strings in every filter and search safely", async () => {
    const attacks = [
      "'; DROP TABLE organization; --",
      '" OR 1=1 --',
      "%' OR '1'='1",
      "\\\\' UNION SELECT * FROM member --",
      "${jndi:ldap://x}",
      "<script>alert(1)</script>",
      "\u0000",
    ];
    for (const attack of attacks) {
      const res = await graphql(
        gateway.url,
        `
          query ($s: String, $u: String) {
            cooperatives(filter: { search: $s }) {
              totalCount
            }
            byUnit: cooperatives(filter: { adminUnitCode: $u }) {
              totalCount
            }
          }
        `,
        { s: attack, u: attack },
      );
      // The unit code is refused by its format; the search is just text that matches nothing.
      expect(res.errors?.[0]?.extensions?.code ?? "BAD_USER_INPUT").toBe("BAD_USER_INPUT");
      const search = await graphql(
        gateway.url,
        `
          query ($s: String, $id: ID!) {
            cooperatives(filter: { search: $s }) {
              totalCount
            }
            organization(id: $id) {
              id
            }
          }
        `,
        { s: attack, id: attack },
      );
      expect(search.errors).toBeUndefined();
      // Text is matched as text (nothing matches these); control characters alone make an empty search.
      if (/[\p{L}\p{N}]/u.test(attack)) expect(search.data.cooperatives.totalCount).toBe(0);
      expect(search.data.organization).toBeNull();
    }
    const after = await graphql(
      gateway.url,
      `
        {
          membershipStatistics(year: 2024) {
            total {
              cooperativeCount
            }
          }
        }
      `,
    );
    expect(after.data.membershipStatistics.total.cooperativeCount).toBe(975);
  });

  it("refuses huge numbers with a clear error, and no SQL", async () => {
    await refusedWithoutSql(`{ cooperatives(first: 100000000000000000000) { totalCount } }`);
    await refusedWithoutSql(`{ membershipStatistics(year: 2147483648) { year } }`);
    const vnd = await graphql(
      gateway.url,
      `
        mutation {
          recordFinancialReport(
            input: {
              organizationId: "x"
              year: 2024
              charterCapital: "99999999999999999999999"
              revenue: "1"
              profit: "1"
              regularWorkers: 1
              averageMonthlyIncome: "1"
              managersTotal: 1
              managersTrained: 0
              itReadiness: NONE
            }
          ) {
            year
          }
        }
      `,
    );
    expect(vnd.errors?.[0].message).toMatch(/out of range/u);
    expect(vnd.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers a body that is not JSON, invalid UTF-8 or a batch with a clear refusal", async () => {
    const garbage = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a]),
    });
    expect(garbage.status).toBe(400);
    const utf8 = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.concat([
        Buffer.from('{"query":"{ cooperatives(filter: { search: \\"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('\\" }) { totalCount } }"}'),
      ]),
    });
    expect(utf8.status).toBe(400);
    const batch = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ adminUnits { code } }" }, { query: "{ adminUnits { code } }" }]),
    });
    expect(batch.status).toBe(400);
  });

  it("blocks cross-site requests that could skip CORS preflight (CSRF)", async () => {
    const res = await fetch(`${gateway.url}?query=${encodeURIComponent("{ adminUnits { code } }")}`, { headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/u);
  });

  it("hides field suggestions and introspection from the public in production", async () => {
    const typo = await graphql(
      gateway.url,
      `
        {
          cooperative {
            id
          }
        }
      `,
      undefined,
      ANONYMOUS_HEADERS,
    );
    expect(typo.errors?.[0].message).toMatch(/^Cannot query field "cooperative"/u);
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/u);
    const introspection = await refusedWithoutSql(`{ __schema { types { name } } adminUnits { code } }`, undefined, ANONYMOUS_HEADERS);
    expect(introspection.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(introspection.errors?.[0].message).toMatch(/Sign in to explore the schema/u);
  });

  it("lets every dashboard operation through the limits", async () => {
    const dir = path.resolve(__dirname, "..", "..", "packages", "dashboard", "operations");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".graphql"))) {
      const res = await graphql(gateway.url, fs.readFileSync(path.join(dir, file), "utf8"), {
        period: { year: 2024 },
        year: 2024,
        code: "444",
        periods: [{ year: 2024 }],
      });
      const limitErrors = (res.errors ?? []).filter((e) => /depth|alias|token|cost|directive/iu.test(e.message));
      expect({ file, limitErrors }).toEqual({ file, limitErrors: [] });
    }
  });

  it("stays up after all of that", async () => {
    expect((await fetch(gateway.url.replace(/graphql$/u, "health"))).status).toBe(200);
  });
});

describe("rate limit", () => {
  it("answers 429 with a clear GraphQL error once a client passes its limit", async () => {
    const limited = await startGateway(
      { ...loadGatewayConfig({ NODE_ENV: "test", MEMBERSHIP_URL: membership.url, RATE_LIMIT_PER_MINUTE: "5" }), port: 0 },
      createLogger("gateway", "silent"),
    );
    try {
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 7; i++) {
        last = await fetch(limited.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ adminUnits { code } }" }),
        });
        statuses.push(last.status);
        if (i < 6) await last.text();
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const body = (await last!.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
      expect(last!.headers.get("ratelimit-policy") ?? last!.headers.get("retry-after")).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});
