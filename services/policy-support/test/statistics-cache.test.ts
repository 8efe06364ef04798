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

let subgraphs: [TestSubgraph, TestPolicySupport];
beforeAll(async () => {
  const membership = await startTestSubgraph(membershipSubgraph);
  subgraphs = [membership, await startTestPolicySupport("demo", membership.url)];
});
afterAll(() => Promise.all(subgraphs?.map((subgraph) => subgraph.stop()) ?? []));

/** The statement that computes the figures: the allocations approved in the year, with their programmes. */
const COMPUTES = /JOIN support_programme p ON p\.id = b\.programme_id/u;
const READ = `{ policySupportStatistics(year: 2024) { total { planned allocationCount } }
  _entities(representations: [{ __typename: "CollectiveEconomy", id: "2024-H1" }]) { ... on CollectiveEconomy { policySupport { planned allocationCount } } } }`;

interface Support {
  planned: string;
  allocationCount: number;
}
const figures = ({ data }: { data: any }): Support[] => [data.policySupportStatistics.total, data._entities[0].policySupport];

async function written(mutation: string, input: Record<string, unknown>): Promise<string> {
  const res = await subgraphs[1].query(`mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, {
    input,
  });
  expect(res.errors).toBeUndefined();
  return res.data[mutation].id;
}

it("keeps the statistics of a closed year per access scope: a commune's first read computes again", async () => {
  expect(await readsPerScope(subgraphs[1], READ, COMPUTES)).toEqual(["computed", "cached", "computed", "cached"]);
});

it("shows an allocation approved in a closed year in the next read of its statistics", async () => {
  const s = subgraphs[1];
  const before = await countedRead(s, READ, COMPUTES);
  expect(await countedRead(s, READ, COMPUTES)).toEqual({ data: before.data, computed: 0 });
  const catalogue = await s.query(`{ supportPolicies { nodes { id code } } agencies { id code } }`);
  const idOf = (list: { id: string; code: string }[], code: string) => list.find((x) => x.code === code)!.id;
  const [policyId, agencyId] = [idOf(catalogue.data.supportPolicies.nodes, "CS-XTTM"), idOf(catalogue.data.agencies, "SO-CT")];
  const funding = [{ source: "PROVINCIAL", plannedAmount: "5000000" }];
  const programmeId = await written("createSupportProgramme", {
    ...{ code: "CT-2024-BO-DEM", name: "Chương trình bộ đệm thống kê", policyId, agencyId, startsOn: "2024-01-01", endsOn: "2024-12-31", funding },
  });
  const cooperative = demoOrganizations().find(
    (o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === "444" && o.establishedOn < "2020",
  )!;
  await written("recordBeneficiary", {
    ...{ programmeId, organizationId: cooperative.id, organizationKind: "COOPERATIVE", adminUnitCode: "444", fundingSource: "PROVINCIAL" },
    ...{ support: "Hỗ trợ bộ đệm thống kê", plannedAmount: "5000000", approvedOn: "2024-03-01" },
  });
  const after = await countedRead(s, READ, COMPUTES);
  const plusAllocation = (f: Support) => ({ planned: String(BigInt(f.planned) + 5_000_000n), allocationCount: f.allocationCount + 1 });
  expect(figures(after)).toEqual(figures(before).map(plusAllocation));
  expect(after.computed).toBeGreaterThan(0);
});

it("serves reports dated on different days of one map from one computation, and a day of another map computes again", async () => {
  const dated = (id: string) =>
    `{ _entities(representations: [{ __typename: "CollectiveEconomy", id: "${id}" }]) { ... on CollectiveEconomy { policySupport { planned allocationCount } } } }`;
  const first = await countedRead(subgraphs[1], dated("2024-H1@2024-03-01"), COMPUTES);
  expect(await countedRead(subgraphs[1], dated("2024-H1@2024-05-20"), COMPUTES)).toEqual({ data: first.data, computed: 0 });
  // Dated after 2025-01-01, the report follows the map of 2025 (Lộc Hà merged): computed on that map.
  expect((await countedRead(subgraphs[1], dated("2024-H1@2025-01-15"), COMPUTES)).computed).toBeGreaterThan(0);
});
