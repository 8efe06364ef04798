/**
 * The trade-promotion writes asked of the subgraph directly, as the other three subgraphs' writes
 * are: each refusal names its field and reason and leaves every table as it was. The subgraph asks a
 * real membership subgraph (directly, as the gateway would) about the organisations a write names;
 * OCOP local owners and products named by name need no look-up. Writes naming OCOP products, which
 * need ocop behind a gateway, are tested through the gateway in tests/test/trade-promotion-writes.test.ts.
 */
import { demoOrganizations } from "@kttt/demo";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { onlyError, startTestTradePromotion, type TestTradePromotion } from "./helpers";

let membership: TestSubgraph;
let s: TestTradePromotion;
/** The same subgraph with its look-up on a closed port: membership cannot be asked. */
let cut: TestTradePromotion;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  [s, cut] = await Promise.all([startTestTradePromotion("demo", membership.url), startTestTradePromotion("empty")]);
});
afterAll(async () => {
  await Promise.all([s?.stop(), cut?.stop()]);
  await membership?.stop();
});

/** Everything a failed mutation could have touched: row counts, version sums and money of every table. */
async function fingerprint(t = s): Promise<unknown> {
  const [row] = await t.service.dataSource.query(`SELECT
    (SELECT count(*) FROM trade_event) AS events, (SELECT sum(version) FROM trade_event) AS event_versions,
    (SELECT string_agg(name || starts_on::text || ends_on::text || coalesce(booth_count, -1)::text, ',' ORDER BY id) FROM trade_event) AS event_fields,
    (SELECT count(*) FROM trade_participation) AS participations, (SELECT sum(version) FROM trade_participation) AS participation_versions,
    (SELECT sum(sales_amount) FROM trade_participation) AS sales, (SELECT count(*) FROM participation_product) AS products,
    (SELECT count(*) FROM ecommerce_listing) AS listings, (SELECT count(*) FROM supply_demand_link) AS links,
    (SELECT count(*) FROM mutation_receipt) AS receipts, (SELECT count(*) FROM audit_record) AS audits`);
  return row;
}

async function expectRefused(query: string, input: Record<string, unknown>, code: string, field: string, reason?: string, t = s) {
  const before = await fingerprint(t);
  const error = onlyError(await t.query(query, { input }));
  expect(error.extensions).toMatchObject({ code, field, ...(reason ? { reason } : {}) });
  expect(error.message.length).toBeGreaterThan(10);
  expect(await fingerprint(t)).toEqual(before);
  return error;
}

async function succeeded(query: string, input: Record<string, unknown>): Promise<any> {
  const res = await s.query(query, { input });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0];
}

const CREATE = `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id name version startsOn endsOn boothCount budget illustrative } }`;
const UPDATE = `mutation($input: UpdateTradeEventInput!) { updateTradeEvent(input: $input) { id name version startsOn endsOn boothCount } }`;
const REGISTER = `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { id version booths salesAmount attendedFrom attendedTo } }`;
const UPDATE_PARTICIPATION = `mutation($input: UpdateTradeParticipationInput!) { updateTradeParticipation(input: $input) { id version booths salesAmount contractCount contractValue } }`;
const LISTING = `mutation($input: RecordEcommerceListingInput!) { recordEcommerceListing(input: $input) { id productName platform listedOn } }`;
const LINK = `mutation($input: RecordSupplyDemandLinkInput!) { recordSupplyDemandLink(input: $input) { id productName value agreedOn } }`;

