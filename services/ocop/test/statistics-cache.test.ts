/**
 * OCOP statistics of closed periods are cached per data version and access scope (core's cachedAggregate), both
 * `ocopStatistics` and ocop's part of the collective economy: a write is visible in the very next read, and an
 * answer computed for one caller's scope is never handed to another.
 */
import { Role, type Principal } from "@kttt/core";
import { countedRead, readsPerScope } from "@kttt/testkit";
import { startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

/** The statement that computes OCOP figures: each product's certificate on the date. */
const COMPUTES = /FROM ocop_certification c WHERE c\.decided_on/u;
const FIGURES = "activeProducts threeStarProducts";
const READ = `{ ocopStatistics(asOf: "2024-07-15") { total { ${FIGURES} } }
  _entities(representations: [{ __typename: "CollectiveEconomy", id: "2024-H1" }]) { ... on CollectiveEconomy { ocop { ${FIGURES} } } } }`;

it("keeps the statistics of a closed period per access scope: a commune's first read computes again", async () => {
  expect(await readsPerScope(o, READ, COMPUTES)).toEqual(["computed", "cached", "computed", "cached"]);
});

it("shows a certificate decided in a closed period in the next read of its statistics", async () => {
  const before = await countedRead(o, READ, COMPUTES);
  expect(await countedRead(o, READ, COMPUTES)).toEqual({ data: before.data, computed: 0 });
  const owner = { newLocalOwner: { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Bộ Đệm", registrationNumber: "8199990001", adminUnitCode: "439" } };
  const product = { name: "Cam bộ đệm", group: "FOOD", subgroup: "Nông sản tươi sống", adminUnitCode: "439", registeredOn: "2024-01-10", owner };
  const registered = await o.query(`mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id } }`, { input: product });
  const productId = registered.data.registerOcopProduct.id;
  const assessment = { productId, scoreA: 25, scoreB: 15, scoreC: 20, stars: 3, decisionNumber: "4321/QĐ-UBND", decidedOn: "2024-03-01" };
  const certified = await o.query(`mutation($input: CertifyOcopProductInput!) { certifyOcopProduct(input: $input) { id } }`, { input: assessment });
  expect(certified.errors).toBeUndefined();
  const after = await countedRead(o, READ, COMPUTES);
  const plusOne = (f: { activeProducts: number; threeStarProducts: number }) => ({
    activeProducts: f.activeProducts + 1,
    threeStarProducts: f.threeStarProducts + 1,
  });
  expect([after.data.ocopStatistics.total, after.data._entities[0].ocop]).toEqual([
    plusOne(before.data.ocopStatistics.total),
    plusOne(before.data._entities[0].ocop),
  ]);
  expect(after.computed).toBeGreaterThan(0);
});

it("computes a closed day once for every grouping: the overview's units and its breakdown by group are one statement", async () => {
  const staff: Principal = { subject: "ocop-cache-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: null };
  const read = (groupBy: string) =>
    countedRead(
      o,
      `{ ocopStatistics(asOf: "2023-12-31"${groupBy ? `, groupBy: ${groupBy}` : ""}) { total { activeProducts } groups { key figures { activeProducts } } } }`,
      COMPUTES,
      staff,
    );
  const first = await read("ADMIN_UNIT");
  expect(first.computed).toBe(1);
  const total = first.data.ocopStatistics.total.activeProducts;
  expect(total).toBeGreaterThan(0);
  const sum = (groups: { figures: { activeProducts: number } }[]) => groups.reduce((a, g) => a + g.figures.activeProducts, 0);
  expect(sum(first.data.ocopStatistics.groups)).toBe(total);
  for (const groupBy of ["GROUP", "STARS", "OWNER_TYPE"]) {
    const next = await read(groupBy);
    expect(next.computed).toBe(0);
    expect(next.data.ocopStatistics.total.activeProducts).toBe(total);
    expect(next.data.ocopStatistics.groups.length).toBeGreaterThan(1);
    expect(sum(next.data.ocopStatistics.groups)).toBe(total);
  }
  expect(await read("")).toMatchObject({ computed: 0, data: { ocopStatistics: { groups: [] } } });
  // Without a caller's scope nothing is cached: each read computes its own grouping only.
  expect((await countedRead(o, `{ ocopStatistics(asOf: "2023-12-31", groupBy: GROUP) { total { activeProducts } } }`, COMPUTES)).computed).toBe(1);
});
