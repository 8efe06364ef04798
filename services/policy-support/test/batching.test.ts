import { Role } from "@kttt/core";
import { as, graphql } from "@kttt/testkit";
import { startTestPolicySupport, type TestPolicySupport } from "./helpers";

let s: TestPolicySupport;
let cooperatives: string[];
let groups: string[];
beforeAll(async () => {
  s = await startTestPolicySupport("demo");
  const rows = await s.service.dataSource.query(
    `SELECT DISTINCT organization_id AS id, organization_kind AS kind FROM support_beneficiary ORDER BY organization_id`,
  );
  cooperatives = rows.filter((r: any) => r.kind === "COOPERATIVE").map((r: any) => r.id);
  groups = rows.filter((r: any) => r.kind === "COOPERATIVE_GROUP").map((r: any) => r.id);
});
afterAll(() => s?.stop());

async function countStatements(query: string, variables?: Record<string, unknown>): Promise<{ count: number; statements: string[]; data: any }> {
  s.service.statements.start();
  const res = await s.query(query, variables);
  const count = s.service.statements.stop();
  expect(res.errors).toBeUndefined();
  return { count, statements: [...s.service.statements.statements], data: res.data };
}

const SUPPORT = /* GraphQL */ `
  supportReceived(first: 3) {
    totalCount
    nodes {
      plannedAmount disbursedAmount
      disbursements { amount }
      organization { __typename }
      programme { code funding { source } policy { kind legalBasis { number supersedes { number } } } agency { code } }
    }
  }`;
const ENTITIES = /* GraphQL */ `
  query($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Cooperative { id ${SUPPORT} }
      ... on CooperativeGroup { id ${SUPPORT} }
    }
  }`;

const representations = (n: number) => [
  ...cooperatives.slice(0, n).map((id) => ({ __typename: "Cooperative", id })),
  ...groups.slice(0, Math.ceil(n / 5)).map((id) => ({ __typename: "CooperativeGroup", id })),
];

describe("no N+1", () => {
  it("answers supportReceived for 10× the organisations in the same number of statements", async () => {
    const small = await countStatements(ENTITIES, { r: representations(10) });
    const large = await countStatements(ENTITIES, { r: representations(100) });
    expect(large.data._entities).toHaveLength(120);
    expect(large.data._entities.every((e: any) => e.supportReceived.totalCount > 0)).toBe(true);
    // pages (one windowed statement), disbursements, programmes, funding, policies, agencies,
    // legal basis links, documents, superseded documents: each once, whatever the number of parents.
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(9);
    expect(large.statements.filter((sql) => /row_number\(\) OVER/u.test(sql))).toHaveLength(1);
    for (const sql of large.statements) expect(sql).toMatch(/ANY\(/u);
  });

  it("resolves SupportProgramme references, one or all of them, in one statement", async () => {
    const ids: string[] = (await s.service.dataSource.query(`SELECT id FROM support_programme ORDER BY code`)).map((r: any) => r.id);
    expect(ids.length).toBeGreaterThan(50);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupportProgramme { id code name } } }`;
    const represent = (keys: string[]) => ({ r: keys.map((id) => ({ __typename: "SupportProgramme", id })) });
    const one = await countStatements(query, represent(ids.slice(0, 1)));
    const unknown = "00000000-0000-5000-8000-000000000000";
    const all = await countStatements(query, represent([...ids, unknown, "not-an-id"]));
    expect(one.count).toBe(1);
    expect(all.count).toBe(1);
    expect(all.statements[0]).toMatch(/= ANY\(/u);
    expect(all.data._entities.slice(0, ids.length).map((p: any) => p.id)).toEqual(ids);
    expect(all.data._entities.every((p: any, i: number) => (i < ids.length ? /^CT-\d{4}-/u.test(p.code) : p === null))).toBe(true);
  });

  it("answers policySupport(year) for every unit in one grouped statement", async () => {
    const units = ["436", "437", "439", "440", "441", "442", "443", "444", "445", "446", "447", "448", "449"];
    const one = await countStatements(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { policySupport(year: 2024) { planned } } } }`, {
      r: units.slice(0, 1).map((code) => ({ __typename: "AdminUnit", id: code })),
    });
    const all = await countStatements(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { policySupport(year: 2024) { planned } } } }`, {
      r: units.map((code) => ({ __typename: "AdminUnit", id: code })),
    });
    expect(one.count).toBe(1);
    expect(all.count).toBe(1);
    expect(all.statements[0]).toMatch(/GROUP BY GROUPING SETS \(\(b\.unit_key\), \(\)\)/u);
  });

  it("lists every programme's payments, each with its beneficiary, in constant statements", async () => {
    const query = `query($first: Int) { supportProgrammes(first: $first) { nodes { disbursements(first: 5) { totalCount nodes { amount
      beneficiary { approvedOn programme { code } organization { __typename } } } } } } }`;
    const small = await countStatements(query, { first: 5 });
    const large = await countStatements(query, { first: 50 });
    const payments = large.data.supportProgrammes.nodes.flatMap((p: { disbursements: { nodes: unknown[] } }) => p.disbursements.nodes);
    expect(payments.length).toBeGreaterThan(50);
    expect(large.count).toBe(small.count);
  });

  it("shows a programme's payments to Sở Tài chính, and refuses them to a commune, which reads its own through each beneficiary", async () => {
    const query = `{ supportProgrammes(first: 1) { nodes { disbursements(first: 1) { totalCount } } } }`;
    const finance = await graphql(
      s.url,
      query,
      undefined,
      await as({ subject: "so.tc", role: Role.DEPARTMENT, department: "SO_TC", adminUnitCode: null, name: null }),
    );
    expect(finance.errors).toBeUndefined();
    expect(finance.data.supportProgrammes.nodes[0].disbursements.totalCount).toBeGreaterThan(0);
    const commune = await graphql(
      s.url,
      query,
      undefined,
      await as({ subject: "xa.18544", role: Role.COMMUNE, department: null, adminUnitCode: "18544", name: null }),
    );
    expect(commune.errors?.[0]).toMatchObject({ path: ["supportProgrammes", "nodes", 0, "disbursements"], extensions: { code: "FORBIDDEN" } });
  });

  it("lists programmes with budgets, results and beneficiaries in constant statements", async () => {
    const query = `query($first: Int) { supportProgrammes(first: $first) { nodes { budget results { planned implementationRate } policy { name } agency { name adminUnit { id } }
      beneficiaries(first: 2) { totalCount nodes { organization { __typename } disbursements { amount } } } } } }`;
    const small = await countStatements(query, { first: 5 });
    const large = await countStatements(query, { first: 50 });
    expect(large.data.supportProgrammes.nodes).toHaveLength(50);
    expect(large.count).toBe(small.count);
  });
});
