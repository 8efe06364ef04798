/**
 * Retrying a trade-promotion mutation with its idempotency key never writes twice, as in the other
 * three subgraphs. A real membership subgraph answers the organisation look-up; the receipt of a
 * retried write answers before any look-up, so a retry succeeds even once membership is gone.
 */
import { demoOrganizations } from "@kttt/demo";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { randomUUID } from "node:crypto";
import { onlyError, startTestTradePromotion, type TestTradePromotion } from "./helpers";

let membership: TestSubgraph | undefined;
let s: TestTradePromotion;
let eventId: string;

const CREATE = `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id name version } }`;
const UPDATE = `mutation($input: UpdateTradeEventInput!) { updateTradeEvent(input: $input) { id name version } }`;
const REGISTER = `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { id version booths } }`;
const UPDATE_PARTICIPATION = `mutation($input: UpdateTradeParticipationInput!) { updateTradeParticipation(input: $input) { id version salesAmount } }`;
const LISTING = `mutation($input: RecordEcommerceListingInput!) { recordEcommerceListing(input: $input) { id productName } }`;
const LINK = `mutation($input: RecordSupplyDemandLinkInput!) { recordSupplyDemandLink(input: $input) { id value } }`;

const EVENT = {
  name: "Hội chợ thử lặp lại",
  type: "FAIR",
  format: "IN_PERSON",
  scope: "PROVINCIAL",
  organiser: "Sở Công Thương Hà Tĩnh",
  place: "Thành phố Hà Tĩnh",
  adminUnitCode: "436",
  startsOn: "2024-05-10",
  endsOn: "2024-05-12",
  boothCount: 20,
};
const localOwner = () => ({ kind: "OCOP_LOCAL_OWNER", id: randomUUID() });
const [COOP, COOP2] = demoOrganizations()
  .filter((o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === "444")
  .map((o) => o.id);

const count = async (table: string) => Number((await s.service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

async function succeeded(query: string, input: Record<string, unknown>): Promise<any> {
  const res = await s.query(query, { input });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0];
}

/** Sends the same mutation twice with one key: the second answer equals the first and one row is added to `table`. */
async function repeatOnce(query: string, input: Record<string, unknown>, table: string): Promise<any> {
  const before = await count(table);
  const key = randomUUID();
  const first = await succeeded(query, { ...input, idempotencyKey: key });
  const second = await succeeded(query, { ...input, idempotencyKey: key });
  expect(second).toEqual(first);
  expect(await count(table)).toBe(before + 1);
  return first;
}

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  s = await startTestTradePromotion("demo", membership.url);
  eventId = (await succeeded(CREATE, EVENT)).id;
});
afterAll(async () => {
  await s?.stop();
  await membership?.stop();
});

describe("every trade-promotion mutation with an idempotency key", () => {
  it("creates an event, registers a participation, records a listing and a link once each", async () => {
    await repeatOnce(CREATE, { ...EVENT, name: "Hội chợ thử lặp lại thứ hai" }, "trade_event");
    await repeatOnce(REGISTER, { eventId, participant: localOwner(), adminUnitCode: "436", booths: 1 }, "trade_participation");
    await repeatOnce(
      LISTING,
      { owner: localOwner(), adminUnitCode: "436", platform: "POSTMART", productName: "Mật ong thử lặp lại", listedOn: "2024-02-01" },
      "ecommerce_listing",
    );
    await repeatOnce(
      LINK,
      {
        seller: localOwner(),
        adminUnitCode: "436",
        buyer: "Công ty thử lặp lại",
        productName: "Mật ong thử lặp lại",
        volume: 1,
        volumeUnit: "tấn",
        value: "30000000",
        agreedOn: "2024-05-11",
        eventId,
      },
      "supply_demand_link",
    );
  });

  it("changes an event and a participation once: a repeat is not a stale version, a new write without the key is", async () => {
    const event = await succeeded(CREATE, { ...EVENT, name: "Hội chợ thử phiên bản" });
    const input = { id: event.id, version: 1, name: "Hội chợ thử phiên bản mới", idempotencyKey: randomUUID() };
    const first = await succeeded(UPDATE, input);
    expect(await succeeded(UPDATE, input)).toEqual(first);
    expect(first.version).toBe(2);
    expect(onlyError(await s.query(UPDATE, { input: { ...input, idempotencyKey: undefined } })).extensions).toMatchObject({
      code: "CONFLICT",
      reason: "STALE_VERSION",
    });

    const participation = await succeeded(REGISTER, { eventId, participant: localOwner(), adminUnitCode: "436" });
    const change = { id: participation.id, version: 1, salesAmount: "7000000", idempotencyKey: randomUUID() };
    const changed = await succeeded(UPDATE_PARTICIPATION, change);
    expect(await succeeded(UPDATE_PARTICIPATION, change)).toEqual(changed);
    expect(changed).toMatchObject({ version: 2, salesAmount: "7000000" });
  });

  it("registers once when the same registration races itself", async () => {
    const before = await count("trade_participation");
    const input = { eventId, participant: localOwner(), adminUnitCode: "436", booths: 1, idempotencyKey: randomUUID() };
    const results = await Promise.all(Array.from({ length: 5 }, () => s.query(REGISTER, { input })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data.registerTradeParticipation.id)).size).toBe(1);
    expect(await count("trade_participation")).toBe(before + 1);
  });

  it("refuses the same key with different input, or for another mutation, writing nothing", async () => {
    const key = randomUUID();
    await succeeded(CREATE, { ...EVENT, name: "Hội chợ thử khóa", idempotencyKey: key });
    const events = await count("trade_event");
    const reused = onlyError(await s.query(CREATE, { input: { ...EVENT, name: "Hội chợ thử khóa khác", idempotencyKey: key } }));
    expect(reused.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
    const participations = await count("trade_participation");
    const elsewhere = onlyError(await s.query(REGISTER, { input: { eventId, participant: localOwner(), adminUnitCode: "436", idempotencyKey: key } }));
    expect(elsewhere.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
    expect([await count("trade_event"), await count("trade_participation")]).toEqual([events, participations]);
  });

  it("frees the key of a refused write, so the corrected one can use it", async () => {
    const before = await count("trade_event");
    const key = randomUUID();
    const refused = await s.query(CREATE, { input: { ...EVENT, name: "Hội chợ thử sửa lại", endsOn: "2024-05-01", idempotencyKey: key } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ENDS_BEFORE_START" });
    await succeeded(CREATE, { ...EVENT, name: "Hội chợ thử sửa lại", idempotencyKey: key });
    expect(await count("trade_event")).toBe(before + 1);
  });

  it("refuses a malformed key, naming the field", async () => {
    const before = await count("trade_event");
    expect(onlyError(await s.query(CREATE, { input: { ...EVENT, idempotencyKey: "bad key!" } })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.idempotencyKey",
    });
    expect(await count("trade_event")).toBe(before);
  });
});

describe("a retry after the write went through", () => {
  it("answers from the receipt without asking membership again: it succeeds once membership is gone", async () => {
    const input = { eventId, participant: { kind: "COOPERATIVE", id: COOP }, adminUnitCode: "444", idempotencyKey: randomUUID() };
    const first = await succeeded(REGISTER, input);
    await membership!.stop();
    membership = undefined;
    expect(await succeeded(REGISTER, input)).toEqual(first);
    // A new write naming a cooperative does need membership, and now cannot have it.
    const fresh = onlyError(await s.query(REGISTER, { input: { ...input, participant: { kind: "COOPERATIVE", id: COOP2 }, idempotencyKey: randomUUID() } }));
    expect(fresh.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", field: "input.participant.id" });
  });
});
