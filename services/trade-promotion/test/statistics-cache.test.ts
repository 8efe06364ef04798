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

const READ = /* GraphQL */ `
  {
    tradePromotionStatistics(year: 2024) {
      total {
        events
        eventBudget
      }
    }
    _entities(representations: [{ __typename: "CollectiveEconomy", id: "2024-H1" }]) {
      ... on CollectiveEconomy {
        tradePromotion {
          events
          eventBudget
        }
      }
    }
  }
`;

interface Events {
  events: number;
  eventBudget: string;
}

async function read(): Promise<{ figures: Events[]; computed: number }> {
  const { response, computed } = await countedRead(s, READ, COMPUTES);
  expect(response.errors).toBeUndefined();
  return { figures: [response.data.tradePromotionStatistics.total, response.data._entities[0].tradePromotion], computed };
}

describe("the trade-promotion figures of closed periods", () => {
  it("are kept per access scope: a commune's first read computes again", async () => {
    const { computed, responses } = await readsPerScope(s, READ, COMPUTES);
    expect(computed[0]).toBeGreaterThan(0);
    expect(computed).toEqual([computed[0], 0, computed[0], 0]);
    for (const response of responses) expect(response).toEqual(responses[0]);
  });

  it("show an event held in the period in the next read", async () => {
    const before = await read();
    expect(await read()).toEqual({ figures: before.figures, computed: 0 });
    const created = await s.query(`mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`, {
      input: {
        name: "Hội chợ bộ đệm 2024",
        type: "FAIR",
        format: "IN_PERSON",
        scope: "PROVINCIAL",
        organiser: "Sở Công Thương Hà Tĩnh",
        place: "Hà Tĩnh",
        adminUnitCode: "444",
        startsOn: "2024-03-01",
        endsOn: "2024-03-02",
        budget: "1000000",
      },
    });
    expect(created.errors).toBeUndefined();
    const after = await read();
    expect(after.figures).toEqual(before.figures.map((f) => ({ events: f.events + 1, eventBudget: String(BigInt(f.eventBudget) + 1_000_000n) })));
    expect(after.computed).toBeGreaterThan(0);
  });
});
