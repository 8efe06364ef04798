/**
 * Statistics of closed periods are cached per data version and access scope (core's cachedAggregate):
 * a write is visible in the very next read, and an answer cached for one caller's scope is never
 * handed to another scope.
 */
import { cachedAggregate } from "@kttt/core";
import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

const READ = /* GraphQL */ `
  {
    membershipStatistics(year: 2024) {
      asOf
      total {
        revenue {
          total
        }
      }
    }
    collectiveEconomy(period: { year: 2024, half: H1, asOf: "2024-07-15" }) {
      membership {
        revenue {
          total
        }
      }
    }
  }
`;

const CORRECT = /* GraphQL */ `
  mutation ($input: RecordFinancialReportInput!) {
    recordFinancialReport(input: $input) {
      revenue
      version
    }
  }
`;

async function revenues(): Promise<[bigint, bigint]> {
  const res = await m.query(READ);
  expect(res.errors).toBeUndefined();
  expect(res.data.membershipStatistics.asOf).toBe("2024-12-31");
  return [BigInt(res.data.membershipStatistics.total.revenue.total), BigInt(res.data.collectiveEconomy.membership.revenue.total)];
}

describe("the statistics of closed periods", () => {
  it("show a write in the next read", async () => {
    const before = await revenues();
    expect(await revenues()).toEqual(before); // answered from the cache: same figures
    const page = await m.query(
      `{ cooperatives(first: 1) { nodes { id financialReport(year: 2024) { charterCapital revenue profit regularWorkers averageMonthlyIncome managersTotal managersTrained itReadiness version } } } }`,
    );
    const { id, financialReport: report } = page.data.cooperatives.nodes[0];
    const corrected = await m.query(CORRECT, {
      input: {
        organizationId: id,
        year: 2024,
        charterCapital: report.charterCapital,
        revenue: String(BigInt(report.revenue) + 1_000_000n),
        profit: report.profit,
        regularWorkers: report.regularWorkers,
        averageMonthlyIncome: report.averageMonthlyIncome,
        managersTotal: report.managersTotal,
        managersTrained: report.managersTrained,
        itReadiness: report.itReadiness,
        version: report.version,
      },
    });
    expect(corrected.errors).toBeUndefined();
    expect(await revenues()).toEqual([before[0] + 1_000_000n, before[1] + 1_000_000n]);
  });

  it("never hands an answer cached for one access scope to another", async () => {
    const ds = m.service.dataSource;
    const read = (scope: string, answer: string) => cachedAggregate(ds, "test", "2024", scope, true, () => Promise.resolve(answer));
    expect(await read("ALLIANCE_STAFF::", "for the Alliance")).toBe("for the Alliance");
    expect(await read("DEPARTMENT:SO_CT:", "for SO_CT")).toBe("for SO_CT");
    expect(await read("DISTRICT::444", "for district 444")).toBe("for district 444");
    // Each scope keeps its own answer until the data changes.
    expect(await read("DEPARTMENT:SO_CT:", "recomputed")).toBe("for SO_CT");
    expect(await read("ALLIANCE_STAFF::", "recomputed")).toBe("for the Alliance");
    // An open period is never kept.
    expect(await cachedAggregate(ds, "test", "2024", "ALLIANCE_STAFF::", false, () => Promise.resolve("open"))).toBe("open");
    // Any audited write starts a new data version: every scope computes again.
    await ds.query("INSERT INTO audit_record (actor_subject, actor_role, operation, input) VALUES ('test', 'ALLIANCE_STAFF', 'test', '{}')");
    expect(await read("ALLIANCE_STAFF::", "after the write")).toBe("after the write");
  });
});
