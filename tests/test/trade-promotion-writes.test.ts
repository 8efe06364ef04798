/**
 * Every trade-promotion write and its refusals. The subgraph asks a real gateway, in front of real
 * membership and ocop subgraphs, about the organisations and OCOP products a write names. A refused
 * write leaves every table as it was.
 */
import { demoOcopCatalogue, demoOrganizations } from "@kttt/demo";
import { freePort, type TestSubgraph, onlyError, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { ocop as ocopSubgraph } from "@kttt/ocop";
import { policySupport as policySupportSubgraph } from "@kttt/policy-support";
import { tradePromotion as tradePromotionSubgraph } from "@kttt/trade-promotion";
import { lookupsAnswered, startSubgraphBehindGateway } from "./graph";

let membership: TestSubgraph;
let ocop: TestSubgraph;
let policy: TestSubgraph;
let graph: Awaited<ReturnType<typeof startSubgraphBehindGateway<TestSubgraph>>>;
let s: TestSubgraph;
let down: TestSubgraph;

const catalogue = demoOcopCatalogue();
const collectiveOwner = catalogue.products.find((p) => p.ownerType === "COOPERATIVE" && p.certifications.length > 0)!;
const COOP = collectiveOwner.ownerOrganizationId!;
const COOP_PRODUCTS = catalogue.products.filter((p) => p.ownerOrganizationId === COOP).map((p) => p.id);
const OTHER_PRODUCT = catalogue.products.find((p) => p.ownerId !== null)!;
const UNKNOWN = "00000000-0000-5000-8000-000000000000";
/** Another cooperative of the same unit, active, that owns none of COOP's products. */
const OTHER_COOP = demoOrganizations().find(
  (o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === collectiveOwner.adminUnitCode && o.id !== COOP,
)!.id;

beforeAll(async () => {
  [membership, ocop, policy] = await Promise.all([
    startTestSubgraph(membershipSubgraph, { variant: "demo" }),
    startTestSubgraph(ocopSubgraph, { variant: "demo" }),
    startTestSubgraph(policySupportSubgraph, { variant: "demo" }),
  ]);
  [graph, down] = await Promise.all([
    startSubgraphBehindGateway<TestSubgraph>("trade-promotion", { MEMBERSHIP_URL: membership.url, OCOP_URL: ocop.url, POLICY_SUPPORT_URL: policy.url }),
    startTestSubgraph(tradePromotionSubgraph, { variant: "empty" }),
  ]);
  s = graph.subgraph;
});
afterAll(async () => {
  await Promise.all([graph?.stop(), down?.stop()]);
  await Promise.all([membership?.stop(), ocop?.stop(), policy?.stop()]);
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

const CREATE = `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id name version startsOn endsOn boothCount budget illustrative adminUnit { id } } }`;
const UPDATE = `mutation($input: UpdateTradeEventInput!) { updateTradeEvent(input: $input) { id version startsOn endsOn boothCount } }`;
const REGISTER = `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { id version booths salesAmount attendedFrom attendedTo products { id } participant { __typename ... on Cooperative { id } } } }`;
const UPDATE_PARTICIPATION = `mutation($input: UpdateTradeParticipationInput!) { updateTradeParticipation(input: $input) { id version salesAmount contractCount contractValue products { id } } }`;
const LISTING = `mutation($input: RecordEcommerceListingInput!) { recordEcommerceListing(input: $input) { id productName platform product { id } } }`;
const LINK = `mutation($input: RecordSupplyDemandLinkInput!) { recordSupplyDemandLink(input: $input) { id productName value event { id } } }`;

const EVENT = {
  name: "Hội chợ thử nghiệm",
  type: "FAIR",
  format: "IN_PERSON",
  scope: "PROVINCIAL",
  organiser: "Sở Công Thương Hà Tĩnh",
  place: "Thành phố Hà Tĩnh",
  adminUnitCode: "436",
  startsOn: "2024-04-10",
  endsOn: "2024-04-12",
  boothCount: 4,
  budget: "200000000",
};
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
    expect(first.data.createTradeEvent).toMatchObject({
      name: "Hội chợ đặc sản thử nghiệm",
      version: 1,
      illustrative: false,
      adminUnit: { id: "436" },
      budget: "200000000",
    });
    const found = await s.query(`{ tradeEvents(filter: { search: "dac san thu nghiem" }) { totalCount } }`);
    expect(found.data.tradeEvents.totalCount).toBe(1);
  });

  it.each([
    ["an end before the start", { endsOn: "2024-04-01" }, "BAD_USER_INPUT", "input.endsOn", "ENDS_BEFORE_START"],
    ["a negative budget", { budget: "-1" }, "BAD_USER_INPUT", "input.budget", "NEGATIVE_AMOUNT"],
    ["an unknown unit", { adminUnitCode: "999" }, "BAD_USER_INPUT", "input.adminUnitCode", "UNKNOWN_ADMIN_UNIT"],
    [
      "a unit that no longer exists",
      { adminUnitCode: "448", startsOn: "2025-03-01", endsOn: "2025-03-02" },
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      "ADMIN_UNIT_NOT_VALID_ON_DATE",
    ],
    ["an online event with a unit", { format: "ONLINE" }, "BAD_USER_INPUT", "input.adminUnitCode", "ONLINE_EVENT_HAS_NO_UNIT"],
    ["a malformed programme id", { fundingProgrammeId: "x" }, "BAD_USER_INPUT", "input.fundingProgrammeId", "INVALID_ID"],
    ["a negative booth count", { boothCount: -1 }, "BAD_USER_INPUT", "input.boothCount", undefined],
  ])("refuses %s", async (_what, change, code, field, reason) => {
    await expectRefused(CREATE, { ...EVENT, ...change }, code, field, reason);
  });

  it("records the support programme that funds an event once policy support confirms it, and refuses one it does not know", async () => {
    const programmes = await policy.query(`{ supportProgrammes(first: 2) { nodes { id code } } }`);
    const [first, second] = programmes.data.supportProgrammes.nodes as { id: string; code: string }[];
    const created = await s.query(`mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id version fundingProgrammeId } }`, {
      input: { ...EVENT, name: "Hội chợ có kinh phí hỗ trợ", fundingProgrammeId: first.id },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createTradeEvent.fundingProgrammeId).toBe(first.id);
    const { id, version } = created.data.createTradeEvent;
    const updated = await s.query(`mutation($input: UpdateTradeEventInput!) { updateTradeEvent(input: $input) { version fundingProgrammeId } }`, {
      input: { id, version, fundingProgrammeId: second.id },
    });
    expect(updated.data.updateTradeEvent).toEqual({ version: version + 1, fundingProgrammeId: second.id });
    const error = await expectRefused(CREATE, { ...EVENT, fundingProgrammeId: UNKNOWN }, "NOT_FOUND", "input.fundingProgrammeId");
    expect(error.message).toMatch(/no support programme/u);
    await expectRefused(UPDATE, { id, version: version + 1, fundingProgrammeId: UNKNOWN }, "NOT_FOUND", "input.fundingProgrammeId");
  });

  it("answers SERVICE_UNAVAILABLE and writes nothing when policy support cannot be asked about the programme", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const noPolicy = await startSubgraphBehindGateway<TestSubgraph>("trade-promotion", {
      MEMBERSHIP_URL: membership.url,
      OCOP_URL: ocop.url,
      POLICY_SUPPORT_URL: closed,
    });
    try {
      const programmes = await policy.query(`{ supportProgrammes(first: 1) { nodes { id } } }`);
      const error = await expectRefused(
        CREATE,
        { ...EVENT, fundingProgrammeId: programmes.data.supportProgrammes.nodes[0].id },
        "SERVICE_UNAVAILABLE",
        "input.fundingProgrammeId",
        "PROGRAMME_LOOKUP_FAILED",
        noPolicy.subgraph,
      );
      expect(error.message).toMatch(/Nothing was saved/u);
    } finally {
      await noPolicy.stop();
    }
  });
});

