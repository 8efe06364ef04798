/**
 * Organisations lie in communes, with dates: the demo's mid-2024 communes, unit filters judged on their own
 * period, and registrations checked against the map in force on the establishment date.
 */
import { ADMIN_UNITS, unitOn, unitsOn } from "@kttt/reference";
import { ILLUSTRATIVE_2025 } from "../src/seed/generate";
import { onlyError, startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await m.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Totals of `organizations` for each unit code on a date, a few per request (the test pool has 4 connections). */
async function totals(codes: string[], asOf: string | null): Promise<number[]> {
  const out: number[] = [];
  for (let start = 0; start < codes.length; start += 4) {
    const chunk = codes.slice(start, start + 4);
    const fields = chunk.map(
      (code, i) => `u${i}: organizations(filter: { adminUnitCode: "${code}"${asOf ? `, adminUnitAsOf: "${asOf}"` : ""} }) { totalCount }`,
    );
    const data = await ask(`{ ${fields.join(" ")} }`);
    out.push(...chunk.map((_, i) => data[`u${i}`].totalCount as number));
  }
  return out;
}

describe("organisations in communes", () => {
  describe("statistics by the period's map", () => {
    const GROUPS = `groups { key label adminUnit { code name } figures { cooperativeCount unionCount groupCount revenue { total } } }`;
    const sum = (groups: any[], field: string): number => groups.reduce((a, g) => a + g.figures[field], 0);
    const UNPLACED = ["18796", "18082", "18472", "18535"];

    it("2024 keeps its 13 districts and every seed figure", async () => {
      const data = await ask(
        `{ membershipStatistics(year: 2024, groupBy: ADMIN_UNIT) { asOf unitMapDate total { cooperativeCount unionCount groupCount } ${GROUPS} } }`,
      );
      const stats = data.membershipStatistics;
      expect(stats.total).toEqual({ cooperativeCount: 975, unionCount: 3, groupCount: 2538 });
      expect(stats.unitMapDate).toBe("2024-12-31");
      expect(stats.groups.map((g: any) => g.key)).toEqual(ADMIN_UNITS.map((d) => d.code).sort());
      const expected: { code: string; cooperatives: number; revenue: string | null }[] = await m.service.dataSource.query(
        `SELECT o.admin_unit_code AS code, count(*) FILTER (WHERE o.kind = 'COOPERATIVE')::int AS cooperatives, sum(f.revenue) FILTER (WHERE o.kind = 'COOPERATIVE')::text AS revenue
         FROM organization o LEFT JOIN financial_report f ON f.organization_id = o.id AND f.year = 2024
         WHERE o.established_on <= '2024-12-31' AND (o.dissolved_on IS NULL OR o.dissolved_on > '2024-12-31') GROUP BY o.admin_unit_code ORDER BY 1`,
      );
      expect(stats.groups.map((g: any) => ({ code: g.key, cooperatives: g.figures.cooperativeCount, revenue: g.figures.revenue.total }))).toEqual(
        expected.map((e) => ({ ...e, revenue: e.revenue ?? "0" })),
      );
      expect(stats.groups.find((g: any) => g.key === "444").label).toBe("Huyện Hương Khê");
    });

    it("re-cut by today's communes, 2024 adds up to the province with the unplaced counted apart", async () => {
      const data = await ask(
        `{ membershipStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { unitMapDate total { cooperativeCount unionCount groupCount } ${GROUPS} } }`,
      );
      const stats = data.membershipStatistics;
      const today = new Set(
        unitsOn(stats.unitMapDate)
          .filter((u) => u.level === "COMMUNE")
          .map((u) => u.code),
      );
      expect(today.size).toBe(69);
      for (const g of stats.groups) if (g.key !== null) expect(today.has(g.key)).toBe(true);
      expect([sum(stats.groups, "cooperativeCount"), sum(stats.groups, "unionCount"), sum(stats.groups, "groupCount")]).toEqual([975, 3, 2538]);
      const unplaced = stats.groups.find((g: any) => g.key === null);
      const [expected] = await m.service.dataSource.query(
        `SELECT count(*) FILTER (WHERE kind = 'COOPERATIVE')::int AS coops, count(*) FILTER (WHERE kind = 'COOPERATIVE_GROUP')::int AS groups FROM organization
         WHERE commune_id = ANY($1) AND established_on <= '2024-12-31' AND (dissolved_on IS NULL OR dissolved_on > '2024-12-31')`,
        [UNPLACED],
      );
      expect(expected.coops + expected.groups).toBeGreaterThan(0);
      expect(unplaced.figures).toMatchObject({ cooperativeCount: expected.coops, groupCount: expected.groups });
      expect(unplaced.label).toMatch(/Chưa xác định/u);
    });

    it("2025 groups by the 69 communes, in one statement (and the cache's data-version reads, for the answer and the anchor day's sums: 2025 is a closed period)", async () => {
      const query = `{ membershipStatistics(year: 2025, groupBy: ADMIN_UNIT) { unitMapDate total { cooperativeCount unionCount groupCount } groups { key figures { cooperativeCount unionCount groupCount } } } }`;
      m.service.statements.start();
      const res = await m.query(query);
      expect(m.service.statements.stop()).toBe(3);
      expect(res.errors).toBeUndefined();
      const stats = res.data.membershipStatistics;
      expect(stats.unitMapDate).toBe("2025-12-31");
      const communes = new Set(
        unitsOn("2025-12-31")
          .filter((u) => u.level === "COMMUNE")
          .map((u) => u.code),
      );
      const keyed = stats.groups.filter((g: any) => g.key !== null);
      expect(keyed.length).toBeGreaterThan(60);
      for (const g of keyed) expect(communes.has(g.key)).toBe(true);
      expect(sum(stats.groups, "cooperativeCount")).toBe(stats.total.cooperativeCount);
      expect(sum(stats.groups, "groupCount")).toBe(stats.total.groupCount);
    });

    it("the overview of the second half of 2025 lists the 69 communes", async () => {
      const data = await ask(
        `{ collectiveEconomyByAdminUnit(period: { year: 2025, half: H2 }) { adminUnit { code level } membership { cooperativeCount } } collectiveEconomy(period: { year: 2025, half: H2 }) { membership { cooperativeCount } } }`,
      );
      const units = data.collectiveEconomyByAdminUnit;
      expect(units).toHaveLength(69);
      expect(units.every((u: any) => u.adminUnit.level === "COMMUNE")).toBe(true);
      const placed = units.reduce((a: number, u: any) => a + u.membership.cooperativeCount, 0);
      expect(placed).toBeLessThanOrEqual(data.collectiveEconomy.membership.cooperativeCount);
      expect(placed).toBeGreaterThan(data.collectiveEconomy.membership.cooperativeCount * 0.9);
      const h1 = await ask(`{ collectiveEconomyByAdminUnit(period: { year: 2025, half: H1 }) { adminUnit { code level } } }`);
      expect(h1.collectiveEconomyByAdminUnit.map((u: any) => u.adminUnit.code)).toEqual(
        ADMIN_UNITS.map((d) => d.code)
          .filter((c) => c !== "448")
          .sort(),
      );
    });
  });

  it("the demo puts every organisation in a mid-2024 commune of its district, and over most of them; the illustrative registrations of 2025–2026 in today's communes", async () => {
    const rows: { admin_unit_code: string; district: string; commune_since: string; established_on: string }[] = await m.service.dataSource.query(
      `SELECT o.admin_unit_code, c.parent_id AS district, o.commune_since::text, o.established_on::text FROM organization o JOIN admin_unit c ON c.id = o.commune_id WHERE o.established_on < '2025-07-01'`,
    );
    const [{ n, later }] = await m.service.dataSource.query(
      `SELECT count(*) FILTER (WHERE established_on < '2025-07-01')::int AS n, count(*) FILTER (WHERE established_on >= '2025-07-01')::int AS later FROM organization`,
    );
    expect(rows).toHaveLength(n);
    const recent: { code: string; valid_from: string; parent_id: string | null; admin_unit_code: string }[] = await m.service.dataSource.query(
      `SELECT c.code, c.valid_from::text, c.parent_id, o.admin_unit_code FROM organization o JOIN admin_unit c ON c.id = o.commune_id WHERE o.established_on >= '2025-07-01'`,
    );
    expect(recent).toHaveLength(later);
    expect(later).toBeGreaterThan(0);
    for (const row of recent) expect(row).toEqual({ code: row.admin_unit_code, valid_from: "2025-07-01", parent_id: "42", admin_unit_code: row.code });
    for (const row of rows) {
      expect(row.district).toBe(row.admin_unit_code);
      expect(row.commune_since).toBe(row.established_on);
    }
    const [{ used }] = await m.service.dataSource.query(`SELECT count(DISTINCT commune_id)::int AS used FROM organization`);
    expect(used).toBeGreaterThanOrEqual(180); // of 216
  });

  it("marks its illustrative rows as OCOP and trade promotion do: the organisations registered or dissolved in 2025–2026, the figures and assessments of 2025", async () => {
    const [flags] = await m.service.dataSource.query(`
      SELECT (SELECT count(*) FROM organization WHERE illustrative)::int AS organizations,
             (SELECT count(*) FROM organization WHERE illustrative <> (established_on >= '2025-01-01' OR dissolved_on >= '2025-01-01'))::int AS "organizationsAmiss",
             (SELECT count(*) FROM financial_report WHERE illustrative <> (year >= 2025))::int AS "reportsAmiss",
             (SELECT count(*) FROM financial_report WHERE illustrative)::int AS reports,
             (SELECT count(*) FROM classification WHERE illustrative <> (year >= 2025))::int AS "classificationsAmiss"`);
    expect(flags).toMatchObject({
      organizations: ILLUSTRATIVE_2025.newCooperatives + ILLUSTRATIVE_2025.newGroups + ILLUSTRATIVE_2025.dissolvedCooperatives,
      organizationsAmiss: 0,
      reportsAmiss: 0,
      classificationsAmiss: 0,
    });
    expect(flags.reports).toBeGreaterThan(900);
    const [newest] = await m.service.dataSource.query(
      "SELECT id FROM organization WHERE kind = 'COOPERATIVE' AND established_on BETWEEN '2025-07-01' AND '2025-12-31' ORDER BY id LIMIT 1",
    );
    const res = await m.query(
      `query ($id: ID!) { organization(id: $id) { illustrative financialReports { year illustrative organization { illustrative } } } }`,
      { id: newest.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organization).toMatchObject({
      illustrative: true,
      financialReports: [{ year: 2025, illustrative: true, organization: { illustrative: true } }],
    });
  });

  it("a district on a date finds what lay in it then, and the districts of a date add up to the province", async () => {
    // Every organisation but those registered under today's communes (from 2025-07-01), which lie on no district's map.
    const [{ all }] = await m.service.dataSource.query(`SELECT count(*)::int AS "all" FROM organization WHERE established_on < '2025-07-01'`);
    const mid2024 = ADMIN_UNITS.map((d) => d.code);
    expect((await totals(mid2024, "2024-07-15")).reduce((a, b) => a + b, 0)).toBe(all);
    const early2025 = unitsOn("2025-03-01")
      .filter((u) => u.level === "DISTRICT")
      .map((u) => u.code);
    expect(early2025).toHaveLength(12);
    expect((await totals(early2025, "2025-03-01")).reduce((a, b) => a + b, 0)).toBe(all);
    // Thạch Hà on its last day took in Lộc Hà, less Hộ Độ, and had given 11 communes to the city.
    const toCity = unitsOn("2024-07-15")
      .filter((c) => c.parentId === "445" && unitOn(c.code, "2025-03-01")?.parentId === "436")
      .map((c) => c.code);
    expect(toCity).toHaveLength(11);
    const [thachHa2024, locHa2024, hoDo] = await totals(["445", "448", "18598"], "2024-07-15");
    const given = (await totals(toCity, "2024-07-15")).reduce((a, b) => a + b, 0);
    expect(await totals(["445"], null)).toEqual([thachHa2024 - given + locHa2024 - hoDo]);
    const page = await ask(
      `{ organizations(first: 50, filter: { adminUnitCode: "445" }) { nodes { adminUnit { code } districtOn(asOf: "2025-06-30") { code } } } }`,
    );
    for (const node of page.organizations.nodes) expect(node.districtOn.code).toBe("445");
    expect(page.organizations.nodes.some((n: any) => n.adminUnit.code === "448")).toBe(true);
  });

  it("today's communes find what lies in them now, and what they cannot place is the split and lost communes'", async () => {
    const communes = unitsOn("2026-01-01")
      .filter((u) => u.level === "COMMUNE")
      .map((u) => u.code);
    const all = (await ask(`{ organizations { totalCount } }`)).organizations.totalCount;
    const placed = (await totals(communes, null)).reduce((a, b) => a + b, 0);
    // Kỳ Lợi and Đại Nài were split, Trung Lộc and Phú Phong went nobody knows where: only the address can place them.
    const unplaced = await totals(["18796", "18082", "18472", "18535"], "2024-07-15");
    expect(unplaced.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(placed + unplaced.reduce((a, b) => a + b, 0)).toBe(all);
    const tuMy = await ask(
      `{ organizations(first: 100, filter: { adminUnitCode: "18202" }) { totalCount nodes { commune { name } communeOn { code name } districtOn(asOf: "2024-07-15") { name } } } }`,
    );
    expect(tuMy.organizations.totalCount).toBeGreaterThan(0);
    const formerUnits = ["Xã Sơn Châu", "Xã Tân Mỹ Hà", "Xã Sơn Trà", "Xã Sơn Bình", "Xã Sơn Long"];
    for (const node of tuMy.organizations.nodes) {
      expect(node.communeOn).toEqual({ code: "18202", name: "Xã Tứ Mỹ" });
      // Registered before 2025-07-01 in one of its former communes, with their district; or in Tứ Mỹ itself since, with none.
      if (node.commune.name === "Xã Tứ Mỹ") expect(node.districtOn).toBeNull();
      else {
        expect(formerUnits).toContain(node.commune.name);
        expect(node.districtOn.name).toBe("Huyện Hương Sơn");
      }
    }
  });

  const REGISTER = /* GraphQL */ `
    mutation ($input: RegisterOrganizationInput!) {
      registerOrganization(input: $input) {
        id
        adminUnitCode
        commune {
          code
          name
        }
        communeSince
        communeOn {
          code
          name
        }
        early: districtOn(asOf: "2025-03-01") {
          code
        }
        adminUnit {
          name
        }
      }
    }
  `;
  let counter = 0;
  const registration = (adminUnitCode: string, establishedOn: string) => ({
    kind: "COOPERATIVE",
    name: `Hợp tác xã Nông nghiệp Xã Mới ${++counter}`,
    registrationNumber: `30980${String(counter).padStart(5, "0")}`,
    adminUnitCode,
    sector: "AGRICULTURE",
    establishedOn,
    members: Array.from({ length: 5 }, (_, i) => ({
      kind: "INDIVIDUAL",
      membershipType: "OFFICIAL",
      fullName: `Trần Thị Xã viên ${i + 1}`,
      capitalContributed: "10000000",
      joinedOn: establishedOn,
    })),
  });

  it("registers in 2026 under a commune of today, and refuses a district that no longer existed, naming its communes", async () => {
    const created = (await ask(REGISTER, { input: registration("18202", "2026-02-01") })).registerOrganization;
    expect(created).toMatchObject({
      adminUnitCode: "18202",
      commune: { code: "18202", name: "Xã Tứ Mỹ" },
      communeSince: "2026-02-01",
      communeOn: { code: "18202" },
      early: null,
      adminUnit: { name: "Xã Tứ Mỹ" },
    });
    const found = await ask(`query($id: ID!) { organizations(filter: { adminUnitCode: "18202" }, first: 100) { nodes { id } } organization(id: $id) { id } }`, {
      id: created.id,
    });
    expect(found.organizations.nodes.map((n: any) => n.id)).toContain(created.id);

    const [before] = await m.service.dataSource.query(`SELECT count(*)::int AS n FROM organization`);
    const error = onlyError(await m.query(REGISTER, { input: registration("444", "2026-02-01") }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(error.message).toMatch(/Huyện Hương Khê \(444\) no longer existed on 2026-02-01.*Xã Phúc Trạch \(18547, part\)/u);
    expect(error.extensions!.details.replacedBy).toContain("18547");
    expect(await m.service.dataSource.query(`SELECT count(*)::int AS n FROM organization`)).toEqual([before]);
  });

  it("registers in a mid-2024 commune and follows it: Hộ Độ lay in Lộc Hà, then in the city, now in phường Trần Phú", async () => {
    const created = (await ask(REGISTER, { input: registration("18598", "2024-03-01") })).registerOrganization;
    expect(created).toMatchObject({
      adminUnitCode: "448",
      commune: { code: "18598", name: "Xã Hộ Độ" },
      communeOn: { code: "18100", name: "Phường Trần Phú" },
      early: { code: "436" },
    });
  });
});
