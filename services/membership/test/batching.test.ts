import { readEntities, Role } from "@kttt/core";
import { entities } from "../src/entities";
import { as, graphql } from "@kttt/testkit";
import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

async function countStatements(query: string, variables?: Record<string, unknown>): Promise<{ count: number; statements: string[]; data: any }> {
  m.service.statements.start();
  const res = await m.query(query, variables);
  const count = m.service.statements.stop();
  expect(res.errors).toBeUndefined();
  return { count, statements: [...m.service.statements.statements], data: res.data };
}

const DEEP = /* GraphQL */ `
  query ($first: Int) {
    cooperatives(first: $first) {
      nodes {
        id
        adminUnit {
          code
          name
          successors {
            share
            unit {
              code
            }
          }
        }
        commune {
          name
        }
        communeOn {
          code
          name
        }
        districtOn(asOf: "2025-03-01") {
          code
        }
        members(first: 3) {
          totalCount
          nodes {
            fullName
            memberOrganization {
              id
            }
          }
        }
        allianceMembership {
          joinedOn
        }
        financialReport(year: 2024) {
          revenue
        }
        classification(year: 2024) {
          rating
        }
      }
    }
  }
`;

describe("no N+1", () => {
  it("answers a list with every nested reference in a constant number of statements", async () => {
    const small = await countStatements(DEEP, { first: 5 });
    const large = await countStatements(DEEP, { first: 100 });
    expect(large.data.cooperatives.nodes).toHaveLength(100);
    // 20 times the rows, no more statements: page, admin units, their changes, the units on the other
    // side of them, the communes and where they lie (units by id, in their own round), members, alliance,
    // reports, classifications.
    expect(large.count).toBeLessThanOrEqual(small.count);
    expect(small.count).toBeLessThanOrEqual(9);
    for (const sql of large.statements.slice(1)) expect(sql).toMatch(/= ANY\(\$1\)/u);
  });

  it("names the organisation of every member, yearly report and classification in one statement, whatever the page's length", async () => {
    const query = `query($first: Int) { cooperatives(first: $first) { nodes { members(first: 3) { nodes { organization { name } } }
      financialReports { year organization { registrationNumber } } classifications { year organization { name } } } } }`;
    const small = await countStatements(query, { first: 5 });
    const large = await countStatements(query, { first: 100 });
    const reports = large.data.cooperatives.nodes.flatMap((c: { financialReports: unknown[] }) => c.financialReports);
    expect(reports.length).toBeGreaterThan(100);
    expect(large.count).toBe(small.count);
    expect(large.statements.filter((sql) => /FROM "?organization"?/u.test(sql) && /= ANY\(\$1\)/u.test(sql))).toHaveLength(1);
  });

  it("judges a commune's access to each organisation without a statement per row", async () => {
    // Xã Hương Xuân lies in the former Hương Khê (444): the page holds its organisations and others.
    const commune = await as({ subject: "xa.18544", role: Role.COMMUNE, department: null, adminUnitCode: "18544", name: null });
    const query = DEEP.replace("cooperatives(first: $first)", `cooperatives(first: $first, filter: { adminUnitCode: "444" })`).replace(
      "id\n",
      "id representative\n",
    );
    const asCommune = async (first: number) => {
      m.service.statements.start();
      const res = await graphql(m.url, query, { first }, commune);
      return { count: m.service.statements.stop(), res };
    };
    const small = await asCommune(5);
    const large = await asCommune(100);
    const rows = large.res.data.cooperatives.nodes;
    expect(rows.length).toBeGreaterThan(20);
    const own = rows.filter((r: any) => r.communeOn?.code === "18544");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r: any) => r.financialReport !== null && r.representative !== null)).toBe(true);
    expect(rows.filter((r: any) => r.communeOn && r.communeOn.code !== "18544").every((r: any) => r.members === null && r.representative === null)).toBe(true);
    // The rule reads where each organisation lies from the row itself; the members' names load their organisations in one batch.
    expect(large.count).toBeLessThanOrEqual(small.count);
    expect(small.count).toBeLessThanOrEqual(10);
  });

  it("counts the members of a page asked only for their totalCount without reading a member, with the same totals", async () => {
    const counts = `query { cooperatives(first: 100) { nodes { id members(first: 3) { totalCount } former: members(first: 3, status: FORMER) { totalCount }
      all: members(first: 0, status: ALL) { totalCount } } } }`;
    const rows = `query { cooperatives(first: 100) { nodes { id members(first: 3) { totalCount nodes { id } } former: members(first: 3, status: FORMER) { totalCount edges { cursor } }
      all: members(first: 1, status: ALL) { ... on MemberConnection { totalCount } } } } }`;
    const counted = await countStatements(counts);
    const read = await countStatements(rows);
    const totals = (data: any) => data.cooperatives.nodes.map((n: any) => [n.id, n.members.totalCount, n.former.totalCount, n.all.totalCount]);
    expect(totals(counted.data)).toEqual(totals(read.data));
    expect(totals(counted.data).some(([, current]: number[]) => current > 3)).toBe(true);
    expect(totals(counted.data).every(([, current, former, all]: number[]) => all === current + former)).toBe(true);
    // Counted: one grouped count per filter, no member row; read: the windowed first pages.
    expect(counted.count).toBe(read.count);
    const memberStatements = (statements: string[]) => statements.filter((sql) => /FROM "member"/u.test(sql));
    expect(memberStatements(counted.statements)).toHaveLength(3);
    for (const sql of memberStatements(counted.statements)) expect(sql).toMatch(/GROUP BY/u);
    for (const sql of memberStatements(read.statements)) expect(sql).toMatch(/row_number\(\) OVER/u);
  });

  it("reads every entity's rows as TypeORM's getMany does: the same classes, the same values", async () => {
    const ds = m.service.dataSource;
    for (const entity of entities) {
      const metadata = ds.getMetadata(entity);
      const query = () => {
        const q = ds.getRepository(entity).createQueryBuilder("t");
        for (const column of metadata.primaryColumns) q.addOrderBy(`t.${column.databaseName}`, "ASC");
        return q.limit(300);
      };
      const direct = await readEntities(query());
      const typeorm = await query().getMany();
      expect(direct.length).toBeGreaterThan(0);
      expect(direct).toStrictEqual(typeorm);
      expect(direct.map((row) => Object.getPrototypeOf(row))).toEqual(typeorm.map((row) => Object.getPrototypeOf(row)));
    }
  });

  it("resolves 100 federation references in one statement", async () => {
    const list = await m.query(`{ cooperatives(first: 100) { nodes { id } } }`);
    const representations = list.data.cooperatives.nodes.map((n: any) => ({ __typename: "Cooperative", id: n.id }));
    const { count, data, statements } = await countStatements(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { id name } } }`, {
      r: representations,
    });
    expect(count).toBe(1);
    expect(statements[0]).toMatch(/= ANY\(\$1\)/u);
    expect(data._entities.map((e: any) => e.id)).toEqual(representations.map((r: any) => r.id));
  });

  it("answers null for a reference of the wrong legal form or an unknown id", async () => {
    const group = await m.query(`{ cooperativeGroups(first: 1) { nodes { id } } }`);
    const res = await m.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { id } } }`, {
      r: [
        { __typename: "Cooperative", id: group.data.cooperativeGroups.nodes[0].id },
        { __typename: "Cooperative", id: "00000000-0000-5000-8000-000000000000" },
        { __typename: "AdminUnit", code: "444" },
      ],
    });
    expect(res.data._entities).toEqual([null, null, {}]);
  });
});