describe("participations", () => {
  const base = () => ({
    eventId,
    participant: { kind: "COOPERATIVE", id: COOP },
    adminUnitCode: collectiveOwner.adminUnitCode,
    productIds: COOP_PRODUCTS.slice(0, 1),
    booths: 2,
    salesAmount: "15000000",
  });

  it("registers a cooperative with its own product, defaulting to the event's dates", async () => {
    const res = await s.query(REGISTER, { input: base() });
    expect(res.errors).toBeUndefined();
    participationId = res.data.registerTradeParticipation.id;
    expect(res.data.registerTradeParticipation).toMatchObject({
      attendedFrom: "2024-04-10",
      attendedTo: "2024-04-12",
      products: [{ id: COOP_PRODUCTS[0] }],
      participant: { __typename: "Cooperative", id: COOP },
    });
  });

  it("refuses a product of another owner, an unknown product, a duplicate, dates outside the event, negative money and too many booths", async () => {
    await expectRefused(
      REGISTER,
      { ...base(), participant: { kind: "COOPERATIVE", id: OTHER_COOP } },
      "BAD_USER_INPUT",
      "input.productIds.0",
      "PRODUCT_OF_ANOTHER_OWNER",
    );
    const other = { ...base(), participant: { kind: "COOPERATIVE", id: OTHER_COOP } };
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
    await expectRefused(
      REGISTER,
      { ...base(), participant: { kind: "OCOP_LOCAL_OWNER", id: OTHER_PRODUCT.ownerId }, productIds: [COOP_PRODUCTS[0], COOP_PRODUCTS[0]] },
      "BAD_USER_INPUT",
      "input.productIds.1",
      "DUPLICATE_PRODUCT",
    );
  });

  it("answers SERVICE_UNAVAILABLE and writes nothing when the gateway cannot be asked", async () => {
    const [{ id }] = await down.service.dataSource
      .query(`INSERT INTO trade_event (id, name, type, format, scope, organiser, place, starts_on, ends_on, illustrative)
      VALUES (gen_random_uuid(), 'Hội chợ', 'FAIR', 'IN_PERSON', 'PROVINCIAL', 'Sở Công Thương', 'Hà Tĩnh', '2024-01-01', '2024-01-02', false) RETURNING id`);
    // The participant is asked about first, the products in the same request.
    await expectRefused(REGISTER, { ...base(), eventId: id }, "SERVICE_UNAVAILABLE", "input.participant.id", "ORGANIZATION_LOOKUP_FAILED", down);
    await expectRefused(
      REGISTER,
      { ...base(), eventId: id, participant: { kind: "OCOP_LOCAL_OWNER", id: OTHER_PRODUCT.ownerId } },
      "SERVICE_UNAVAILABLE",
      "input.productIds",
      "PRODUCT_LOOKUP_FAILED",
      down,
    );
  });

  it("updates results with the version read, and refuses a stale version or another owner's product", async () => {
    const res = await s.query(UPDATE_PARTICIPATION, {
      input: { id: participationId, version: 1, contractCount: 1, contractValue: "80000000", productIds: COOP_PRODUCTS },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateTradeParticipation).toMatchObject({ version: 2, contractCount: 1, contractValue: "80000000" });
    expect(res.data.updateTradeParticipation.products.map((p: any) => p.id).sort()).toEqual([...COOP_PRODUCTS].sort());
    await expectRefused(UPDATE_PARTICIPATION, { id: participationId, version: 1, salesAmount: "1" }, "CONFLICT", "input.version");
    await expectRefused(
      UPDATE_PARTICIPATION,
      { id: participationId, version: 2, productIds: [OTHER_PRODUCT.id] },
      "BAD_USER_INPUT",
      "input.productIds.0",
      "PRODUCT_OF_ANOTHER_OWNER",
    );
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
    const input = {
      owner: { kind: "COOPERATIVE", id: COOP },
      adminUnitCode: collectiveOwner.adminUnitCode,
      platform: "POSTMART",
      productId: COOP_PRODUCTS[0],
      listedOn: "2024-05-01",
    };
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
    const input = {
      seller: { kind: "COOPERATIVE", id: COOP },
      adminUnitCode: collectiveOwner.adminUnitCode,
      buyer: "Công ty TNHH Thử nghiệm",
      productName: "Sản phẩm không OCOP",
      volume: 2.5,
      volumeUnit: "tấn",
      value: "30000000",
      agreedOn: "2024-04-11",
      eventId,
    };
    const res = await s.query(LINK, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordSupplyDemandLink).toMatchObject({ productName: "Sản phẩm không OCOP", event: { id: eventId } });
    await expectRefused(LINK, { ...input, agreedOn: "2024-04-20" }, "BAD_USER_INPUT", "input.agreedOn", "DATE_OUTSIDE_EVENT");
    await expectRefused(LINK, { ...input, value: "-1" }, "BAD_USER_INPUT", "input.value", "NEGATIVE_AMOUNT");
    await expectRefused(LINK, { ...input, productId: UNKNOWN }, "NOT_FOUND", "input.productId");
    await expectRefused(UPDATE, { id: eventId, version: 2, endsOn: "2024-04-10" }, "BAD_USER_INPUT", "input.endsOn", "PARTICIPATION_OUTSIDE_EVENT_DATES");
  });
});

describe("participants and sellers that are membership organisations", () => {
  const organizations = demoOrganizations();
  const GROUP = organizations.find((o) => o.kind === "COOPERATIVE_GROUP" && o.status === "ACTIVE")!;
  const DISSOLVED = organizations.find((o) => o.kind === "COOPERATIVE" && o.status === "DISSOLVED")!;
  const elsewhere = (unit: string) => (unit === "436" ? "437" : "436");
  const lookups = () => lookupsAnswered(graph.gateway.url, "TradePromotionLookup");

  /** The write's answer, having checked that it asked the gateway exactly once. */
  async function askingOnce<T>(write: () => Promise<T>): Promise<T> {
    const before = await lookups();
    const result = await write();
    expect(await lookups()).toBe(before + 1);
    return result;
  }

  const participation = (over: Record<string, unknown> = {}) => ({
    eventId,
    participant: { kind: "COOPERATIVE_GROUP", id: GROUP.id },
    adminUnitCode: GROUP.adminUnitCode,
    ...over,
  });
  const listing = (over: Record<string, unknown> = {}) => ({
    owner: { kind: "COOPERATIVE", id: OTHER_COOP },
    adminUnitCode: collectiveOwner.adminUnitCode,
    platform: "VOSO",
    productName: "Mật ong rừng",
    listedOn: "2024-05-02",
    ...over,
  });
  const link = (over: Record<string, unknown> = {}) => ({
    seller: { kind: "COOPERATIVE", id: DISSOLVED.id },
    adminUnitCode: DISSOLVED.adminUnitCode,
    buyer: "Công ty TNHH Thử nghiệm",
    productName: "Gạo",
    volume: 1,
    volumeUnit: "tấn",
    value: "10000000",
    agreedOn: "2022-03-01",
    ...over,
  });

  it("registers a group without products and lists a cooperative's product by name, asking membership once each", async () => {
    const registered = await askingOnce(() => s.query(REGISTER, { input: participation() }));
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerTradeParticipation.products).toEqual([]);
    const listed = await askingOnce(() => s.query(LISTING, { input: listing() }));
    expect(listed.errors).toBeUndefined();
    expect(listed.data.recordEcommerceListing).toMatchObject({ productName: "Mật ong rừng", product: null });
  });

  it("asks about a seller and its OCOP product in the same request", async () => {
    const res = await askingOnce(() =>
      s.query(LISTING, {
        input: listing({ owner: { kind: "COOPERATIVE", id: COOP }, platform: "SENDO", productName: undefined, productId: COOP_PRODUCTS[0] }),
      }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordEcommerceListing.product).toEqual({ id: COOP_PRODUCTS[0] });
  });

  it("refuses an organisation membership does not know, of another kind or in another unit, naming the field, once asked", async () => {
    const unknown = await askingOnce(() =>
      expectRefused(
        REGISTER,
        participation({ participant: { kind: "COOPERATIVE", id: UNKNOWN } }),
        "NOT_FOUND",
        "input.participant.id",
        "ORGANIZATION_NOT_FOUND",
      ),
    );
    expect(unknown.message).toContain(UNKNOWN);
    const kind = await askingOnce(() =>
      expectRefused(
        REGISTER,
        participation({ participant: { kind: "COOPERATIVE", id: GROUP.id } }),
        "BAD_USER_INPUT",
        "input.participant.kind",
        "ORGANIZATION_KIND_MISMATCH",
      ),
    );
    expect(kind.message).toBe(`Membership records ${GROUP.name} as Tổ hợp tác (COOPERATIVE_GROUP), not COOPERATIVE.`);
    const unit = await askingOnce(() =>
      expectRefused(REGISTER, participation({ adminUnitCode: elsewhere(GROUP.adminUnitCode) }), "BAD_USER_INPUT", "input.adminUnitCode", "ADMIN_UNIT_MISMATCH"),
    );
    expect(unit.extensions!.details).toEqual({ recordedAdminUnitCode: GROUP.adminUnitCode });
    await askingOnce(() =>
      expectRefused(
        LISTING,
        listing({ owner: { kind: "COOPERATIVE_UNION", id: OTHER_COOP } }),
        "BAD_USER_INPUT",
        "input.owner.kind",
        "ORGANIZATION_KIND_MISMATCH",
      ),
    );
    await askingOnce(() =>
      expectRefused(
        LISTING,
        listing({ adminUnitCode: elsewhere(collectiveOwner.adminUnitCode) }),
        "BAD_USER_INPUT",
        "input.adminUnitCode",
        "ADMIN_UNIT_MISMATCH",
      ),
    );
    await askingOnce(() =>
      expectRefused(LINK, link({ seller: { kind: "COOPERATIVE", id: UNKNOWN } }), "NOT_FOUND", "input.seller.id", "ORGANIZATION_NOT_FOUND"),
    );
  });

  it("records what a dissolved organisation did before its dissolution, and nothing dated after", async () => {
    const error = await expectRefused(LINK, link({ agreedOn: DISSOLVED.dissolvedOn }), "BAD_USER_INPUT", "input.seller.id", "ORGANIZATION_DISSOLVED");
    expect(error.extensions!.details).toEqual({ dissolvedOn: DISSOLVED.dissolvedOn });
    expect(DISSOLVED.dissolvedOn! > "2022-03-01").toBe(true);
    const before = await s.query(LINK, { input: link() });
    expect(before.errors).toBeUndefined();
  });

  it("answers SERVICE_UNAVAILABLE and writes nothing when the gateway cannot reach membership, or ocop", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const noMembership = await startSubgraphBehindGateway<TestSubgraph>("trade-promotion", { MEMBERSHIP_URL: closed, OCOP_URL: ocop.url });
    const noOcop = await startSubgraphBehindGateway<TestSubgraph>("trade-promotion", { MEMBERSHIP_URL: membership.url, OCOP_URL: closed });
    try {
      const listedBefore = "SELECT count(*)::int AS n FROM ecommerce_listing";
      for (const t of [noMembership.subgraph, noOcop.subgraph]) {
        const before = await t.service.dataSource.query(listedBefore);
        const input = listing({ owner: { kind: "COOPERATIVE", id: COOP }, productName: undefined, productId: COOP_PRODUCTS[0] });
        const error = onlyError(await t.query(LISTING, { input }));
        // The part whose subgraph failed is named, though both were asked in one request.
        expect(error.extensions).toMatchObject(
          t === noMembership.subgraph
            ? { code: "SERVICE_UNAVAILABLE", field: "input.owner.id", reason: "ORGANIZATION_LOOKUP_FAILED" }
            : { code: "SERVICE_UNAVAILABLE", field: "input.productId", reason: "PRODUCT_LOOKUP_FAILED" },
        );
        expect(error.message).toMatch(/Nothing was saved/u);
        expect(await t.service.dataSource.query(listedBefore)).toEqual(before);
      }
      const [{ id }] = await noMembership.subgraph.service.dataSource.query(
        `SELECT id FROM trade_event WHERE starts_on <= '2024-01-01' ORDER BY starts_on DESC LIMIT 1`,
      );
      const error = onlyError(await noMembership.subgraph.query(REGISTER, { input: participation({ eventId: id }) }));
      expect(error.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", field: "input.participant.id", reason: "ORGANIZATION_LOOKUP_FAILED" });
    } finally {
      await Promise.all([noMembership.stop(), noOcop.stop()]);
    }
  });
});
