/**
 * Who may see and change what, through the real gateway with every subgraph: the role × operation
 * matrix of the README, cell by cell; personal data of members; and the gateway's proof that each
 * subgraph checks for itself.
 */
import { DEVELOPMENT_AUTH_SECRET, GATEWAY_SECRET_HEADER, Role, signToken, type Principal } from "@kttt/core";
import { OCOP_SUBGROUPS } from "@kttt/demo";
import { ANONYMOUS_HEADERS, as, graphql } from "@kttt/testkit";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
}, 60_000);
afterAll(() => graph?.stop());

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({ subject: `test-${role.toLowerCase()}`, role, department: null, adminUnitCode: null, name: null, ...extra });
const CALLERS: Record<string, Principal | null> = {
  admin: principal(Role.ALLIANCE_ADMIN),
  staff: principal(Role.ALLIANCE_STAFF),
  agriculture: principal(Role.DEPARTMENT, { department: "SO_NN" }),
  industryTrade: principal(Role.DEPARTMENT, { department: "SO_CT" }),
  finance: principal(Role.DEPARTMENT, { department: "SO_TC" }),
  planning: principal(Role.DEPARTMENT, { department: "SO_KHDT" }),
  district444: principal(Role.DISTRICT, { adminUnitCode: "444" }),
  public: null,
};
const headersFor = async (caller: string) => (CALLERS[caller] ? as(CALLERS[caller]!) : ANONYMOUS_HEADERS);
const UNKNOWN = "00000000-0000-5000-8000-000000000000";

/** Each write is sent with input that fails on the merits once authorised, so nothing is written either way. */
const WRITES: Record<string, { query: string; variables: Record<string, unknown>; allowed: string[] }> = {
  registerOrganization: {
    query: `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
    variables: { input: { kind: "COOPERATIVE", name: "Hợp tác xã Kiểm tra Quyền", registrationNumber: "3099999999", adminUnitCode: "999", sector: "AGRICULTURE", establishedOn: "2024-01-02", status: "SUSPENDED" } },
    allowed: ["admin", "staff"],
  },
  registerOcopProduct: {
    query: `mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id } }`,
    variables: { input: { name: "Sản phẩm Kiểm tra Quyền", group: "FOOD", subgroup: OCOP_SUBGROUPS.FOOD[0], adminUnitCode: "444", registeredOn: "2024-01-02", owner: { localOwnerId: UNKNOWN } } },
    allowed: ["admin", "staff", "agriculture"],
  },
  createTradeEvent: {
    query: `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`,
    variables: { input: { name: "Hội chợ Kiểm tra Quyền", type: "FAIR", format: "IN_PERSON", scope: "PROVINCIAL", organiser: "Liên minh HTX tỉnh", place: "Thành phố Hà Tĩnh", adminUnitCode: "436", startsOn: "2024-05-10", endsOn: "2024-05-01" } },
    allowed: ["admin", "staff", "industryTrade"],
  },
  issueLegalDocument: {
    query: `mutation($input: IssueLegalDocumentInput!) { issueLegalDocument(input: $input) { id } }`,
    variables: { input: { number: "999/KH-UBND", type: "PLAN", title: "Kế hoạch kiểm tra quyền", issuer: "UBND tỉnh Hà Tĩnh", issuedOn: "2024-01-02", supersedesId: UNKNOWN } },
    allowed: ["admin", "staff", "planning"],
  },
  recordDisbursement: {
    query: `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id } }`,
    variables: { input: { beneficiaryId: UNKNOWN, amount: "1000000", disbursedOn: "2024-03-01" } },
    allowed: ["admin", "finance"],
  },
};

describe("role × operation", () => {
  const cells = Object.entries(WRITES).flatMap(([operation, write]) => Object.keys(CALLERS).map((caller) => [operation, caller, write.allowed.includes(caller)] as const));

  it.each(cells)("%s by %s: allowed %s", async (operation, caller, allowed) => {
    const write = WRITES[operation];
    const res = await graphql(graph.gateway.url, write.query, write.variables, await headersFor(caller));
    const code = res.errors?.[0]?.extensions?.code;
    expect(res.data?.[operation] ?? null).toBeNull();
    if (allowed) expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(code);
    else expect(code).toBe(caller === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
  });

  it.each(Object.keys(CALLERS))("aggregate figures are readable by %s", async (caller) => {
    const res = await graphql(graph.gateway.url, `{ membershipStatistics(year: 2024) { total { cooperativeCount } } ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`, undefined, await headersFor(caller));
    expect(res.errors).toBeUndefined();
    expect(res.data.membershipStatistics.total.cooperativeCount).toBe(975);
  });
});

describe("personal data of members", () => {
  const MEMBERS = `query($unit: String!) { cooperatives(first: 1, filter: { adminUnitCode: $unit }) { nodes { representative members(first: 3) { nodes { fullName capitalContributed joinedOn } } } } }`;

  it.each([
    ["admin", "444", true],
    ["staff", "436", true],
    ["district444", "444", true],
    ["district444", "436", false],
    ["planning", "444", false],
    ["public", "444", false],
  ] as const)("%s reading a cooperative of %s sees names and capital: %s", async (caller, unit, visible) => {
    const res = await graphql(graph.gateway.url, MEMBERS, { unit }, await headersFor(caller));
    expect(res.errors).toBeUndefined();
    const coop = res.data.cooperatives.nodes[0];
    for (const m of coop.members.nodes) {
      expect(m.joinedOn).toMatch(/^\d{4}-/u); // the membership itself is not personal
      if (visible) {
        expect(m.fullName).toMatch(/\S/u);
        expect(m.capitalContributed).toMatch(/^\d+$/u);
      } else {
        expect(m.fullName).toBeNull();
        expect(m.capitalContributed).toBeNull();
      }
    }
    expect(coop.representative === null).toBe(!visible);
  });
});

describe("tokens and the gateway's proof", () => {
  const QUERY = `{ adminUnits { code } }`;

  it("refuses an expired token and a token signed with another key, with 401", async () => {
    const expired = `Bearer ${await signToken(CALLERS.admin!, process.env.AUTH_JWT_SECRET || DEVELOPMENT_AUTH_SECRET, -10)}`;
    const forged = `Bearer ${await signToken(CALLERS.admin!, "someone-else's-secret-that-is-long-enough")}`;
    for (const [authorization, message] of [[expired, /expired/u], [forged, /not valid/u], ["Basic abc", /Bearer/u]] as const) {
      const res = await graphql(graph.gateway.url, QUERY, undefined, { authorization });
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.errors?.[0].message).toMatch(message);
    }
  });

  it("has every subgraph refuse requests without the gateway's secret or with a forged one, answering only /health", async () => {
    for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
      const base = subgraph.url.replace(/\/graphql$/u, "");
      for (const headers of [{}, { [GATEWAY_SECRET_HEADER]: "forged" }] as Record<string, string>[]) {
        const res = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ __typename }" }) });
        expect({ name, status: res.status }).toEqual({ name, status: 401 });
        for (const path of ["/ready", "/metrics"]) expect((await fetch(`${base}${path}`, { headers })).status).toBe(401);
      }
      expect((await fetch(`${base}/health`)).status).toBe(200);
    }
  });

  it("has a subgraph check the token itself, even when the secret is right", async () => {
    const forged = `Bearer ${await signToken(CALLERS.admin!, "someone-else's-secret-that-is-long-enough")}`;
    const res = await graphql(graph.subgraphs.membership.url, QUERY, undefined, { authorization: forged });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
