/**
 * Trade-promotion figures of closed periods are cached per data version and access scope (core's cachedAggregate),
 * both `tradePromotionStatistics` and trade promotion's part of the collective economy: a write is visible in the
 * very next read, and an answer computed for one caller's scope is never handed to another.
 */
import { countedRead, readsPerScope } from "@kttt/testkit";
import { startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;
beforeAll(async () => {
  s = await startTestTradePromotion("demo");
});
afterAll(() => s?.stop());

/** The statement that computes the figures: the events overlapping the period, their participations, listings and links. */
const COMPUTES = /FROM trade_event e LEFT JOIN cm/u;
const READ = `{ tradePromotionStatistics(year: 2024) { total { events eventBudget } }
  _entities(representations: [{ __typename: "CollectiveEconomy", id: "2024-H1" }]) { ... on CollectiveEconomy { tradePromotion { events eventBudget } } } }`;

type Events = { events: number; eventBudget: string };
/** The province's figures, from the statistics and from the collective economy. */
const provinceOf = (read: { data: any }): Events[] => [read.data.tradePromotionStatistics.total, read.data._entities[0].tradePromotion];

it("keeps the figures of a closed period per access scope: a commune's first read computes again", async () => {
  expect(await readsPerScope(s, READ, COMPUTES)).toEqual(["computed", "cached", "computed", "cached"]);
});

it("shows an event held in a closed period in the next read of its figures", async () => {
  const before = await countedRead(s, READ, COMPUTES);
  expect(await countedRead(s, READ, COMPUTES)).toEqual({ data: before.data, computed: 0 });
  const event = { name: "Hội chợ bộ đệm 2024", type: "FAIR", format: "IN_PERSON", scope: "PROVINCIAL", organiser: "Sở Công Thương Hà Tĩnh", place: "Hà Tĩnh" };
  const created = await s.query(`mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`, {
    input: { ...event, adminUnitCode: "444", startsOn: "2024-03-01", endsOn: "2024-03-02", budget: "1000000" },
  });
  expect(created.errors).toBeUndefined();
  const after = await countedRead(s, READ, COMPUTES);
  const plusEvent = (f: Events) => ({ events: f.events + 1, eventBudget: String(BigInt(f.eventBudget) + 1_000_000n) });
  expect(provinceOf(after)).toEqual(provinceOf(before).map(plusEvent));
  expect(after.computed).toBeGreaterThan(0);
});

it("serves reports dated on different days of one map from one computation, and a day of another map computes again", async () => {
  const dated = (id: string) =>
    `{ _entities(representations: [{ __typename: "CollectiveEconomy", id: "${id}" }]) { ... on CollectiveEconomy { tradePromotion { events eventBudget } } } }`;
  const first = await countedRead(s, dated("2024-H1@2024-03-01"), COMPUTES);
  expect(await countedRead(s, dated("2024-H1@2024-05-20"), COMPUTES)).toEqual({ data: first.data, computed: 0 });
  // Dated after 2025-01-01, the report follows the map of 2025 (Lộc Hà merged): computed on that map.
  expect((await countedRead(s, dated("2024-H1@2025-01-15"), COMPUTES)).computed).toBeGreaterThan(0);
});
