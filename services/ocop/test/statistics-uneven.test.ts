/**
 * OCOP statistics on a small catalogue where every group differs: each unit, star band, product group
 * and owner type has its own count, products stand in every status on the date (active, expired,
 * revoked, certified only later), so a figure counted in the wrong group, the wrong status or on the
 * wrong date fails. Written through the mutations (owners of membership asked of a real membership).
 */
import { demoOrganizations } from "@kttt/demo";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { startTestOcop, type TestOcop } from "./helpers";

let membership: TestSubgraph;
let o: TestOcop;

const AS_OF = "2024-07-15";
const active = (kind: string, unit: string) => demoOrganizations().filter((org) => org.kind === kind && org.status === "ACTIVE" && org.adminUnitCode === unit);
const COOP_A = active("COOPERATIVE", "444")[0].id;
const GROUP_G = active("COOPERATIVE_GROUP", "436")[0].id;
const ENTERPRISE = { type: "ENTERPRISE", name: "Công ty TNHH Thống Kê Lệch", registrationNumber: "3099990001", adminUnitCode: "444" };
const HOUSEHOLD = { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Lê Văn Lệch", registrationNumber: "3099990002", adminUnitCode: "436" };

const REGISTER = `mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id owner { __typename ... on OcopLocalOwner { id } } } }`;
const CERTIFY = `mutation($input: CertifyOcopProductInput!) { certifyOcopProduct(input: $input) { id } }`;
const REVOKE = `mutation($input: RevokeOcopCertificationInput!) { revokeOcopCertification(input: $input) { id } }`;
const SCORES: Record<number, { scoreA: number; scoreB: number; scoreC: number }> = {
  3: { scoreA: 25, scoreB: 15, scoreC: 20 },
  4: { scoreA: 30, scoreB: 20, scoreC: 25 },
  5: { scoreA: 38, scoreB: 24, scoreC: 33 },
};

async function ok(query: string, input: Record<string, unknown>): Promise<any> {
  const res = await o.query(query, { input });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0];
}

async function product(
  name: string,
  group: string,
  subgroup: string,
  unit: string,
  owner: Record<string, unknown>,
  stars: number,
  decidedOn: string,
): Promise<any> {
  const registered = await ok(REGISTER, { name, group, subgroup, adminUnitCode: unit, registeredOn: "2020-01-01", owner });
  await ok(CERTIFY, { productId: registered.id, ...SCORES[stars], stars, decisionNumber: `${name.length}/QĐ-UBND`, decidedOn });
  return registered;
}

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  o = await startTestOcop("empty", membership.url);
  // Active on 2024-07-15: P1 (3★, to 2026-01-09), P2 (4★, to 2025-02-28), P3 (5★, to 2024-07-31: within 90 days), P6 (4★, to 2024-11-30: within 180).
  await product("Cam Lệch Một", "FOOD", "Nông sản tươi sống", "444", { organizationId: COOP_A }, 3, "2023-01-10");
  await product("Cam Lệch Hai", "FOOD", "Nông sản sơ chế", "444", { organizationId: COOP_A }, 4, "2022-03-01");
  const p3 = await product("Rượu Lệch Ba", "BEVERAGE", "Đồ uống có cồn", "444", { newLocalOwner: ENTERPRISE }, 5, "2021-08-01");
  await product("Kẹo Lệch Sáu", "FOOD", "Thực phẩm chế biến", "436", { localOwnerId: p3.owner.id }, 4, "2021-12-01");
  // Expired on the date: P4 (3★, to 2024-04-30). Revoked: P5. Certified only after the date: P7.
  await product("Tinh dầu Lệch Bốn", "HERBAL", "Mỹ phẩm, tinh dầu từ dược liệu", "436", { newLocalOwner: HOUSEHOLD }, 3, "2021-05-01");
  const p5 = await product("Mật ong Lệch Năm", "FOOD", "Gia vị", "436", { organizationId: GROUP_G }, 3, "2024-01-05");
  await ok(REVOKE, { productId: p5.id, revokedOn: "2024-06-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "88/QĐ-UBND" });
  await product("Cam Lệch Bảy", "FOOD", "Nông sản tươi sống", "444", { organizationId: COOP_A }, 3, "2024-08-01");
}, 60_000);
afterAll(async () => {
  await o?.stop();
  await membership?.stop();
});