const UNKNOWN = "00000000-0000-5000-8000-000000000000";
/** OCOP local owners are ocop's: with no products named, nothing is asked of another subgraph. */
const LOCAL_OWNER = { kind: "OCOP_LOCAL_OWNER", id: "8c1f4a52-0000-4000-8000-00000000a001" };
const COOPERATIVE = demoOrganizations().find((o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === "444")!;
const EVENT = {
  name: "Hội chợ nông sản thử nghiệm",
  type: "FAIR",
  format: "IN_PERSON",
  scope: "PROVINCIAL",
  organiser: "Sở Công Thương Hà Tĩnh",
  place: "Thành phố Hà Tĩnh",
  adminUnitCode: "436",
  startsOn: "2024-04-10",
  endsOn: "2024-04-12",
  boothCount: 3,
  budget: "150000000",
};

describe("createTradeEvent and updateTradeEvent", () => {
  let event: { id: string; version: number };

  beforeAll(async () => {
    event = await succeeded(CREATE, EVENT);
  });

  it("records an event, not illustrative, at version 1", () => {
    expect(event).toMatchObject({
      name: EVENT.name,
      version: 1,
      startsOn: "2024-04-10",
      endsOn: "2024-04-12",
      boothCount: 3,
      budget: "150000000",
      illustrative: false,
    });
  });

  it("refuses an event ending before it starts, an online event in a unit, a negative budget and a unit that did not exist", async () => {
    await expectRefused(CREATE, { ...EVENT, endsOn: "2024-04-01" }, "BAD_USER_INPUT", "input.endsOn", "ENDS_BEFORE_START");
    await expectRefused(CREATE, { ...EVENT, format: "ONLINE" }, "BAD_USER_INPUT", "input.adminUnitCode", "ONLINE_EVENT_HAS_NO_UNIT");
    await expectRefused(CREATE, { ...EVENT, budget: "-1" }, "BAD_USER_INPUT", "input.budget", "NEGATIVE_AMOUNT");
    await expectRefused(CREATE, { ...EVENT, adminUnitCode: "999" }, "BAD_USER_INPUT", "input.adminUnitCode");
  });

  it("changes an event with the version read, and refuses a stale version, an unknown or malformed id", async () => {
    const changed = await succeeded(UPDATE, { id: event.id, version: 1, name: "Hội chợ nông sản thử nghiệm lần hai", boothCount: 4 });
    expect(changed).toMatchObject({ version: 2, name: "Hội chợ nông sản thử nghiệm lần hai", boothCount: 4 });
    await expectRefused(UPDATE, { id: event.id, version: 1, boothCount: 5 }, "CONFLICT", "input.version", "STALE_VERSION");
    await expectRefused(UPDATE, { id: UNKNOWN, version: 1, boothCount: 5 }, "NOT_FOUND", "input.id");
    await expectRefused(UPDATE, { id: "not-an-id", version: 1, boothCount: 5 }, "BAD_USER_INPUT", "input.id", "INVALID_ID");
  });
});

describe("registerTradeParticipation and updateTradeParticipation", () => {
  let event: { id: string };
  let participation: { id: string; version: number };

  beforeAll(async () => {
    event = await succeeded(CREATE, { ...EVENT, name: "Hội chợ tham gia thử nghiệm", boothCount: 3 });
  });

  it("registers a local owner for the event's dates by default, asking no other subgraph", async () => {
    participation = await succeeded(REGISTER, { eventId: event.id, participant: LOCAL_OWNER, adminUnitCode: "436", booths: 2, salesAmount: "12000000" });
    expect(participation).toMatchObject({ version: 1, booths: 2, salesAmount: "12000000", attendedFrom: "2024-04-10", attendedTo: "2024-04-12" });
  });

  it("registers a cooperative that membership confirms in its unit, and refuses one membership does not know or places elsewhere", async () => {
    const cooperative = { kind: "COOPERATIVE", id: COOPERATIVE.id };
    const registered = await succeeded(REGISTER, {
      eventId: event.id,
      participant: cooperative,
      adminUnitCode: "444",
      attendedFrom: "2024-04-11",
      attendedTo: "2024-04-11",
    });
    expect(registered).toMatchObject({ booths: 0, attendedFrom: "2024-04-11", attendedTo: "2024-04-11" });
    await expectRefused(
      REGISTER,
      { eventId: event.id, participant: { kind: "COOPERATIVE", id: UNKNOWN }, adminUnitCode: "444" },
      "NOT_FOUND",
      "input.participant.id",
    );
    const other = await succeeded(CREATE, { ...EVENT, name: "Hội chợ nơi khác thử nghiệm" });
    await expectRefused(REGISTER, { eventId: other.id, participant: cooperative, adminUnitCode: "436" }, "BAD_USER_INPUT", "input.adminUnitCode");
  });

  it("refuses a second registration, booths beyond the event's, days outside it, a value without contracts and an unknown event", async () => {
    await expectRefused(
      REGISTER,
      { eventId: event.id, participant: LOCAL_OWNER, adminUnitCode: "436" },
      "CONFLICT",
      "input.participant.id",
      "DUPLICATE_PARTICIPATION",
    );
    const another = { kind: "OCOP_LOCAL_OWNER", id: "8c1f4a52-0000-4000-8000-00000000a002" };
    await expectRefused(
      REGISTER,
      { eventId: event.id, participant: another, adminUnitCode: "436", booths: 2 },
      "BAD_USER_INPUT",
      "input.booths",
      "BOOTHS_EXCEED_EVENT",
    );
    await expectRefused(
      REGISTER,
      { eventId: event.id, participant: another, adminUnitCode: "436", attendedFrom: "2024-04-09" },
      "BAD_USER_INPUT",
      "input.attendedFrom",
      "DATE_OUTSIDE_EVENT",
    );
    await expectRefused(
      REGISTER,
      { eventId: event.id, participant: another, adminUnitCode: "436", contractValue: "5000000" },
      "BAD_USER_INPUT",
      "input.contractValue",
      "VALUE_WITHOUT_CONTRACTS",
    );
    await expectRefused(REGISTER, { eventId: UNKNOWN, participant: another, adminUnitCode: "436" }, "NOT_FOUND", "input.eventId");
  });

  it("updates results with the version read, and refuses a stale version, negative money and booths beyond the event's", async () => {
    const updated = await succeeded(UPDATE_PARTICIPATION, {
      id: participation.id,
      version: participation.version,
      contractCount: 2,
      contractValue: "80000000",
      salesAmount: "15000000",
    });
    expect(updated).toMatchObject({ version: participation.version + 1, contractCount: 2, contractValue: "80000000", salesAmount: "15000000", booths: 2 });
    await expectRefused(
      UPDATE_PARTICIPATION,
      { id: participation.id, version: participation.version, booths: 1 },
      "CONFLICT",
      "input.version",
      "STALE_VERSION",
    );
    await expectRefused(
      UPDATE_PARTICIPATION,
      { id: participation.id, version: updated.version, salesAmount: "-5" },
      "BAD_USER_INPUT",
      "input.salesAmount",
      "NEGATIVE_AMOUNT",
    );
    await expectRefused(
      UPDATE_PARTICIPATION,
      { id: participation.id, version: updated.version, booths: 4 },
      "BAD_USER_INPUT",
      "input.booths",
      "BOOTHS_EXCEED_EVENT",
    );
  });

  it("keeps participations inside the event when the event's dates or booths change", async () => {
    const [{ version }] = await s.service.dataSource.query("SELECT version FROM trade_event WHERE id = $1", [event.id]);
    await expectRefused(UPDATE, { id: event.id, version, startsOn: "2024-04-12" }, "BAD_USER_INPUT", "input.startsOn", "PARTICIPATION_OUTSIDE_EVENT_DATES");
    await expectRefused(UPDATE, { id: event.id, version, boothCount: 1 }, "BAD_USER_INPUT", "input.boothCount", "BOOTHS_EXCEED_EVENT");
  });
});

describe("recordEcommerceListing and recordSupplyDemandLink", () => {
  const LISTED = { owner: LOCAL_OWNER, adminUnitCode: "436", platform: "POSTMART", productName: "Cam Khe thử nghiệm", listedOn: "2024-02-01" };

  it("records a listing by product name, and refuses an overlapping one, one with no product and a delisting before the listing", async () => {
    const listing = await succeeded(LISTING, LISTED);
    expect(listing).toMatchObject({ productName: "Cam Khe thử nghiệm", platform: "POSTMART", listedOn: "2024-02-01" });
    // The same product without diacritics is the same product.
    await expectRefused(LISTING, { ...LISTED, productName: "Cam Khe thu nghiem", listedOn: "2024-03-01" }, "CONFLICT", "input.listedOn", "LISTING_OVERLAPS");
    await expectRefused(LISTING, { ...LISTED, productName: undefined, platform: "VOSO" }, "BAD_USER_INPUT", "input.productId", "PRODUCT_REQUIRED");
    await expectRefused(LISTING, { ...LISTED, platform: "VOSO", delistedOn: "2024-01-01" }, "BAD_USER_INPUT", "input.delistedOn", "DELISTED_BEFORE_LISTED");
    await expectRefused(
      LISTING,
      { ...LISTED, platform: "VOSO", owner: { kind: "COOPERATIVE", id: "not-an-id" } },
      "BAD_USER_INPUT",
      "input.owner.id",
      "INVALID_ID",
    );
  });

  it("records a link at an event, and refuses one dated outside it, in the future, or with a negative value", async () => {
    const event = await succeeded(CREATE, { ...EVENT, name: "Kết nối cung cầu thử nghiệm", type: "SUPPLY_DEMAND_CONNECTION" });
    const LINKED = {
      seller: LOCAL_OWNER,
      adminUnitCode: "436",
      buyer: "Công ty thực phẩm thử nghiệm",
      productName: "Cam Khe thử nghiệm",
      volume: 2.5,
      volumeUnit: "tấn",
      value: "90000000",
      agreedOn: "2024-04-11",
      eventId: event.id,
    };
    expect(await succeeded(LINK, LINKED)).toMatchObject({ productName: "Cam Khe thử nghiệm", value: "90000000", agreedOn: "2024-04-11" });
    await expectRefused(LINK, { ...LINKED, agreedOn: "2024-04-20" }, "BAD_USER_INPUT", "input.agreedOn", "DATE_OUTSIDE_EVENT");
    await expectRefused(LINK, { ...LINKED, eventId: undefined, agreedOn: "2999-01-01" }, "BAD_USER_INPUT", "input.agreedOn");
    await expectRefused(LINK, { ...LINKED, value: "-1" }, "BAD_USER_INPUT", "input.value", "NEGATIVE_AMOUNT");
  });
});

describe("when membership cannot be asked", () => {
  it("answers SERVICE_UNAVAILABLE for a write naming a cooperative and writes nothing; a local owner's write needs no look-up", async () => {
    const event = (await cut.query(CREATE, { input: EVENT })).data.createTradeEvent;
    await expectRefused(
      REGISTER,
      { eventId: event.id, participant: { kind: "COOPERATIVE", id: COOPERATIVE.id }, adminUnitCode: "444" },
      "SERVICE_UNAVAILABLE",
      "input.participant.id",
      undefined,
      cut,
    );
    const res = await cut.query(REGISTER, { input: { eventId: event.id, participant: LOCAL_OWNER, adminUnitCode: "436" } });
    expect(res.errors).toBeUndefined();
  });
});
