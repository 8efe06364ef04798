/**
 * Demo data at DEMO_DATA_SCALE (the benchmark's growth runs): ten times the organisations, copied in SQL with
 * their figures, and the same SQL statements per operation as on the review's data (indexes and aggregates in
 * SQL, batched references): what a page or the overview costs does not grow with the rows.
 */
import { demoCopyId } from "@kttt/core";
import { demoOrganizations } from "@kttt/demo";
import { filteredOrganizations } from "../src/repositories/organizations";
import { startTestMembership, type TestMembership } from "./helpers";

let one: TestMembership;
let ten: TestMembership;
beforeAll(async () => {
  [one, ten] = await Promise.all([startTestMembership("demo"), startTestMembership("empty", { SEED_DEMO_DATA: "true", DEMO_DATA_SCALE: "10" })]);
}, 300_000);
afterAll(async () => {
  await Promise.all([one?.stop(), ten?.stop()]);
});

const PAGE = /* GraphQL */ `
  query ($first: Int!, $after: String) {
    cooperatives(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        registrationNumber
        sectorLabel
        adminUnit {
          code
          name
        }
        allianceMembership {
          joinedOn
          isMember
        }
        financialReports {
          year
          revenue
        }
        financialReport(year: 2024) {
          charterCapital
        }
        classifications {
          year
          rating
        }
        classification(year: 2024) {
          rating
        }
        members(first: 3) {
          totalCount
        }
      }
    }
  }
`;

const OVERVIEW = /* GraphQL */ `
  query ($period: ReportingPeriodInput!, $year: Int!) {
    collectiveEconomy(period: $period) {
      membership {
        cooperativeCount
        groupCount
        charterCapital {
          total
          average
        }
        revenue {
          total
        }
        regularWorkers
        averageWorkerMonthlyIncome
        goodOrFairShare
        ratingCounts {
          good
          notRated
        }
        itReadiness {
          online
        }
      }
    }
    bySector: membershipStatistics(year: $year, groupBy: SECTOR) {
      groups {
        key
        figures {
          cooperativeCount
        }
      }
    }
  }
`;

async function counted(m: TestMembership, query: string, variables: Record<string, unknown>): Promise<{ count: number; data: any }> {
  m.service.statements.start();
  const res = await m.query(query, variables);
  const count = m.service.statements.stop();
  expect(res.errors).toBeUndefined();
  return { count, data: res.data };
}

describe("demo data ×10", () => {
  it("holds ten copies of every organisation, each with its own id and its figures, marked illustrative", async () => {
    const count = async (m: TestMembership) =>
      (await m.service.dataSource.query<{ count: number }[]>("SELECT count(*)::int AS count FROM organization"))[0].count;
    expect(await count(ten)).toBe(10 * (await count(one)));
    const original = demoOrganizations().find((o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE")!;
    const copies = await ten.service.dataSource.query<{ id: string; name: string; revenue: string }[]>(
      `SELECT o.id, o.name, f.revenue::text AS revenue FROM organization o JOIN financial_report f ON f.organization_id = o.id AND f.year = 2024
        WHERE o.id = ANY($1::uuid[]) ORDER BY o.name`,
      [[original.id, demoCopyId(original.id, 1), demoCopyId(original.id, 9)]],
    );
    expect(copies.map((c) => c.name)).toEqual([original.name, `${original.name} (bản sao minh họa 10)`, `${original.name} (bản sao minh họa 2)`]);
    expect(new Set(copies.map((c) => c.revenue)).size).toBe(1);
  });

  it("answers a page of cooperatives, at any depth, in the same number of statements as ×1", async () => {
    const small = await counted(one, PAGE, { first: 50 });
    const large = await counted(ten, PAGE, { first: 50 });
    expect(large.data.cooperatives.totalCount).toBe(10 * small.data.cooperatives.totalCount);
    expect(large.data.cooperatives.nodes).toHaveLength(50);
    expect(large.count).toBe(small.count);
    // Read again, the list's total is not counted again (kept per data version): one statement fewer.
    const again = await counted(ten, PAGE, { first: 50 });
    expect(again.count).toBe(small.count - 1);
    // Deep in the list (keyset cursor): still the same statements.
    let after: string | null = null;
    for (let k = 0; k < 3; k++) {
      const page: { data: any } = await counted(ten, PAGE, { first: 50, after });
      after = page.data.cooperatives.pageInfo.endCursor;
    }
    const deep = await counted(ten, PAGE, { first: 50, after });
    expect(deep.count).toBe(again.count);
  });

  it("answers the overview in the same number of statements as ×1, with ten times the figures", async () => {
    const variables = { period: { year: 2024, half: "H1", asOf: "2024-07-15" }, year: 2024 };
    const small = await counted(one, OVERVIEW, variables);
    const large = await counted(ten, OVERVIEW, variables);
    expect(large.count).toBe(small.count);
    const figures = (r: { data: any }) => r.data.collectiveEconomy.membership;
    expect(figures(large).cooperativeCount).toBe(10 * figures(small).cooperativeCount);
    expect(BigInt(figures(large).charterCapital.total)).toBe(10n * BigInt(figures(small).charterCapital.total));
    expect(figures(large).charterCapital.average).toBe(figures(small).charterCapital.average);
  });

  it("searches every legal form through each form's own trigram index (they are partial, one per form)", async () => {
    // A term no name has: reading every row of a form costs more than its index, so the plan shows whether the
    // search over every form is written so that each form's index can serve it.
    const [sql, parameters] = filteredOrganizations(ten.service.dataSource, undefined, { search: "xyzzyq" }).select("o.id").getQueryAndParameters();
    const plan = await ten.service.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL enable_seqscan = off");
      await manager.query("SET LOCAL enable_indexscan = off");
      const rows: { "QUERY PLAN": string }[] = await manager.query(`EXPLAIN ${sql}`, parameters);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    for (const index of ["organization_cooperative_search_idx", "organization_group_search_idx", "organization_union_search_idx"]) {
      expect(plan).toContain(index);
    }
    expect(plan).not.toContain("Seq Scan");
  });
});