const FIGURES = `activeProducts expiredProducts revokedProducts threeStarProducts fourStarProducts fiveStarProducts collectiveOwnedProducts collectiveOwners otherOwnedProducts expiringWithin90Days expiringWithin180Days`;
async function statistics(groupBy?: string, asOf = AS_OF): Promise<{ total: Record<string, number>; groups: Record<string, Record<string, number>> }> {
  const res = await o.query(
    `query($asOf: LocalDate, $groupBy: OcopGroupBy) { ocopStatistics(asOf: $asOf, groupBy: $groupBy) { total { ${FIGURES} } groups { key figures { ${FIGURES} } } } }`,
    { asOf, groupBy },
  );
  expect(res.errors).toBeUndefined();
  const { total, groups } = res.data.ocopStatistics;
  return { total, groups: Object.fromEntries(groups.map((g: { key: string; figures: Record<string, number> }) => [g.key, g.figures])) };
}

it("counts each product once, in the status it had on the date", async () => {
  const { total } = await statistics();
  expect(total).toEqual({
    activeProducts: 4,
    expiredProducts: 1,
    revokedProducts: 1,
    threeStarProducts: 1,
    fourStarProducts: 2,
    fiveStarProducts: 1,
    collectiveOwnedProducts: 2,
    collectiveOwners: 1,
    otherOwnedProducts: 2,
    expiringWithin90Days: 1,
    expiringWithin180Days: 2,
  });
});

it("groups by unit where the product is made, not where its owner is registered", async () => {
  const { groups } = await statistics("ADMIN_UNIT");
  expect(groups["444"]).toMatchObject({
    activeProducts: 3,
    expiredProducts: 0,
    collectiveOwnedProducts: 2,
    collectiveOwners: 1,
    otherOwnedProducts: 1,
    expiringWithin90Days: 1,
    expiringWithin180Days: 1,
  });
  // Kẹo Lệch Sáu is made in 436 by an enterprise registered in 444.
  expect(groups["436"]).toMatchObject({
    activeProducts: 1,
    expiredProducts: 1,
    revokedProducts: 1,
    collectiveOwnedProducts: 0,
    otherOwnedProducts: 1,
    expiringWithin90Days: 0,
    expiringWithin180Days: 1,
  });
});

it("groups by stars, product group and owner type with each group's own count", async () => {
  const stars = (await statistics("STARS")).groups;
  expect([stars["3"]?.activeProducts, stars["4"]?.activeProducts, stars["5"]?.activeProducts]).toEqual([1, 2, 1]);
  const byGroup = (await statistics("GROUP")).groups;
  expect(byGroup.FOOD).toMatchObject({ activeProducts: 3, revokedProducts: 1, fourStarProducts: 2, threeStarProducts: 1 });
  expect(byGroup.BEVERAGE).toMatchObject({ activeProducts: 1, fiveStarProducts: 1, expiringWithin90Days: 1 });
  expect(byGroup.HERBAL?.activeProducts ?? 0).toBe(0);
  const owners = (await statistics("OWNER_TYPE")).groups;
  expect(owners.COOPERATIVE).toMatchObject({ activeProducts: 2, collectiveOwners: 1, collectiveOwnedProducts: 2 });
  expect(owners.ENTERPRISE).toMatchObject({ activeProducts: 2, otherOwnedProducts: 2, expiringWithin180Days: 2 });
  expect(owners.HOUSEHOLD_BUSINESS?.activeProducts ?? 0).toBe(0);
  expect(owners.COOPERATIVE_GROUP?.activeProducts ?? 0).toBe(0);
});

it("judges on the date asked: a later date sees the 5★ lapsed and the late certificate in force", async () => {
  const { total } = await statistics(undefined, "2024-08-15");
  // P3 lapsed on 2024-07-31; P7 certified on 2024-08-01.
  expect(total).toMatchObject({
    activeProducts: 4,
    expiredProducts: 2,
    revokedProducts: 1,
    threeStarProducts: 2,
    fiveStarProducts: 0,
    collectiveOwnedProducts: 3,
    collectiveOwners: 1,
    otherOwnedProducts: 1,
  });
});
