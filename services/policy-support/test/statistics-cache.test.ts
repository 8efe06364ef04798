/**
 * Policy-support statistics of closed years are cached per data version and access scope (core's cachedAggregate),
 * both `policySupportStatistics` and policy support's part of the collective economy: a write (an allocation approved
 * in 2024, checked with a real membership subgraph) is visible in the very next read, and an answer computed for one
 * caller's scope is never handed to another.
 */
import { demoOrganizations } from "@kttt/demo";
import { membership as membershipSubgraph } from "@kttt/membership";
import { countedRead, readsPerScope, startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { startTestPolicySupport, type TestPolicySupport } from "./helpers";

let membership: TestSubgraph;
let s: TestPolicySupport;
beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  s = await startTestPolicySupport("demo", membership.url);
});
afterAll(async () => {
  await s?.stop();
  await membership?.stop();
});

/** The statement that computes the figures: the allocations approved in the year, with their programmes. */
const COMPUTES = /JOIN support_programme p ON p\.id = b\.programme_id/u;

const READ = /* GraphQL */ `
  {
    policySupportStatistics(year: 2024) {
      total {
        planned
        allocationCount
      }
    }
    _entities(representations: [{ __typename: "CollectiveEconomy", id: "2024-H1" }]) {
      ... on CollectiveEconomy {
        policySupport {
          planned
          allocationCount
        }
      }
    }
  }
`;

interface Figures {
  planned: string;
  allocationCount: number;
}

async function read(): Promise<{ figures: Figures[]; computed: number }> {
  const { response, computed } = await countedRead(s, READ, COMPUTES);
  expect(response.errors).toBeUndefined();
  return { figures: [response.data.policySupportStatistics.total, response.data._entities[0].policySupport], computed };
}

async function ok(mutation: string, input: Record<string, unknown>): Promise<{ id: string }> {
  const res = await s.query(`mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, { input });
  expect(res.errors).toBeUndefined();
  return res.data[mutation];
}

describe("the policy-support statistics of closed years", () => {
  it("are kept per access scope: a commune's first read computes again", async () => {
    const { computed, responses } = await readsPerScope(s, READ, COMPUTES);
    expect(computed[0]).toBeGreaterThan(0);
    expect(computed).toEqual([computed[0], 0, computed[0], 0]);
    for (const response of responses) expect(response).toEqual(responses[0]);
  });

  it("show an allocation approved in the year in the next read", async () => {
    const before = await read();
    expect(await read()).toEqual({ figures: before.figures, computed: 0 });
    const catalogue = await s.query(`{ supportPolicies { nodes { id code } } agencies { id code } }`);
    const id = (list: { id: string; code: string }[], code: string) => list.find((x) => x.code === code)!.id;
    const programme = await ok("createSupportProgramme", {
      code: "CT-2024-BO-DEM",
      name: "Chương trình bộ đệm thống kê",
      policyId: id(catalogue.data.supportPolicies.nodes, "CS-XTTM"),
      agencyId: id(catalogue.data.agencies, "SO-CT"),
      startsOn: "2024-01-01",
      endsOn: "2024-12-31",
      funding: [{ source: "PROVINCIAL", plannedAmount: "5000000" }],
    });
    const cooperative = demoOrganizations().find(
      (o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === "444" && o.establishedOn < "2020-01-01",
    )!;
    await ok("recordBeneficiary", {
      programmeId: programme.id,
      organizationId: cooperative.id,
      organizationKind: "COOPERATIVE",
      adminUnitCode: cooperative.adminUnitCode,
      fundingSource: "PROVINCIAL",
      support: "Hỗ trợ bộ đệm thống kê",
      plannedAmount: "5000000",
      approvedOn: "2024-03-01",
    });
    const after = await read();
    expect(after.figures).toEqual(before.figures.map((f) => ({ planned: String(BigInt(f.planned) + 5_000_000n), allocationCount: f.allocationCount + 1 })));
    expect(after.computed).toBeGreaterThan(0);
  });
});
