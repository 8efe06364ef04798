/**
 * Every write and its refusals, against a real ocop subgraph for the product-owner look-up. A refused
 * write leaves every table as it was.
 */
import { demoOcopCatalogue } from "@kttt/demo";
import { startTestOcop, type TestOcop } from "../../ocop/test/helpers";
import { onlyError, startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;
let down: TestTradePromotion;
let ocop: TestOcop;

const catalogue = demoOcopCatalogue();
const collectiveOwner = catalogue.products.find((p) => p.ownerType === "COOPERATIVE" && p.certifications.length > 0)!;
const COOP = collectiveOwner.ownerOrganizationId!;
const COOP_PRODUCTS = catalogue.products.filter((p) => p.ownerOrganizationId === COOP).map((p) => p.id);
const OTHER_PRODUCT = catalogue.products.find((p) => p.ownerId !== null)!;
const UNKNOWN = "00000000-0000-5000-8000-000000000000";

beforeAll(async () => {
  ocop = await startTestOcop("demo");
  [s, down] = await Promise.all([startTestTradePromotion("demo", ocop.url), startTestTradePromotion("empty")]);
});
afterAll(async () => {
  await Promise.all([s?.stop(), down?.stop()]);
  await ocop?.stop();
});

/** Everything a failed mutation could have touched: row counts, version sums and money of every table. */
async function fingerprint(t = s): Promise<unknown> {
  const [row] = await t.service.dataSource.query(`SELECT
    (SELECT count(*) FROM trade_event) AS events, (SELECT sum(version) FROM trade_event) AS event_versions,
    (SELECT string_agg(starts_on::text || ends_on::text || coalesce(booth_count, -1)::text, ',' ORDER BY id) FROM trade_event) AS event_dates,
    (SELECT count(*) FROM trade_participation) AS participations, (SELECT sum(version) FROM trade_participation) AS participation_versions,
    (SELECT sum(sales_amount) FROM trade_participation) AS sales, (SELECT count(*) FROM participation_product) AS products,
    (SELECT count(*) FROM ecommerce_listing) AS listings, (SELECT count(*) FROM supply_demand_link) AS links,
    (SELECT count(*) FROM mutation_receipt) AS receipts`);
  return row;
}

async function expectRefused(query: string, input: Record<string, unknown>, code: string, field: string, reason?: string, t = s) {
  const before = await fingerprint(t);
  const res = await t.query(query, { input });
  const error = onlyError(res);
  expect(error.extensions).toMatchObject({ code, field, ...(reason ? { reason } : {}) });
  expect(error.message.length).toBeGreaterThan(10);
  expect(await fingerprint(t)).toEqual(before);
  return error;
}

const CREATE = `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id name version startsOn endsOn boothCount budget illustrative adminUnit { code } } }`;
const UPDATE = `mutation($input: UpdateTradeEventInput!) { updateTradeEvent(input: $input) { id version startsOn endsOn boothCount } }`;
const REGISTER = `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { id version booths salesAmount attendedFrom attendedTo products { id } participant { __typename ... on Cooperative { id } } } }`;
const UPDATE_PARTICIPATION = `mutation($input: UpdateTradeParticipationInput!) { updateTradeParticipation(input: $input) { id version salesAmount contractCount contractValue products { id } } }`;
const LISTING = `mutation($input: RecordEcommerceListingInput!) { recordEcommerceListing(input: $input) { id productName platform product { id } } }`;
const LINK = `mutation($input: RecordSupplyDemandLinkInput!) { recordSupplyDemandLink(input: $input) { id productName value event { id } } }`;

const EVENT = { name: "Hội chợ thử nghiệm", type: "FAIR", format: "IN_PERSON", scope: "PROVINCIAL", organiser: "Sở Công Thương Hà Tĩnh", place: "Thành phố Hà Tĩnh", adminUnitCode: "436", startsOn: "2024-04-10", endsOn: "2024-04-12", boothCount: 4, budget: "200000000" };
let eventId: string;
let participationId: string;

describe("events", () => {
  it("creates an event and finds it without diacritics; a retried create with the same key writes once", async () => {
    const input = { ...EVENT, name: "Hội chợ đặc sản thử nghiệm".normalize("NFD"), idempotencyKey: "create-event-0001" };
    const first = await s.query(CREATE, { input });
    expect(first.errors).toBeUndefined();
    const again = await s.query(CREATE, { input });
    expect(again.data.createTradeEvent.id).toBe(first.data.createTradeEvent.id);
    eventId = first.data.createTradeEvent.id;
    expect(first.data.createTradeEvent).toMatchObject({ name: "Hội chợ đặc sản thử nghiệm", version: 1, illustrative: false, adminUnit: { code: "436" }, budget: "200000000" });
    const found = await s.query(`{ tradeEvents(filter: { search: "dac san thu nghiem" }) { totalCount } }`);
    expect(found.data.tradeEvents.totalCount).toBe(1);
  });

  it.each([
    ["an end before the start", { endsOn: "2024-04-01" }, "BAD_USER_INPUT", "input.endsOn", "ENDS_BEFORE_START"],
    ["a negative budget", { budget: "-1" }, "BAD_USER_INPUT", "input.budget", "NEGATIVE_AMOUNT"],
    ["an unknown unit", { adminUnitCode: "999" }, "BAD_USER_INPUT", "input.adminUnitCode", "UNKNOWN_ADMIN_UNIT"],
    ["a unit that no longer exists", { adminUnitCode: "448", startsOn: "2025-03-01", endsOn: "2025-03-02" }, "BAD_USER_INPUT", "input.adminUnitCode", "ADMIN_UNIT_NOT_VALID_ON_DATE"],
    ["an online event with a unit", { format: "ONLINE" }, "BAD_USER_INPUT", "input.adminUnitCode", "ONLINE_EVENT_HAS_NO_UNIT"],
    ["a malformed programme id", { fundingProgrammeId: "x" }, "BAD_USER_INPUT", "input.fundingProgrammeId", "INVALID_ID"],
    ["a negative booth count", { boothCount: -1 }, "BAD_USER_INPUT", "input.boothCount", undefined],
  ])("refuses %s", async (_what, change, code, field, reason) => {
    await expectRefused(CREATE, { ...EVENT, ...change }, code, field, reason);
  });
});

describe("participations", () => {
  const base = () => ({ eventId, participant: { kind: "COOPERATIVE", id: COOP }, adminUnitCode: collectiveOwner.adminUnitCode, productIds: COOP_PRODUCTS.slice(0, 1), booths: 2, salesAmount: "15000000" });

  it("registers a cooperative with its own product, defaulting to the event's dates", async () => {
    const res = await s.query(REGISTER, { input: base() });
    expect(res.errors).toBeUndefined();
    participationId = res.data.registerTradeParticipation.id;
    expect(res.data.registerTradeParticipation).toMatchObject({ attendedFrom: "2024-04-10", attendedTo: "2024-04-12", products: [{ id: COOP_PRODUCTS[0] }], participant: { __typename: "Cooperative", id: COOP } });
  });

  it("refuses a product of another owner, an unknown product, a duplicate, dates outside the event, negative money and too many booths", async () => {
    await expectRefused(REGISTER, { ...base(), participant: { kind: "COOPERATIVE", id: "3c1f7a52-1111-5aaa-8bbb-000000000001" } }, "BAD_USER_INPUT", "input.productIds.0", "PRODUCT_OF_ANOTHER_OWNER");
    const other = { ...base(), participant: { kind: "COOPERATIVE", id: "3c1f7a52-1111-5aaa-8bbb-000000000001" } };
    await expectRefused(REGISTER, { ...other, productIds: [UNKNOWN] }, "NOT_FOUND", "input.productIds.0");
    await expectRefused(REGISTER, { ...other, productIds: [OTHER_PRODUCT.id] }, "BAD_USER_INPUT", "input.productIds.0", "PRODUCT_OF_ANOTHER_OWNER");
    await expectRefused(REGISTER, base(), "CONFLICT", "input.participant.id", "DUPLICATE_PARTICIPATION");
    await expectRefused(REGISTER, { ...other, productIds: [], attendedFrom: "2024-04-09" }, "BAD_USER_INPUT", "input.attendedFrom", "DATE_OUTSIDE_EVENT");
    await expectRefused(REGISTER, { ...other, productIds: [], attendedTo: "2024-04-13" }, "BAD_USER_INPUT", "input.attendedTo", "DATE_OUTSIDE_EVENT");
    await expectRefused(REGISTER, { ...other, productIds: [], salesAmount: "-5" }, "BAD_USER_INPUT", "input.salesAmount", "NEGATIVE_AMOUNT");
    await expectRefused(REGISTER, { ...other, productIds: [], contractValue: "-5" }, "BAD_USER_INPUT", "input.contractValue", "NEGATIVE_AMOUNT");
    await expectRefused(REGISTER, { ...other, productIds: [], contractValue: "5000000" }, "BAD_USER_INPUT", "input.contractValue", "VALUE_WITHOUT_CONTRACTS");
    await expectRefused(REGISTER, { ...other, productIds: [], booths: 3 }, "BAD_USER_INPUT", "input.booths", "BOOTHS_EXCEED_EVENT");
    await expectRefused(REGISTER, { ...other, productIds: [], eventId: UNKNOWN }, "NOT_FOUND", "input.eventId");
    await expectRefused(REGISTER, { ...other, productIds: [], adminUnitCode: "999" }, "BAD_USER_INPUT", "input.adminUnitCode", "UNKNOWN_ADMIN_UNIT");
    await expectRefused(REGISTER, { ...base(), participant: { kind: "OCOP_LOCAL_OWNER", id: OTHER_PRODUCT.ownerId }, productIds: [COOP_PRODUCTS[0], COOP_PRODUCTS[0]] }, "BAD_USER_INPUT", "input.productIds.1", "DUPLICATE_PRODUCT");
  });

  it("answers SERVICE_UNAVAILABLE and writes nothing when the OCOP look-up is down", async () => {
    const [{ id }] = await down.service.dataSource.query(`INSERT INTO trade_event (id, name, type, format, scope, organiser, place, starts_on, ends_on, illustrative)
      VALUES (gen_random_uuid(), 'Hội chợ', 'FAIR', 'IN_PERSON', 'PROVINCIAL', 'Sở Công Thương', 'Hà Tĩnh', '2024-01-01', '2024-01-02', false) RETURNING id`);
    await expectRefused(REGISTER, { ...base(), eventId: id }, "SERVICE_UNAVAILABLE", "input.productIds", "PRODUCT_LOOKUP_FAILED", down);
  });

  it("updates results with the version read, and refuses a stale version or another owner's product", async () => {
    const res = await s.query(UPDATE_PARTICIPATION, { input: { id: participationId, version: 1, contractCount: 1, contractValue: "80000000", productIds: COOP_PRODUCTS } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateTradeParticipation).toMatchObject({ version: 2, contractCount: 1, contractValue: "80000000" });
    expect(res.data.updateTradeParticipation.products.map((p: any) => p.id).sort()).toEqual([...COOP_PRODUCTS].sort());
    await expectRefused(UPDATE_PARTICIPATION, { id: participationId, version: 1, salesAmount: "1" }, "CONFLICT", "input.version");
    await expectRefused(UPDATE_PARTICIPATION, { id: participationId, version: 2, productIds: [OTHER_PRODUCT.id] }, "BAD_USER_INPUT", "input.productIds.0", "PRODUCT_OF_ANOTHER_OWNER");
    await expectRefused(UPDATE_PARTICIPATION, { id: participationId, version: 2, mouValue: "-1" }, "BAD_USER_INPUT", "input.mouValue", "NEGATIVE_AMOUNT");
  });

  it("keeps participations inside the event when the event's dates or booths change", async () => {
    await expectRefused(UPDATE, { id: eventId, version: 1, startsOn: "2024-04-11" }, "BAD_USER_INPUT", "input.startsOn", "PARTICIPATION_OUTSIDE_EVENT_DATES");
    await expectRefused(UPDATE, { id: eventId, version: 1, boothCount: 1 }, "BAD_USER_INPUT", "input.boothCount", "BOOTHS_EXCEED_EVENT");
    await expectRefused(UPDATE, { id: eventId, version: 7, name: "Tên mới" }, "CONFLICT", "input.version");
    const res = await s.query(UPDATE, { input: { id: eventId, version: 1, endsOn: "2024-04-14", boothCount: 10 } });
    expect(res.data.updateTradeEvent).toMatchObject({ version: 2, endsOn: "2024-04-14", boothCount: 10 });
  });
});

describe("listings and links", () => {
  it("records a listing of the seller's own product, named by ocop, and refuses an overlapping one", async () => {
    const input = { owner: { kind: "COOPERATIVE", id: COOP }, adminUnitCode: collectiveOwner.adminUnitCode, platform: "POSTMART", productId: COOP_PRODUCTS[0], listedOn: "2024-05-01" };
    const res = await s.query(LISTING, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordEcommerceListing.productName).toBe(collectiveOwner.name);
    await expectRefused(LISTING, { ...input, listedOn: "2024-06-01" }, "CONFLICT", "input.listedOn", "LISTING_OVERLAPS");
    await expectRefused(LISTING, { ...input, productId: OTHER_PRODUCT.id }, "BAD_USER_INPUT", "input.productId", "PRODUCT_OF_ANOTHER_OWNER");
    await expectRefused(LISTING, { ...input, productId: undefined }, "BAD_USER_INPUT", "input.productId", "PRODUCT_REQUIRED");
    await expectRefused(LISTING, { ...input, platform: "TIKI", delistedOn: "2024-04-01" }, "BAD_USER_INPUT", "input.delistedOn", "DELISTED_BEFORE_LISTED");
    await expectRefused(LISTING, { ...input, platform: "TIKI", listedOn: "2999-01-01" }, "BAD_USER_INPUT", "input.listedOn", "DATE_IN_FUTURE");
  });

  it("records a link at the event and refuses one dated outside it, or with a negative value", async () => {
    const input = { seller: { kind: "COOPERATIVE", id: COOP }, adminUnitCode: collectiveOwner.adminUnitCode, buyer: "Công ty TNHH Thử nghiệm", productName: "Sản phẩm không OCOP", volume: 2.5, volumeUnit: "tấn", value: "30000000", agreedOn: "2024-04-11", eventId };
    const res = await s.query(LINK, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordSupplyDemandLink).toMatchObject({ productName: "Sản phẩm không OCOP", event: { id: eventId } });
    await expectRefused(LINK, { ...input, agreedOn: "2024-04-20" }, "BAD_USER_INPUT", "input.agreedOn", "DATE_OUTSIDE_EVENT");
    await expectRefused(LINK, { ...input, value: "-1" }, "BAD_USER_INPUT", "input.value", "NEGATIVE_AMOUNT");
    await expectRefused(LINK, { ...input, productId: UNKNOWN }, "NOT_FOUND", "input.productId");
    await expectRefused(UPDATE, { id: eventId, version: 2, endsOn: "2024-04-10" }, "BAD_USER_INPUT", "input.endsOn", "PARTICIPATION_OUTSIDE_EVENT_DATES");
  });
});
