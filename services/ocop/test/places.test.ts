/**
 * Issue 13 in the ocop subgraph: owners and products lie in communes with dates; unit filters work for their period;
 * statistics by unit follow the period's map (one statement), with today's re-cut; writes check units by date;
 * certificates name the level and body that recognised them by date (Decision 1489/QĐ-TTg).
 */
import { today as haTinhToday } from "@kttt/core";
import { demoOcopCatalogue, demoOcopIllustrative, demoOrganizations } from "@kttt/demo";
import { adminUnitIdOf, communeCodeOn, recordCommuneOn, recordDistrictOn, groupingUnitsOn, ocopStatusOn, unitById, unitOn, unitsOn } from "@kttt/reference";
import { OcopLocalOwner } from "../src/entities/owner";
import { OcopProduct } from "../src/entities/product";
import { SEED_DATE, startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

const catalogue = demoOcopCatalogue();
const illustrative = demoOcopIllustrative();
const allProducts = [...catalogue.products, ...illustrative.products];
const activeOnSeedDate = catalogue.products.filter((p) => ocopStatusOn(p.certifications, SEED_DATE) === "ACTIVE");

async function countStatements(query: string, variables?: Record<string, unknown>) {
  o.service.statements.start();
  const res = await o.query(query, variables);
  const count = o.service.statements.stop();
  expect(res.errors).toBeUndefined();
  return { count, data: res.data };
}

describe("demo places", () => {
  it("puts every owner and product in a mid-2024 commune of its district, organisations' products in membership's commune", () => {
    const organizations = new Map(demoOrganizations().map((org) => [org.id, org]));
    for (const p of catalogue.products) {
      const commune = unitById(p.communeId)!;
      expect(commune.level).toBe("COMMUNE");
      expect(recordDistrictOn(p.communeId, SEED_DATE)?.code).toBe(p.adminUnitCode);
      if (p.ownerOrganizationId) expect(p.communeId).toBe(organizations.get(p.ownerOrganizationId)!.communeCode);
      expect(p.communeSince).toBe(p.registeredOn);
    }
    for (const owner of catalogue.owners) {
      expect(recordDistrictOn(owner.communeId, SEED_DATE)?.code).toBe(owner.adminUnitCode);
      expect(owner.communeSince <= "2026-06-30").toBe(true);
    }
    // Spread: a district's products lie in more than one commune.
    const communesOf444 = new Set(catalogue.products.filter((p) => p.adminUnitCode === "444").map((p) => p.communeId));
    expect(communesOf444.size).toBeGreaterThan(3);
  });

  it("adds illustrative 2025–2026 decisions by the province only, after Decision 1489/QĐ-TTg", () => {
    expect(illustrative.reassessments.length).toBeGreaterThan(20);
    expect(illustrative.products.length).toBeGreaterThan(5);
    for (const c of [...illustrative.reassessments.map((r) => r.certification), ...illustrative.products.flatMap((p) => p.certifications)]) {
      expect(c.illustrative).toBe(true);
      expect(c.decidedOn >= "2025-07-06" && c.decidedOn <= "2026-06-30").toBe(true);
      expect(c.level).toBe("PROVINCE");
    }
    for (const p of illustrative.products) expect(recordCommuneOn(p.communeId, "2026-06-30")?.code).toBe(p.adminUnitCode);
  });
});

describe("place fields", () => {
  it("serve the recorded commune, the commune and district on a date, and the certifying body by date", async () => {
    const product = catalogue.products.find((p) => p.name === "Bưởi Phúc Trạch")!;
    const res = await o.query(
      `query($id: ID!) { ocopProduct(id: $id) { adminUnitCode communeSince communeName commune { id } communeOn { id } then: communeOn(asOf: "2024-07-15") { id }
          districtOn(asOf: "2025-03-01") { id } after: districtOn(asOf: "2025-07-01") { id }
          certifications { decidedOn level certifyingBody certifyingUnit { id } levelBasis illustrative } } }`,
      { id: product.id },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.ocopProduct;
    const recorded = unitById(product.communeId)!;
    expect(p).toMatchObject({
      adminUnitCode: "444",
      communeSince: product.registeredOn,
      communeName: recorded.name,
      commune: { id: recorded.id },
      districtOn: { id: adminUnitIdOf("444", "2025-03-01") },
      after: null,
    });
    expect(p.communeName).toMatch(/^(Xã|Thị trấn) /u);
    expect(p.then).toEqual({ id: recorded.id });
    expect(p.communeOn?.id ?? null).toBe(recordCommuneOn(product.communeId, haTinhToday())?.id ?? null);
    for (const c of p.certifications) {
      if (c.level === "DISTRICT") {
        expect(c.decidedOn < "2025-07-06").toBe(true);
        expect(c).toMatchObject({ certifyingBody: "Ủy ban nhân dân huyện Hương Khê", certifyingUnit: { id: adminUnitIdOf("444", c.decidedOn) } });
        expect(c.levelBasis).toContain("148/QĐ-TTg");
      }
      if (c.level === "PROVINCE")
        expect(c).toMatchObject({ certifyingBody: "Ủy ban nhân dân tỉnh Hà Tĩnh", certifyingUnit: { id: adminUnitIdOf("42", c.decidedOn) } });
      if (c.decidedOn >= "2025-07-06") expect(c.levelBasis).toContain("1489/QĐ-TTg");
      expect(c.illustrative).toBe(c.decidedOn > SEED_DATE);
    }
  });

  it("gives local owners the same place fields", async () => {
    const owner = catalogue.owners[0];
    const product = catalogue.products.find((p) => p.ownerId === owner.id)!;
    const res = await o.query(
      `query($id: ID!) { ocopProduct(id: $id) { owner { ... on OcopLocalOwner { id communeSince communeName districtOn(asOf: "2024-07-15") { id } } } } }`,
      { id: product.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.ocopProduct.owner).toEqual({
      id: owner.id,
      communeSince: owner.communeSince,
      communeName: unitById(owner.communeId)!.name,
      districtOn: { id: adminUnitIdOf(owner.adminUnitCode, "2024-07-15") },
    });
  });
});

describe("the COMMUNE access rule's property", () => {
  it("is today's commune of each owner and product, by the shared rule (not a column, not a field)", async () => {
    const products = await o.service.dataSource.getRepository(OcopProduct).find();
    const owners = await o.service.dataSource.getRepository(OcopLocalOwner).find();
    const today = haTinhToday();
    let placed = 0;
    for (const p of products) {
      expect(p.communeCodeToday).toBe(communeCodeOn(p.communeId, null, today));
      if (p.communeCodeToday) placed++;
    }
    for (const owner of owners) expect(owner.communeCodeToday).toBe(communeCodeOn(owner.communeId, owner.address, today));
    expect(placed).toBeGreaterThan(products.length * 0.9);
    const schema = await o.query(`{ __type(name: "OcopProduct") { fields { name } } }`);
    expect(schema.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain("communeCodeToday");
  });
});

describe("unit filters for their period", () => {
  const LIST = `query($f: OcopProductFilter) { ocopProducts(filter: $f, first: 100) { totalCount nodes { id } } }`;

  it("finds by a 2025 commune code what lies there now", async () => {
    const today = haTinhToday();
    const counts = new Map<string, string[]>();
    for (const p of allProducts) {
      const code = recordCommuneOn(p.communeId, today)?.code;
      if (code) counts.set(code, [...(counts.get(code) ?? []), p.id]);
    }
    const [code, ids] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    expect(code).toMatch(/^[0-9]{5}$/u);
    const res = await o.query(LIST, { f: { adminUnitCode: code } });
    expect(res.errors).toBeUndefined();
    expect(res.data.ocopProducts.totalCount).toBe(ids.length);
    expect(new Set(res.data.ocopProducts.nodes.map((n: { id: string }) => n.id))).toEqual(new Set(ids));
    // The same through the unit itself (batched).
    const unit = await o.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { ocopProducts(first: 100) { totalCount } } } }`, {
      r: [{ __typename: "AdminUnit", id: adminUnitIdOf(code, haTinhToday()) }],
    });
    expect(unit.data._entities[0].ocopProducts.totalCount).toBe(ids.length);
  });

  it("finds by a district code what lay there on the date asked, by default on the district's last day", async () => {
    const lastDay = allProducts.filter((p) => recordDistrictOn(p.communeId, "2025-06-30")?.code === "445").length;
    const mid2024 = allProducts.filter((p) => recordDistrictOn(p.communeId, SEED_DATE)?.code === "445").length;
    // Thạch Hà took in Lộc Hà (448) on 2025-01-01 and gave communes to Thành phố Hà Tĩnh: different sets.
    const fromLocHa = allProducts.filter(
      (p) => recordDistrictOn(p.communeId, SEED_DATE)?.code === "448" && recordDistrictOn(p.communeId, "2025-06-30")?.code === "445",
    );
    expect(fromLocHa.length).toBeGreaterThan(0);
    expect(lastDay).not.toBe(mid2024);
    const byDefault = await o.query(LIST, { f: { adminUnitCode: "445" } });
    expect(byDefault.data.ocopProducts.totalCount).toBe(lastDay);
    const then = await o.query(LIST, { f: { adminUnitCode: "445", adminUnitAsOf: SEED_DATE } });
    expect(then.data.ocopProducts.totalCount).toBe(mid2024);
  });
});

describe("statistics by the period's map", () => {
  const STATS = `query($asOf: LocalDate, $unitMap: UnitMap) { ocopStatistics(asOf: $asOf, groupBy: ADMIN_UNIT, unitMap: $unitMap) { unitMapDate total { activeProducts } groups { key label figures { activeProducts } } } }`;
  type Group = { key: string | null; label: string; figures: { activeProducts: number } };
  const sum = (groups: Group[]) => groups.reduce((a, g) => a + g.figures.activeProducts, 0);

  it("groups mid-2024 by the 13 districts, the seed figures unchanged, in one statement", async () => {
    const { count, data } = await countStatements(STATS, { asOf: SEED_DATE });
    expect(count).toBe(2); // the data version (core's cachedAggregate: a closed date), then the one statement
    const s = data.ocopStatistics;
    expect(s.unitMapDate).toBe(SEED_DATE);
    expect(s.total.activeProducts).toBe(239);
    const districts = unitsOn(SEED_DATE)
      .filter((u) => u.level === "DISTRICT")
      .map((u) => u.code);
    expect(s.groups.map((g: Group) => g.key).every((k: string | null) => k !== null && districts.includes(k))).toBe(true);
    expect(sum(s.groups)).toBe(239);
    // Each district's count is the catalogue's by the district it was registered in.
    for (const g of s.groups as Group[]) {
      const expected = activeOnSeedDate.filter((p) => p.adminUnitCode === g.key).length;
      expect(g.figures.activeProducts).toBe(expected);
    }
  });

  it("groups the first half of 2025 by its 12 districts: Lộc Hà's products under Thạch Hà", async () => {
    const { count, data } = await countStatements(STATS, { asOf: "2025-03-01" });
    expect(count).toBe(2); // the data version (core's cachedAggregate: a closed date), then the one statement
    const keys = data.ocopStatistics.groups.map((g: Group) => g.key);
    const districts = unitsOn("2025-03-01")
      .filter((u) => u.level === "DISTRICT")
      .map((u) => u.code);
    expect(districts).toHaveLength(12);
    for (const key of keys) expect(districts).toContain(key);
    expect(keys).not.toContain("448");
    const active = catalogue.products.filter((p) => ocopStatusOn(p.certifications, "2025-03-01") === "ACTIVE");
    const thachHa = active.filter((p) => recordDistrictOn(p.communeId, "2025-03-01")?.code === "445");
    expect(thachHa.some((p) => p.adminUnitCode === "448")).toBe(true);
    expect(data.ocopStatistics.groups.find((g: Group) => g.key === "445").figures.activeProducts).toBe(thachHa.length);
    expect(sum(data.ocopStatistics.groups)).toBe(data.ocopStatistics.total.activeProducts);
  });

  it("groups a date after 2025-07-01 by today's communes, in one statement", async () => {
    const { count, data } = await countStatements(STATS, { asOf: "2026-06-30" });
    expect(count).toBe(2); // the data version (core's cachedAggregate: a closed date), then the one statement
    const s = data.ocopStatistics;
    const communes = new Set(
      unitsOn("2026-06-30")
        .filter((u) => u.level === "COMMUNE")
        .map((u) => u.code),
    );
    expect(communes.size).toBe(69);
    const placed = s.groups.filter((g: Group) => g.key !== null);
    expect(placed.length).toBeGreaterThan(20);
    for (const g of placed) expect(communes.has(g.key)).toBe(true);
    expect(sum(s.groups)).toBe(s.total.activeProducts);
    expect(s.total.activeProducts).toBeGreaterThan(0);
  });

  it("re-cuts mid-2024 by today's communes: the same total, the unplaced counted apart", async () => {
    const { count, data } = await countStatements(STATS, { asOf: SEED_DATE, unitMap: "TODAY" });
    expect(count).toBe(1);
    const s = data.ocopStatistics;
    expect(s.total.activeProducts).toBe(239);
    expect(sum(s.groups)).toBe(239);
    const unplaced = s.groups.find((g: Group) => g.key === null);
    const { communeIds } = groupingUnitsOn(s.unitMapDate);
    const known = new Set(communeIds);
    const active = activeOnSeedDate;
    const expectedUnplaced = active.filter((p) => !known.has(p.communeId)).length;
    expect(unplaced?.figures.activeProducts ?? 0).toBe(expectedUnplaced);
    if (unplaced) expect(unplaced.label).toContain("Chưa xác định");
    for (const g of s.groups.filter((x: Group) => x.key !== null)) expect(g.key).toMatch(/^[0-9]{5}$/u);
    // Where the address could not decide, communeCodeOn agrees the record is unplaced.
    for (const p of active.filter((x) => !known.has(x.communeId))) expect(communeCodeOn(p.communeId, null, s.unitMapDate)).toBeNull();
  });
});

describe("writes check units by date", () => {
  const REGISTER = `mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id adminUnitCode communeSince commune { id } owner { ... on OcopLocalOwner { adminUnitCode communeSince } } } }`;
  let n = 0;
  const input = (adminUnitCode: string, registeredOn: string, ownerUnit = adminUnitCode) => ({
    name: `Mật ong thử nghiệm địa bàn ${++n}`,
    group: "FOOD",
    subgroup: "Nông sản sơ chế",
    adminUnitCode,
    registeredOn,
    owner: {
      newLocalOwner: {
        type: "HOUSEHOLD_BUSINESS",
        name: `Hộ kinh doanh Thử ${n}`,
        registrationNumber: `81${String(10_000_000 + n).slice(0, 8)}`,
        adminUnitCode: ownerUnit,
      },
    },
  });

  it("refuses district 444 in 2026, naming the communes that replaced it", async () => {
    const res = await o.query(REGISTER, { input: input("444", "2026-03-02") });
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    const replacedBy = (res.errors![0].extensions!.details as { replacedBy: string[] }).replacedBy;
    expect(replacedBy.length).toBeGreaterThan(3);
    for (const code of replacedBy) expect(code).toMatch(/^[0-9]{5}$/u);
    expect(res.errors![0].message).toContain("Huyện Hương Khê");
    const owner = await o.query(REGISTER, { input: input(replacedBy[0], "2026-03-02", "444") });
    expect(owner.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.owner.newLocalOwner.adminUnitCode",
      reason: "ADMIN_UNIT_NOT_VALID_ON_DATE",
    });
  });

  it("refuses a commune after it ended and a unit before it began, and records a commune with its date", async () => {
    const commune = unitsOn("2026-01-01").find((u) => u.level === "COMMUNE")!;
    // A mid-2024 commune merged away on 2025-01-01, registered in March 2025: refused, naming where it then lay.
    const gone = unitsOn(SEED_DATE).find((u) => u.level === "COMMUNE" && unitOn(u.code, "2025-03-01") === null)!;
    const late = await o.query(REGISTER, { input: input(gone.code, "2025-03-01") });
    expect(late.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(late.errors?.[0].message).toContain(`${gone.name} (${gone.code}) no longer existed on 2025-03-01`);
    // A unit before its validFrom.
    const early = await o.query(REGISTER, { input: input("444", "1990-05-02") });
    expect(early.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(early.errors?.[0].message).toContain("did not exist yet");
    const res = await o.query(REGISTER, { input: input(commune.code, "2026-03-02") });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOcopProduct).toMatchObject({
      adminUnitCode: commune.code,
      communeSince: "2026-03-02",
      commune: { id: commune.id },
      owner: { adminUnitCode: commune.code, communeSince: "2026-03-02" },
    });
    const mid2024 = await o.query(REGISTER, { input: input("444", "2024-05-02") });
    expect(mid2024.errors).toBeUndefined();
    expect(mid2024.data.registerOcopProduct).toMatchObject({ adminUnitCode: "444", communeSince: null, commune: null });
  });
});
