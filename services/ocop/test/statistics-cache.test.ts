/**
 * OCOP statistics of closed periods are cached per data version and access scope (core's cachedAggregate), both
 * `ocopStatistics` and ocop's part of the collective economy: a write is visible in the very next read, and an
 * answer computed for one caller's scope is never handed to another.
 */
import { countedRead, readsPerScope } from "@kttt/testkit";
import { startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

/** The statement that computes OCOP figures: each product's certificate on the date. */
const COMPUTES = /FROM ocop_certification c WHERE c\.decided_on/u;

const READ = /* GraphQL */ `
  {
    ocopStatistics(asOf: "2024-07-15") {
      total {
        activeProducts
        threeStarProducts
      }
    }
    _entities(representations: [{ __typename: "CollectiveEconomy", id: "2024-H1" }]) {
      ... on CollectiveEconomy {
        ocop {
          activeProducts
          threeStarProducts
        }
      }
    }
  }
`;

async function read(): Promise<{ figures: unknown; computed: number }> {
  const { response, computed } = await countedRead(o, READ, COMPUTES);
  expect(response.errors).toBeUndefined();
  return { figures: [response.data.ocopStatistics.total, response.data._entities[0].ocop], computed };
}

describe("the OCOP statistics of closed periods", () => {
  it("are kept per access scope: a commune's first read computes again", async () => {
    const { computed, responses } = await readsPerScope(o, READ, COMPUTES);
    expect(computed[0]).toBeGreaterThan(0);
    expect(computed).toEqual([computed[0], 0, computed[0], 0]);
    for (const response of responses) expect(response).toEqual(responses[0]);
  });

  it("show a certificate decided in the period in the next read", async () => {
    const before = await read();
    const again = await read();
    expect(again).toEqual({ figures: before.figures, computed: 0 });
    const registered = await o.query(`mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id } }`, {
      input: {
        name: "Cam Hương Sơn bộ đệm",
        group: "FOOD",
        subgroup: "Nông sản tươi sống",
        adminUnitCode: "439",
        registeredOn: "2024-01-10",
        owner: { newLocalOwner: { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Bộ Đệm", registrationNumber: "8199990001", adminUnitCode: "439" } },
      },
    });
    expect(registered.errors).toBeUndefined();
    const certified = await o.query(`mutation($input: CertifyOcopProductInput!) { certifyOcopProduct(input: $input) { id } }`, {
      input: {
        productId: registered.data.registerOcopProduct.id,
        scoreA: 25,
        scoreB: 15,
        scoreC: 20,
        stars: 3,
        decisionNumber: "4321/QĐ-UBND",
        decidedOn: "2024-03-01",
      },
    });
    expect(certified.errors).toBeUndefined();
    const after = await read();
    const [total, economy] = before.figures as { activeProducts: number; threeStarProducts: number }[];
    const plusOne = (f: typeof total) => ({ activeProducts: f.activeProducts + 1, threeStarProducts: f.threeStarProducts + 1 });
    expect(after.figures).toEqual([plusOne(total), plusOne(economy)]);
    expect(after.computed).toBeGreaterThan(0);
  });
});
