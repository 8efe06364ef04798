/**
 * Organisations lie in communes, with dates: the demo's mid-2024 communes, unit filters judged on their own
 * period, and registrations checked against the map in force on the establishment date.
 */
import { ADMIN_UNITS, unitOn, unitsOn } from "@kttt/reference";
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

/** Totals of `organizations` for each unit code on a date, in one request. */
async function totals(codes: string[], asOf: string | null): Promise<number[]> {
  const fields = codes.map((code, i) => `u${i}: organizations(filter: { adminUnitCode: "${code}"${asOf ? `, adminUnitAsOf: "${asOf}"` : ""} }) { totalCount }`);
  const data = await ask(`{ ${fields.join(" ")} }`);
  return codes.map((_, i) => data[`u${i}`].totalCount);
}

describe("organisations in communes", () => {
  it("the demo puts every organisation in a mid-2024 commune of its district, and over most of them", async () => {
    const rows: { admin_unit_code: string; district: string; commune_since: string; established_on: string }[] = await m.service.dataSource.query(
      `SELECT o.admin_unit_code, c.parent_id AS district, o.commune_since::text, o.established_on::text FROM organization o JOIN admin_unit c ON c.id = o.commune_id`,
    );
    const [{ n }] = await m.service.dataSource.query(`SELECT count(*)::int AS n FROM organization`);
    expect(rows).toHaveLength(n);
    for (const row of rows) {
      expect(row.district).toBe(row.admin_unit_code);
      expect(row.commune_since).toBe(row.established_on);
    }
    const [{ used }] = await m.service.dataSource.query(`SELECT count(DISTINCT commune_id)::int AS used FROM organization`);
    expect(used).toBeGreaterThanOrEqual(180); // of 216
  });

  it("a district on a date finds what lay in it then, and the districts of a date add up to the province", async () => {
    const all = (await ask(`{ organizations { totalCount } }`)).organizations.totalCount;
    const mid2024 = ADMIN_UNITS.map((d) => d.code);
    expect((await totals(mid2024, "2024-07-15")).reduce((a, b) => a + b, 0)).toBe(all);
    const early2025 = unitsOn("2025-03-01").filter((u) => u.level === "DISTRICT").map((u) => u.code);
    expect(early2025).toHaveLength(12);
    expect((await totals(early2025, "2025-03-01")).reduce((a, b) => a + b, 0)).toBe(all);
    // Thạch Hà on its last day took in Lộc Hà, less Hộ Độ, and had given 11 communes to the city.
    const toCity = unitsOn("2024-07-15").filter((c) => c.parentId === "445" && unitOn(c.code, "2025-03-01")?.parentId === "436").map((c) => c.code);
    expect(toCity).toHaveLength(11);
    const [thachHa2024, locHa2024, hoDo] = await totals(["445", "448", "18598"], "2024-07-15");
    const given = (await totals(toCity, "2024-07-15")).reduce((a, b) => a + b, 0);
    expect(await totals(["445"], null)).toEqual([thachHa2024 - given + locHa2024 - hoDo]);
    const page = await ask(`{ organizations(first: 50, filter: { adminUnitCode: "445" }) { nodes { adminUnit { code } districtOn(asOf: "2025-06-30") { code } } } }`);
    for (const node of page.organizations.nodes) expect(node.districtOn.code).toBe("445");
    expect(page.organizations.nodes.some((n: any) => n.adminUnit.code === "448")).toBe(true);
  });

  it("today's communes find what lies in them now, and what they cannot place is the split and lost communes'", async () => {
    const communes = unitsOn("2026-01-01").filter((u) => u.level === "COMMUNE").map((u) => u.code);
    const all = (await ask(`{ organizations { totalCount } }`)).organizations.totalCount;
    const placed = (await totals(communes, null)).reduce((a, b) => a + b, 0);
    // Kỳ Lợi and Đại Nài were split, Trung Lộc and Phú Phong went nobody knows where: only the address can place them.
    const unplaced = await totals(["18796", "18082", "18472", "18535"], "2024-07-15");
    expect(unplaced.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(placed + unplaced.reduce((a, b) => a + b, 0)).toBe(all);
    const tuMy = await ask(`{ organizations(first: 100, filter: { adminUnitCode: "18202" }) { totalCount nodes { commune { name } communeOn { code name } districtOn(asOf: "2024-07-15") { name } } } }`);
    expect(tuMy.organizations.totalCount).toBeGreaterThan(0);
    for (const node of tuMy.organizations.nodes) {
      expect(node.communeOn).toEqual({ code: "18202", name: "Xã Tứ Mỹ" });
      expect(node.districtOn.name).toBe("Huyện Hương Sơn");
    }
    const formerUnits = ["Xã Sơn Châu", "Xã Tân Mỹ Hà", "Xã Sơn Trà", "Xã Sơn Bình", "Xã Sơn Long"];
    for (const node of tuMy.organizations.nodes) expect(formerUnits).toContain(node.commune.name);
  });

  const REGISTER = /* GraphQL */ `
    mutation($input: RegisterOrganizationInput!) {
      registerOrganization(input: $input) { id adminUnitCode commune { code name } communeSince communeOn { code name } early: districtOn(asOf: "2025-03-01") { code } adminUnit { name } }
    }`;
  let counter = 0;
  const registration = (adminUnitCode: string, establishedOn: string) => ({
    kind: "COOPERATIVE",
    name: `Hợp tác xã Nông nghiệp Xã Mới ${++counter}`,
    registrationNumber: `30980${String(counter).padStart(5, "0")}`,
    adminUnitCode,
    sector: "AGRICULTURE",
    establishedOn,
    members: Array.from({ length: 5 }, (_, i) => ({ kind: "INDIVIDUAL", membershipType: "OFFICIAL", fullName: `Trần Thị Xã viên ${i + 1}`, capitalContributed: "10000000", joinedOn: establishedOn })),
  });

  it("registers in 2026 under a commune of today, and refuses a district that no longer existed, naming its communes", async () => {
    const created = (await ask(REGISTER, { input: registration("18202", "2026-02-01") })).registerOrganization;
    expect(created).toMatchObject({ adminUnitCode: "18202", commune: { code: "18202", name: "Xã Tứ Mỹ" }, communeSince: "2026-02-01", communeOn: { code: "18202" }, early: null, adminUnit: { name: "Xã Tứ Mỹ" } });
    const found = await ask(`query($id: ID!) { organizations(filter: { adminUnitCode: "18202" }, first: 100) { nodes { id } } organization(id: $id) { id } }`, { id: created.id });
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
    expect(created).toMatchObject({ adminUnitCode: "448", commune: { code: "18598", name: "Xã Hộ Độ" }, communeOn: { code: "18100", name: "Phường Trần Phú" }, early: { code: "436" } });
  });
});
