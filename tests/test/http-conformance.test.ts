/**
 * The gateway speaks GraphQL over HTTP as the specification says: graphql-http's audit finds no error
 * and no more warnings than in Apollo Server alone (measured here, in the same run); a client's
 * mistake — a document that does not parse or validate, one over a limit, variables that do not fit —
 * is 400 for `application/graphql-response+json` and 200 with the errors for `application/json`; a
 * body that is not UTF-8 or not JSON is 400; a fault of the server stays 5xx. Introspection has limits
 * of its own, which a full introspection (GraphiQL's) passes.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createLogger, dropDatabase, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { databaseUrl, runPrefix } from "@kttt/testkit";
import { buildASTSchema, buildClientSchema, GraphQLError, getIntrospectionQuery, parse, validate, type IntrospectionQuery } from "graphql";
import { serverAudits, type AuditResult } from "graphql-http";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { expandedSelections, introspectionLimitsRule, QUERY_LIMITS } from "../../gateway/src/hardening";

const GRAPHQL_RESPONSE = "application/graphql-response+json";
const JSON_TYPE = "application/json";

let gateway: GatewayServer;
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_http_${process.pid}`);

beforeAll(async () => {
  // No subgraph: everything refused here is refused before one would be called, and the audit asks only `__typename`.
  const config = loadGatewayConfig({
    NODE_ENV: "production",
    AUTH_JWT_SECRET: "a".repeat(40),
    GATEWAY_SECRET: "b".repeat(40),
    RATE_LIMIT_PER_MINUTE: "100000",
    GATEWAY_DATABASE_URL: gatewayDb(),
  });
  gateway = await startGateway({ ...config, port: 0, introspection: "everyone" }, createLogger("gateway", "silent"));
});
afterAll(async () => {
  await gateway?.close();
  await dropDatabase(gatewayDb());
});

interface Answer {
  status: number;
  contentType: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(body: string | Buffer, accept?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...(accept ? { accept } : {}), ...headers }, body });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: (await res.json()) as Answer["body"] };
}

const query = (text: string, variables?: Record<string, unknown>) => JSON.stringify({ query: text, variables });

async function audit(url: string): Promise<{ errors: AuditResult[]; warnings: AuditResult[]; notices: AuditResult[] }> {
  const results: AuditResult[] = [];
  for (const check of serverAudits({ url })) results.push(await check.fn());
  return {
    errors: results.filter((r) => r.status === "error"),
    warnings: results.filter((r) => r.status === "warn"),
    notices: results.filter((r) => r.status === "notice"),
  };
}

describe("graphql-http's GraphQL-over-HTTP audit", () => {
  it("finds no error and no more warnings than in Apollo Server alone", async () => {
    const ours = await audit(gateway.url);
    const apollo = new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "xin chào" } } });
    const { url } = await startStandaloneServer(apollo, { listen: { host: "127.0.0.1", port: 0 } });
    let theirs: Awaited<ReturnType<typeof audit>>;
    try {
      theirs = await audit(url);
    } finally {
      await apollo.stop();
    }
    const names = (results: AuditResult[]) => results.map((r) => `${r.id} ${r.name}`);
    expect(names(ours.errors)).toEqual([]);
    expect(names(theirs.errors)).toEqual([]);
    // Apollo Server alone answers 400 where the specification asks 200 for application/json (3 warnings); the gateway does not.
    expect(names(theirs.warnings).length).toBeGreaterThan(0);
    expect(ours.warnings.length).toBeLessThanOrEqual(theirs.warnings.length);
    expect(names(ours.warnings)).toEqual([]);
    // The notices (things the specification allows, not asks) are Apollo Server's own.
    expect(names(ours.notices)).toEqual(names(theirs.notices));
  }, 60_000);
});

/** A document of each kind a client gets wrong, with the code it is refused with. */
const ofType = (levels: number) => Array.from({ length: levels }).reduce<string>((inner) => `ofType { ${inner} }`, "name");
const MISTAKES: [string, string, string][] = [
  ["does not parse", query("{ adminUnits { code "), "GRAPHQL_PARSE_FAILED"],
  ["names a field that does not exist", query("{ adminUnits { nonexistent } }"), "GRAPHQL_VALIDATION_FAILED"],
  ["is over the token limit", query(`{ ${Array.from({ length: 4000 }, () => "__typename").join(" ")} }`), "GRAPHQL_PARSE_FAILED"],
  ["is an alias bomb", query(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: adminUnits { code }`).join(" ")} }`), "GRAPHQL_VALIDATION_FAILED"],
  ["is a directive bomb", query(`{ adminUnits { code ${Array.from({ length: 60 }, () => "@include(if: true)").join(" ")} } }`), "GRAPHQL_VALIDATION_FAILED"],
  [
    "is nested too deep",
    query(
      `{ cooperativeUnions(first: 1) { nodes { ${Array.from({ length: 6 }).reduce<string>((inner) => `members(first: 1) { nodes { memberOrganization { ${inner} } } }`, "name")} } } }`,
    ),
    "GRAPHQL_VALIDATION_FAILED",
  ],
  ["has cyclic fragments", query("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), "GRAPHQL_VALIDATION_FAILED"],
  [
    "has a variable that does not fit its type",
    query("query($year: Int!) { membershipStatistics(year: $year) { year } }", { year: "năm nay" }),
    "BAD_USER_INPUT",
  ],
  ["lacks a required variable", query("query($year: Int!) { membershipStatistics(year: $year) { year } }"), "BAD_USER_INPUT"],
  ["names an operation it does not have", JSON.stringify({ query: "query A { __typename }", operationName: "B" }), "OPERATION_RESOLUTION_FAILURE"],
  ["holds two operations and names neither", query("query A { __typename } query B { __typename }"), "OPERATION_RESOLUTION_FAILURE"],
  ["nests introspection too deep", query(`{ __schema { types { ${ofType(25)} } } }`), "GRAPHQL_VALIDATION_FAILED"],
  // 2^40 fields from 1.6 kB: refused before graphql-js's validation, which would walk it spread by spread.
  [
    "fans its fragments out",
    query(
      `{ __schema { types { ...F0 } } } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on __Type { ${i < 39 ? `...F${i + 1} ...F${i + 1}` : "name"} }`).join(" ")}`,
    ),
    "GRAPHQL_VALIDATION_FAILED",
  ],
];

const mistake = (what: string) => MISTAKES.find(([w]) => w === what)![1];

describe("a client's mistake", () => {
  it.each(MISTAKES)("that %s is 400 for application/graphql-response+json, with the errors and no data", async (_what, body, code) => {
    const answer = await post(body, `${GRAPHQL_RESPONSE}, ${JSON_TYPE};q=0.9`);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/graphql-response\+json/u);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0].extensions?.code).toBe(code);
    expect(answer.body.errors?.[0].message.length).toBeGreaterThan(10);
  });

  it.each(MISTAKES)("that %s is 200 for application/json (and without an Accept header), with the errors and no data", async (_what, body, code) => {
    for (const accept of [JSON_TYPE, undefined, "*/*"]) {
      const answer = await post(body, accept);
      expect({ accept, status: answer.status }).toEqual({ accept, status: 200 });
      expect(answer.contentType).toMatch(/^application\/json/u);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0].extensions?.code).toBe(code);
    }
  });

  it("says which limit a refused document passed", async () => {
    const tokens = await post(mistake("is over the token limit"), GRAPHQL_RESPONSE);
    expect(tokens.body.errors?.[0].message).toMatch(/Document contains more tha. 3000 tokens/u);
    const introspection = await post(mistake("nests introspection too deep"), GRAPHQL_RESPONSE);
    expect(introspection.body.errors?.[0].message).toBe(
      "Introspection nested 28 levels deep below __schema; at most 20 are allowed (a full introspection, such as GraphiQL's, needs 15).",
    );
  });

  it("keeps 400 for a request that is not well-formed, whatever the client accepts", async () => {
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"query":"{ cooperatives(filter: { search: \\"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\\" }) { totalCount } }"}'),
    ]);
    for (const accept of [GRAPHQL_RESPONSE, JSON_TYPE]) {
      const utf8 = await post(invalidUtf8, accept);
      expect(utf8.status).toBe(400);
      expect(utf8.body.errors?.[0]).toEqual({
        message: "The request body is not valid UTF-8: send the JSON encoded as UTF-8.",
        extensions: { code: "BAD_REQUEST" },
      });
      const notJson = await post('{"query": "{ adminUnits { code } }"', accept);
      expect(notJson.status).toBe(400);
      expect(notJson.body.errors?.[0]).toEqual({ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } });
      for (const body of [JSON.stringify({ variables: {} }), JSON.stringify({ query: 42 })]) {
        const malformed = await post(body, accept);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors?.[0].extensions?.code).toBe("BAD_REQUEST");
      }
    }
  });

  it("still answers a well-formed request in full", async () => {
    for (const accept of [GRAPHQL_RESPONSE, JSON_TYPE]) {
      const answer = await post(query("{ __typename }"), accept);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { __typename: "Query" } });
    }
  });
});

describe("a fault of the server", () => {
  it("stays a 5xx, without its details in production", async () => {
    // The gateway's own table of API keys is gone from under it: checking a key fails inside the server.
    const client = new Client({ connectionString: gatewayDb() });
    await client.connect();
    try {
      await client.query("ALTER TABLE api_key RENAME TO api_key_away");
      for (const accept of [GRAPHQL_RESPONSE, JSON_TYPE]) {
        const answer = await post(query("{ __typename }"), accept, { "x-api-key": `kttt_0123456789ab_${"k".repeat(32)}` });
        expect(answer.status).toBe(500);
        expect(answer.body.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
        expect(JSON.stringify(answer.body)).not.toMatch(/api_key|relation/u);
      }
    } finally {
      await client.query("ALTER TABLE api_key_away RENAME TO api_key");
      await client.end();
    }
  });
});

describe("introspection limits", () => {
  it("let a full introspection through (GraphiQL's, every option graphql-js offers that the gateway serves), complete enough to rebuild the schema", async () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const answer = await post(JSON.stringify({ query: full, operationName: "IntrospectionQuery" }), GRAPHQL_RESPONSE);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const schema = buildClientSchema(answer.body.data as IntrospectionQuery);
    expect(schema.getQueryType()?.getFields().cooperatives).toBeDefined();
    expect(schema.getType("VND")).toBeDefined();
  });

  it("refuse lists of types nested three deep, a chain of ofType, and the whole schema twice", async () => {
    const refused = async (text: string) => {
      const answer = await post(query(text), GRAPHQL_RESPONSE);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      return answer.body.errors![0].message;
    };
    expect(await refused("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")).toBe("Maximum introspection depth exceeded");
    expect(await refused("{ __schema { types { interfaces { interfaces { interfaces { name } } } } } }")).toBe("Maximum introspection depth exceeded");
    expect(
      await refused(
        "{ __schema { types { ...T } } } fragment T on __Type { possibleTypes { ...U } } fragment U on __Type { fields { type { inputFields { name } } } }",
      ),
    ).toBe("Maximum introspection depth exceeded");
    expect(await refused(`{ __schema { types { ...Deep } } } fragment Deep on __Type { ${ofType(18)} }`)).toMatch(
      /^Introspection nested 21 levels deep below __schema; at most 20/u,
    );
    expect(await refused(`{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`)).toBe(
      "An operation may ask for __schema at most once (found 2): it is the whole schema each time.",
    );
    expect(await refused(`{ ...S ...S } fragment S on Query { __schema { queryType { name } } }`)).toMatch(/at most once \(found 2\)/u);
    // A fan-out of fragments (each spreading the next twice, 2^59 __schema in all) never reaches these rules over
    // HTTP (see "fans its fragments out"); asked directly, the rule counts it without walking it 2^59 times.
    const fanOut = parse(
      `query { ...F0 } ${Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ${i < 59 ? `...F${i + 1} ...F${i + 1}` : "__schema { queryType { name } }"} }`).join(" ")}`,
    );
    const schema = buildASTSchema(parse("type Query { name: String }"));
    expect(validate(schema, fanOut, [introspectionLimitsRule(20, 1, GraphQLError)]).map((e) => e.message)).toEqual([
      expect.stringMatching(/^An operation may ask for __schema at most once \(found 5764607523034235\d\d\)/u),
    ]);
    // Asked of Apollo Gateway's query planner, isOneOf was an HTTP 500; it is a request error now.
    expect(await refused(getIntrospectionQuery({ oneOf: true }))).toMatch(/^__Type\.isOneOf is not served by this gateway/u);
  });

  it("count the dashboard's operations and a full introspection far below the limit on expanded fragments", () => {
    const dir = path.resolve(__dirname, "..", "..", "packages", "dashboard", "operations");
    const documents = [
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    ];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".graphql"))) documents.push(fs.readFileSync(path.join(dir, file), "utf8"));
    expect(documents.length).toBeGreaterThan(3);
    for (const text of documents) expect(expandedSelections(parse(text))).toBeLessThan(QUERY_LIMITS.expandedSelections / 10);
  });

  it("leave a small introspection alone", async () => {
    const answer = await post(query(`{ __type(name: "Cooperative") { name fields { name type { kind ofType { name } } } } }`), GRAPHQL_RESPONSE);
    expect(answer.status).toBe(200);
    expect((answer.body.data as { __type: { name: string } }).__type.name).toBe("Cooperative");
  });
});
