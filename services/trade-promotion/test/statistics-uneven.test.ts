/**
 * Trade-promotion statistics on a small year where every group differs: units with events only, with
 * participations only, with OCOP owners known only from a listing or a link; money that differs per
 * unit and per kind of event; shares of owners selling online that do not divide evenly (2/5) and one
 * that sits on the target (1/2). A figure put in the wrong group, joined on the wrong key or counted
 * outside the year fails.
 *
 * Events, participations, listings and links are written through the mutations (local owners and
 * products named by name need no look-up); that a participation showed an OCOP product, or that a
 * listing or link is of an OCOP product, is then set in the tables (naming products needs ocop through
 * a gateway, tested in tests/test/trade-promotion-writes.test.ts).
 */
import { randomUUID } from "node:crypto";
import { startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;

const owner = () => ({ kind: "OCOP_LOCAL_OWNER", id: randomUUID() });
const [L1, L2, L3, L4, L5, L6] = Array.from({ length: 6 }, owner);

async function ok(mutation: string, input: Record<string, unknown>): Promise<{ id: string }> {
  const res = await s.query(`mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, { input });
  expect(res.errors).toBeUndefined();
  return res.data[mutation];
}
const event = (name: string, type: string, format: string, adminUnitCode: string | null, startsOn: string, endsOn: string, budget: string | null) =>
  ok("createTradeEvent", {
    name,
    type,
    format,
    scope: "PROVINCIAL",
    organiser: "Sở Công Thương Hà Tĩnh",
    place: "Hà Tĩnh",
    adminUnitCode,
    startsOn,
    endsOn,
    budget,
  });
const participate = (eventId: string, participant: { kind: string; id: string }, adminUnitCode: string, results: Record<string, unknown>) =>
  ok("registerTradeParticipation", { eventId, participant, adminUnitCode, ...results });
/** Marks a write as being about an OCOP product, as if ocop had been asked. */
const withOcopProduct = (table: string, id: string) => s.service.dataSource.query(`UPDATE ${table} SET product_id = $1 WHERE id = $2`, [randomUUID(), id]);

beforeAll(async () => {
  s = await startTestTradePromotion("empty");
  const e1 = await event("Hội chợ lệch 444", "FAIR", "IN_PERSON", "444", "2023-03-01", "2023-03-03", "100000000");
  const e2 = await event("Triển lãm lệch 436", "EXHIBITION", "IN_PERSON", "436", "2023-05-10", "2023-05-12", "50000000");
  const e3 = await event("Livestream lệch cuối năm", "ONLINE_CAMPAIGN", "ONLINE", null, "2023-12-30", "2024-01-02", null);
  const e4 = await event("Hội chợ lệch năm trước", "FAIR", "IN_PERSON", "444", "2022-06-01", "2022-06-02", "70000000");

  // Participants by the unit they are registered in: L1 444, L2 436, L3 440.
  const p11 = await participate(e1.id, L1, "444", { booths: 2, salesAmount: "10000000", contractCount: 1, contractValue: "7000000" });
  await participate(e1.id, L2, "436", { booths: 1, salesAmount: "5000000", mouCount: 2, mouValue: "4000000" });
  const p21 = await participate(e2.id, L1, "444", { booths: 1, salesAmount: "3000000" });
  await participate(e3.id, L3, "440", { salesAmount: "1000000" });
  await participate(e4.id, L1, "444", { booths: 5, salesAmount: "999000000" });
  // L1 showed an OCOP product at both 2023 events; L3 showed none.
  for (const p of [p11, p21])
    await s.service.dataSource.query("INSERT INTO participation_product (participation_id, product_id) VALUES ($1, $2)", [p.id, randomUUID()]);

  // Listings: L2 (436) and L5 (439) sell an OCOP product online in 2023; L1's listing ended in 2022; L6's is not of an OCOP product.
  const listing = (seller: { kind: string; id: string }, unit: string, listedOn: string, delistedOn?: string) =>
    ok("recordEcommerceListing", { owner: seller, adminUnitCode: unit, platform: "POSTMART", productName: "Sản phẩm lệch", listedOn, delistedOn });
  await withOcopProduct("ecommerce_listing", (await listing(L2, "436", "2023-02-01")).id);
  await withOcopProduct("ecommerce_listing", (await listing(L5, "439", "2022-11-01")).id);
  await withOcopProduct("ecommerce_listing", (await listing(L1, "444", "2021-01-01", "2022-12-31")).id);
  await listing(L6, "439", "2023-04-01");

  // Links: L4 (444) and L6 (439) supply an OCOP product; L2's link at the exhibition is of another product.
  const link = (seller: { kind: string; id: string }, unit: string, agreedOn: string, value: string, eventId?: string) =>
    ok("recordSupplyDemandLink", {
      seller,
      adminUnitCode: unit,
      buyer: "Siêu thị lệch",
      productName: "Sản phẩm lệch",
      volume: 1.5,
      volumeUnit: "tấn",
      value,
      agreedOn,
      eventId,
    });
  await withOcopProduct("supply_demand_link", (await link(L4, "444", "2023-07-01", "9000000")).id);
  await withOcopProduct("supply_demand_link", (await link(L6, "439", "2023-08-01", "2000000")).id);
  await link(L2, "436", "2023-05-11", "4000000", e2.id);
  await link(L2, "436", "2022-05-11", "8000000");
}, 60_000);
afterAll(() => s?.stop());

const FIGURES =
  "events eventBudget participations participants booths sales contracts contractValue memoranda memorandumValue supplyDemandLinks supplyDemandValue ocopOwners ocopOwnersSellingOnline onlineSellingShare meetsOnlineSellingTarget";
async function statistics(groupBy?: string): Promise<{ total: Record<string, unknown>; groups: Record<string, Record<string, unknown>> }> {
  const res = await s.query(
    `query($groupBy: TradePromotionGroupBy) { tradePromotionStatistics(year: 2023, groupBy: $groupBy) { total { ${FIGURES} } groups { key figures { ${FIGURES} } } } }`,
    { groupBy },
  );
  expect(res.errors).toBeUndefined();
  const { total, groups } = res.data.tradePromotionStatistics;
  return { total, groups: Object.fromEntries(groups.map((g: { key: string; figures: Record<string, unknown> }) => [g.key, g.figures])) };
}

const PROVINCE = {
  events: 3,
  eventBudget: "150000000",
  participations: 4,
  participants: 3,
  booths: 4,
  sales: "19000000",
  contracts: 1,
  contractValue: "7000000",
  memoranda: 2,
  memorandumValue: "4000000",
  supplyDemandLinks: 3,
  supplyDemandValue: "15000000",
  // Owners: L1 (at events), L2 and L5 (online), L4 and L6 (links); online 2 of 5.
  ocopOwners: 5,
  ocopOwnersSellingOnline: 2,
  onlineSellingShare: 0.4,
  meetsOnlineSellingTarget: false,
};

it("adds up the year once, leaving out what lies outside it", async () => {
  expect((await statistics()).total).toEqual(PROVINCE);
});

it("by unit: events where held, participations, owners and links where the participant or seller is registered", async () => {
  const { total, groups } = await statistics("ADMIN_UNIT");
  expect(total).toEqual(PROVINCE);
  expect(groups["444"]).toEqual({
    events: 1,
    eventBudget: "100000000",
    participations: 2,
    participants: 1,
    booths: 3,
    sales: "13000000",
    contracts: 1,
    contractValue: "7000000",
    memoranda: 0,
    memorandumValue: "0",
    supplyDemandLinks: 1,
    supplyDemandValue: "9000000",
    ocopOwners: 2,
    ocopOwnersSellingOnline: 0,
    onlineSellingShare: 0,
    meetsOnlineSellingTarget: false,
  });
  expect(groups["436"]).toEqual({
    events: 1,
    eventBudget: "50000000",
    participations: 1,
    participants: 1,
    booths: 1,
    sales: "5000000",
    contracts: 0,
    contractValue: "0",
    memoranda: 2,
    memorandumValue: "4000000",
    supplyDemandLinks: 1,
    supplyDemandValue: "4000000",
    ocopOwners: 1,
    ocopOwnersSellingOnline: 1,
    onlineSellingShare: 1,
    meetsOnlineSellingTarget: true,
  });
  // No event and no participation: owners and links only; one of two online is the target, met.
  expect(groups["439"]).toMatchObject({
    events: 0,
    participations: 0,
    sales: "0",
    supplyDemandLinks: 1,
    supplyDemandValue: "2000000",
    ocopOwners: 2,
    ocopOwnersSellingOnline: 1,
    onlineSellingShare: 0.5,
    meetsOnlineSellingTarget: true,
  });
  // A participant without OCOP products: no owner, so no share.
  expect(groups["440"]).toMatchObject({
    events: 0,
    participations: 1,
    sales: "1000000",
    ocopOwners: 0,
    onlineSellingShare: null,
    meetsOnlineSellingTarget: null,
  });
  expect(groups.NONE).toMatchObject({ events: 1, eventBudget: "0", participations: 0 });
  const sum = (field: string) => Object.values(groups).reduce((acc, g) => acc + BigInt(g[field] as string | number), 0n);
  for (const field of [
    "events",
    "eventBudget",
    "participations",
    "booths",
    "sales",
    "contractValue",
    "memorandumValue",
    "supplyDemandLinks",
    "supplyDemandValue",
    "ocopOwners",
  ]) {
    expect([field, sum(field)]).toEqual([field, BigInt(PROVINCE[field as keyof typeof PROVINCE] as string | number)]);
  }
});

it("by kind and format of event: each its own events and participations; owners and links are not split that way", async () => {
  const byType = (await statistics("EVENT_TYPE")).groups;
  expect(byType.FAIR).toMatchObject({
    events: 1,
    participations: 2,
    participants: 2,
    sales: "15000000",
    ocopOwners: null,
    supplyDemandLinks: null,
    onlineSellingShare: null,
  });
  expect(byType.EXHIBITION).toMatchObject({ events: 1, participations: 1, sales: "3000000", eventBudget: "50000000" });
  expect(byType.ONLINE_CAMPAIGN).toMatchObject({ events: 1, participations: 1, sales: "1000000", eventBudget: "0" });
  const byFormat = (await statistics("FORMAT")).groups;
  expect(byFormat.IN_PERSON).toMatchObject({ events: 2, participations: 3, participants: 2, booths: 4, sales: "18000000" });
  expect(byFormat.ONLINE).toMatchObject({ events: 1, participations: 1, booths: 0 });
});
