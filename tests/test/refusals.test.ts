/**
 * Refusals decided once per request and field (core's decidedOncePerRequest) keep GraphQL's semantics:
 * every refused field of every row is null with its own error at its own path, with the same code and
 * message as before, and a rule that reads the record (a commune's own records) is still judged row by row.
 */
import { Role, type Principal } from "@kttt/core";
import { as, graphql } from "@kttt/testkit";
import { startSubgraphBehindGateway } from "./graph";

let graph: Awaited<ReturnType<typeof startSubgraphBehindGateway>>;
let gateway: { url: string };

beforeAll(async () => {
  graph = await startSubgraphBehindGateway("membership", {});
  gateway = graph.gateway;
});
afterAll(() => graph?.stop());

const SO_CT: Principal = { subject: "so-ct", role: Role.DEPARTMENT, department: "SO_CT", adminUnitCode: null, name: null };
const COMMUNE_18544: Principal = { subject: "commune-18544", role: Role.COMMUNE, department: null, adminUnitCode: "18544", name: null };
const ROWS = 60;
const PAGE = `{ cooperatives(first: ${ROWS}) { nodes { id adminUnitCode financialReports { year } classification(year: 2024) { rating } } } }`;

interface Answer {
  data: { cooperatives: { nodes: { id: string; adminUnitCode: string; financialReports: unknown[] | null; classification: unknown }[] } };
  errors?: { message: string; path: (string | number)[]; extensions: { code: string; reason?: string; details?: { allowed: string[] } } }[];
}

describe("refused details of many rows", () => {
  it("gives a department one FORBIDDEN error per guarded field per row, each field null, with the full message", async () => {
    const res = (await graphql(gateway.url, PAGE, undefined, await as(SO_CT))) as unknown as Answer;
    const nodes = res.data.cooperatives.nodes;
    expect(nodes).toHaveLength(ROWS);
    for (const node of nodes) expect([node.financialReports, node.classification]).toEqual([null, null]);
    const errors = res.errors ?? [];
    expect(errors).toHaveLength(ROWS * 2);
    const paths = errors.map((e) => e.path.join(".")).sort();
    const expected = nodes.flatMap((_, i) => [`cooperatives.nodes.${i}.financialReports`, `cooperatives.nodes.${i}.classification`]).sort();
    expect(paths).toEqual(expected);
    for (const error of errors) {
      const field = error.path[error.path.length - 1];
      expect(error.extensions).toMatchObject({
        code: "FORBIDDEN",
        reason: "NOT_PERMITTED",
        details: { allowed: ["ALLIANCE_ADMIN", "ALLIANCE_STAFF", "DEPARTMENT:SO_KHDT", "COMMUNE:OWN"] },
      });
      expect(error.message).toBe(
        `\`Cooperative.${field}\` is for Alliance administrators, Alliance staff, Sở Kế hoạch và Đầu tư (SO_KHDT) and the commune where the record lies; your role (DEPARTMENT SO_CT) may not read it.`,
      );
    }
  });

  it("judges a commune row by row in one request: its own records are read, the others refused", async () => {
    const nodes = "nodes { id communeOn { code } financialReports { year } }";
    const res = (await graphql(
      gateway.url,
      `{ own: cooperatives(first: 5, filter: { adminUnitCode: "18544" }) { ${nodes} } all: cooperatives(first: 60) { ${nodes} } }`,
      undefined,
      await as(COMMUNE_18544),
    )) as unknown as {
      data: Record<"own" | "all", { nodes: { communeOn: { code: string } | null; financialReports: unknown[] | null }[] }>;
      errors?: { path: (string | number)[] }[];
    };
    const own = res.data.own.nodes;
    const others = res.data.all.nodes.filter((n) => n.communeOn?.code !== "18544");
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const node of own) expect(node.financialReports).not.toBeNull();
    for (const node of others) expect(node.financialReports).toBeNull();
    expect((res.errors ?? []).filter((e) => e.path[0] === "all")).toHaveLength(others.length);
  });

  it("keeps one caller's decisions to its own request: staff read every row after a refused department", async () => {
    await graphql(gateway.url, PAGE, undefined, await as(SO_CT));
    const res = (await graphql(
      gateway.url,
      PAGE,
      undefined,
      await as({ ...SO_CT, subject: "staff", role: Role.ALLIANCE_STAFF, department: null }),
    )) as unknown as Answer;
    expect(res.errors).toBeUndefined();
    for (const node of res.data.cooperatives.nodes) expect(node.financialReports).not.toBeNull();
  });
});
