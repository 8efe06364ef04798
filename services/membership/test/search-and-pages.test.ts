import { foldText } from "@kttt/core";
import { ILLUSTRATIVE_2025 } from "../src/seed/generate";
import { startTestMembership, onlyError, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

const LIST = /* GraphQL */ `
  query ($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String, $orderBy: OrganizationOrder) {
    cooperatives(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          adminUnitCode
          sector
          status
          establishedOn
        }
      }
    }
  }
`;

describe("cooperatives list", () => {
  it("finds names without diacritics: 'hop tac xa nong nghiep' finds 'Hợp tác xã Nông nghiệp …'", async () => {
    const res = await m.query(LIST, { filter: { search: "hop tac xa nong nghiep" }, first: 100 });
    expect(res.errors).toBeUndefined();
    const names: string[] = res.data.cooperatives.edges.map((e: any) => e.node.name);
    expect(res.data.cooperatives.totalCount).toBeGreaterThan(10);
    for (const name of names) expect(name).toMatch(/Hợp tác xã .*Nông nghiệp/u);
  });

  it("matches with or without diacritics and in any case alike, including đ", async () => {
    const plain = await m.query(LIST, { filter: { search: "duc tho" }, first: 5 });
    const marked = await m.query(LIST, { filter: { search: "ĐỨC THỌ" }, first: 5 });
    expect(plain.data.cooperatives.totalCount).toBeGreaterThan(0);
    expect(marked.data.cooperatives.totalCount).toBe(plain.data.cooperatives.totalCount);
  });

  it("finds a word where a word of the name starts, and a number anywhere in the registration number", async () => {
    const found = async (search: string) => {
      const res = await m.query(`query ($s: String) { cooperatives(filter: { search: $s }, first: 100) { totalCount nodes { name registrationNumber } } }`, {
        s: search,
      });
      expect(res.errors).toBeUndefined();
      return res.data.cooperatives as { totalCount: number; nodes: { name: string; registrationNumber: string | null }[] };
    };
    // "huong" is inside "Thượng" and "Phương" too: only names with a word that starts with it are found.
    const all = await found("hop tac xa");
    const inside = all.nodes.filter((o) => /huong/u.test(foldText(o.name)) && !/(^| )huong/u.test(foldText(o.name)));
    expect(inside.length).toBeGreaterThan(0);
    const huong = await found("huong");
    expect(huong.totalCount).toBeGreaterThan(0);
    for (const o of huong.nodes) expect(foldText(o.name)).toMatch(/(^| )huong/u);
    expect(huong.nodes.map((o) => o.name)).not.toContain(inside[0].name);
    // A word typed in part still finds it ("nong ngh"), and so does the end of a registration number.
    const partial = await found("nong ngh");
    expect(partial.totalCount).toBe((await found("nong nghiep")).totalCount);
    const numbered = all.nodes.find((o) => o.registrationNumber !== null)!;
    const tail = await found(numbered.registrationNumber!.slice(-6));
    expect(tail.nodes.map((o) => o.name)).toContain(numbered.name);
  });

  it("pages through a search in name order, forwards and backwards, as one page lists it (its ids are found first)", async () => {
    const filter = { search: "nong nghiep", sector: "AGRICULTURE" };
    const all = await m.query(LIST, { filter, first: 100 });
    expect(all.errors).toBeUndefined();
    const names = (res: any) => res.data.cooperatives.edges.map((e: any) => e.node.name as string);
    const expected = names(all);
    expect(expected.length).toBeGreaterThan(12);
    for (const e of all.data.cooperatives.edges) expect(e.node.sector).toBe("AGRICULTURE");
    // Every page of 5 in turn, following the cursors one way or the other.
    const walk = async (forwards: boolean) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await m.query(LIST, forwards ? { filter, first: 5, after: cursor } : { filter, last: 5, before: cursor });
        const info = page.data.cooperatives.pageInfo;
        if (forwards) seen.push(...names(page));
        else seen.unshift(...names(page));
        if (!(forwards ? info.hasNextPage : info.hasPreviousPage)) return seen;
        cursor = forwards ? info.endCursor : info.startCursor;
      }
    };
    expect(await walk(true)).toEqual(expected);
    expect(await walk(false)).toEqual(expected);
    // Without its count, a page is found by whatever plan PostgreSQL picks (a walk along the name index or not): the same names.
    const withoutCount = LIST.replace("totalCount", "");
    expect(names(await m.query(withoutCount, { filter, first: 100 }))).toEqual(expected);
    expect(
      names(await m.query(withoutCount, { filter, first: 7, after: (await m.query(LIST, { filter, first: 5 })).data.cooperatives.pageInfo.endCursor })),
    ).toEqual(expected.slice(5, 12));
    const newest = await m.query(LIST, { filter, first: 3, orderBy: "ESTABLISHED_ON_DESC" });
    expect(newest.errors).toBeUndefined();
    expect(newest.data.cooperatives.edges).toHaveLength(3);
  });

  it("reads a search's count first when it is asked for, and sorts fewer than 2,000 matches rather than walking to them", async () => {
    const statementsOf = async (query: string, variables: Record<string, unknown>) => {
      m.service.statements.start();
      const res = await m.query(query, variables);
      m.service.statements.stop();
      expect(res.errors).toBeUndefined();
      return { res, statements: [...m.service.statements.statements] };
    };
    const page = (withCount: boolean, list = "cooperatives") => `query ($filter: OrganizationFilter) {
      ${list}(filter: $filter, first: 10) { ${withCount ? "totalCount" : ""} nodes { name } }
    }`;
    // The fenced subquery that reads every match and sorts them (core's PageReading.sortMatchesBelow).
    const sorts = (statements: string[]) => statements.some((sql) => /OFFSET 0\) matches ORDER BY/.test(sql));
    const counted = await statementsOf(page(true), { filter: { search: "xay dung" } });
    expect(counted.res.data.cooperatives.totalCount).toBeLessThan(2000);
    expect(sorts(counted.statements)).toBe(true);
    const countIndex = counted.statements.findIndex((sql) => /COUNT\(/i.test(sql));
    expect(countIndex).toBeGreaterThanOrEqual(0);
    expect(countIndex).toBeLessThan(counted.statements.findIndex((sql) => /OFFSET 0\) matches/.test(sql)));
    const uncounted = await statementsOf(page(false), { filter: { search: "xay dung" } });
    expect(sorts(uncounted.statements)).toBe(false);
    expect(uncounted.res.data.cooperatives.nodes).toEqual(counted.res.data.cooperatives.nodes);
    // Over 2,000 matches (the cooperative groups are "Tổ hợp tác …"): the planner's way, count or not.
    const many = await statementsOf(page(true, "cooperativeGroups"), { filter: { search: "to hop tac" } });
    expect(many.res.data.cooperativeGroups.totalCount).toBeGreaterThanOrEqual(2000);
    expect(sorts(many.statements)).toBe(false);
    expect(many.res.data.cooperativeGroups.nodes).toEqual(
      (await m.query(page(false, "cooperativeGroups"), { filter: { search: "to hop tac" } })).data.cooperativeGroups.nodes,
    );
  });

  it("treats LIKE wildcards in a search as plain text", async () => {
    const res = await m.query(LIST, { filter: { search: "%_%" }, first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.cooperatives.totalCount).toBe(975 + 12 + ILLUSTRATIVE_2025.newCooperatives);
  });

  it("combines filters", async () => {
    const res = await m.query(LIST, { filter: { adminUnitCode: "444", sector: "AGRICULTURE", status: "ACTIVE" }, first: 100 });
    for (const e of res.data.cooperatives.edges) expect(e.node).toMatchObject({ adminUnitCode: "444", sector: "AGRICULTURE", status: "ACTIVE" });
    expect(res.data.cooperatives.totalCount).toBeGreaterThan(0);
  });

  it("filters by rating of the latest year", async () => {
    const res = await m.query(LIST, { filter: { rating: "GOOD" }, first: 1 });
    expect(res.data.cooperatives.totalCount).toBe(118);
  });

  it("walks every page forwards and backwards with keyset cursors, without gaps or repeats", async () => {
    const filter = { adminUnitCode: "446" };
    const forward: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const res: any = await m.query(LIST, { filter, first: 7, after, orderBy: "ESTABLISHED_ON_DESC" });
      const c = res.data.cooperatives;
      total = c.totalCount;
      forward.push(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(forward).toHaveLength(total);
    expect(new Set(forward).size).toBe(total);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const res: any = await m.query(LIST, { filter, last: 9, before, orderBy: "ESTABLISHED_ON_DESC" });
      const c = res.data.cooperatives;
      backward.unshift(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it("sorts by name", async () => {
    const res = await m.query(LIST, { first: 50, orderBy: "NAME_DESC" });
    const names = res.data.cooperatives.edges.map((e: any) => e.node.name);
    const sorted = await m.service.dataSource.query("SELECT name FROM organization WHERE kind = 'COOPERATIVE' ORDER BY name DESC, id DESC LIMIT 50");
    expect(names).toEqual(sorted.map((r: any) => r.name));
  });

  it("refuses a page larger than 100 and a foreign cursor, naming the argument", async () => {
    expect(onlyError(await m.query(LIST, { first: 101 })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(onlyError(await m.query(LIST, { first: 5, after: "bm90LWEtY3Vyc29y" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("refuses a malformed unit code in a filter", async () => {
    const error = onlyError(await m.query(LIST, { filter: { adminUnitCode: "44'; DROP TABLE organization; --" } }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.adminUnitCode" });
  });

  it("lists groups and unions, and finds any organisation through the Organization interface", async () => {
    const res = await m.query(`{
      cooperativeGroups(first: 1) { totalCount nodes { id __typename } }
      cooperativeUnions(first: 5) { totalCount nodes { id name members { totalCount nodes { memberOrganization { __typename name } } } } }
      organizations(kind: COOPERATIVE_GROUP, first: 1) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.cooperativeGroups.totalCount).toBe(2538 + ILLUSTRATIVE_2025.newGroups);
    expect(res.data.organizations.totalCount).toBe(2538 + ILLUSTRATIVE_2025.newGroups);
    expect(res.data.cooperativeUnions.totalCount).toBe(3);
    const union = res.data.cooperativeUnions.nodes[0];
    expect(union.members.totalCount).toBeGreaterThanOrEqual(3);
    expect(union.members.nodes[0].memberOrganization.__typename).toBe("Cooperative");
    const one = await m.query(`query($id: ID!) { organization(id: $id) { __typename id ... on CooperativeGroup { name } } }`, {
      id: res.data.cooperativeGroups.nodes[0].id,
    });
    expect(one.data.organization).toMatchObject({ __typename: "CooperativeGroup", id: res.data.cooperativeGroups.nodes[0].id });
    const none = await m.query(`{ organization(id: "not-an-id") { id } }`);
    expect(none.data.organization).toBeNull();
  });

  it("searches every legal form at once: each form's matches, no more", async () => {
    const res = await m.query(
      `query ($filter: OrganizationFilter) {
      organizations(filter: $filter, first: 1) { totalCount }
      cooperatives(filter: $filter) { totalCount }
      cooperativeGroups(filter: $filter) { totalCount }
      cooperativeUnions(filter: $filter) { totalCount }
    }`,
      { filter: { search: "dich vu" } },
    );
    expect(res.errors).toBeUndefined();
    const { organizations, cooperatives, cooperativeGroups, cooperativeUnions } = res.data;
    expect(cooperatives.totalCount).toBeGreaterThan(0);
    expect(cooperativeGroups.totalCount).toBeGreaterThan(0);
    expect(organizations.totalCount).toBe(cooperatives.totalCount + cooperativeGroups.totalCount + cooperativeUnions.totalCount);
  });

  it("pages an organisation's members: the batched first page continues into cursor pages", async () => {
    const res = await m.query(
      `{ cooperatives(first: 20, filter: { sector: AGRICULTURE }) { nodes { id members(first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`,
    );
    const coop = res.data.cooperatives.nodes.find((n: any) => n.members.totalCount > 8);
    const all = await m.query(`query($id: ID!) { organization(id: $id) { members(first: 100) { totalCount nodes { id } } } }`, { id: coop.id });
    const ids = all.data.organization.members.nodes.map((n: any) => n.id);
    expect(all.data.organization.members.totalCount).toBe(coop.members.totalCount);
    expect(coop.members.nodes.map((n: any) => n.id)).toEqual(ids.slice(0, 4));
    expect(coop.members.pageInfo.hasNextPage).toBe(true);
    const next = await m.query(`query($id: ID!, $after: String) { organization(id: $id) { members(first: 4, after: $after) { nodes { id } } } }`, {
      id: coop.id,
      after: coop.members.pageInfo.endCursor,
    });
    expect(next.data.organization.members.nodes.map((n: any) => n.id)).toEqual(ids.slice(4, 8));
    const officials = await m.query(`query($id: ID!) { organization(id: $id) { members(first: 2, membershipType: OFFICIAL, status: ALL) { totalCount } } }`, {
      id: coop.id,
    });
    expect(officials.data.organization.members.totalCount).toBeLessThanOrEqual(coop.members.totalCount);
    expect(officials.data.organization.members.totalCount).toBeGreaterThanOrEqual(5);
  });

  it("serves the units in force on a date, with their history", async () => {
    const res = await m.query(`{
      mid2024: adminUnits(asOf: "2024-07-15", level: DISTRICT) { code }
      early2025: adminUnits(asOf: "2025-03-01", level: DISTRICT) { code }
      today: adminUnits { code level }
      locHa: adminUnit(code: "448") { name validTo successor { code } successors { share tookEffectOn legalBasis unit { code name } } }
    }`);
    expect(res.data.mid2024).toHaveLength(13);
    expect(res.data.early2025.map((u: any) => u.code)).not.toContain("448");
    expect(res.data.early2025).toHaveLength(12);
    expect(res.data.today.filter((u: any) => u.level === "COMMUNE")).toHaveLength(69);
    expect(res.data.today[0]).toEqual({ code: "42", level: "PROVINCE" });
    // One commune of Lộc Hà (Hộ Độ) went to the city, the rest to Thạch Hà: no single successor any more.
    expect(res.data.locHa).toMatchObject({ name: "Huyện Lộc Hà", validTo: "2024-12-31", successor: null });
    expect(res.data.locHa.successors.map((s: any) => [s.unit.code, s.share, s.tookEffectOn])).toEqual([
      ["436", "PART", "2025-01-01"],
      ["445", "PART", "2025-01-01"],
    ]);
    expect(res.data.locHa.successors[0].legalBasis).toMatch(/1283\/NQ-UBTVQH15/u);
  });

  it("finds units without diacritics, and a reused code by date", async () => {
    const res = await m.query(`{
      found: adminUnits(search: "tu my") { code name kind parent { code } predecessors { share inferred unit { code name validTo parent { name } } } }
      then: adminUnit(code: "18202", asOf: "2024-07-15") { name validFrom validTo parent { name } successors { unit { name validFrom } } }
      now: adminUnit(code: "18202") { name }
      none: adminUnit(code: "449", asOf: "2010-01-01") { name }
    }`);
    expect(res.data.found).toHaveLength(1);
    expect(res.data.found[0]).toMatchObject({ code: "18202", name: "Xã Tứ Mỹ", kind: "COMMUNE", parent: { code: "42" } });
    const before = res.data.found[0].predecessors.map((p: any) => p.unit.name).sort();
    expect(before).toEqual(["Huyện Hương Sơn", "Xã Châu Bình", "Xã Mỹ Long", "Xã Tân Mỹ Hà"].sort());
    expect(res.data.then).toEqual({
      name: "Xã Sơn Trà",
      validFrom: null,
      validTo: "2024-12-31",
      parent: { name: "Huyện Hương Sơn" },
      successors: [{ unit: { name: "Xã Mỹ Long", validFrom: "2025-01-01" } }],
    });
    expect(res.data.now).toEqual({ name: "Xã Tứ Mỹ" });
    expect(res.data.none).toBeNull();
  });
});
