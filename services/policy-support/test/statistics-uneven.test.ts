/**
 * Policy-support statistics on a year of its own (2019: nothing of the demo data) where every group
 * differs: two programmes of two agencies and kinds, two funding sources, organisations in two units,
 * one organisation helped twice, and implementation rates that do not divide evenly (42/93, 2/3,
 * 12/63): rates are rounded to 6 decimal places, half away from zero, from the exact sums. Written
 * through the mutations; beneficiaries are checked with a real membership subgraph.
 */
import { demoOrganizations } from "@kttt/demo";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { startTestPolicySupport, type TestPolicySupport } from "./helpers";

let membership: TestSubgraph;
let s: TestPolicySupport;
const YEAR = 2019;

const founded = (unit: string) =>
  demoOrganizations().filter((o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === unit && o.establishedOn < "2018-01-01");
const [C1, C3] = founded("444");
const [C2] = founded("436");

async function ok(mutation: string, input: Record<string, unknown>): Promise<{ id: string }> {
  const res = await s.query(`mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, { input });
  expect(res.errors).toBeUndefined();
  return res.data[mutation];
}

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  s = await startTestPolicySupport("demo", membership.url);
  const before = await s.query(`{ policySupportStatistics(year: ${YEAR}) { total { allocationCount } } }`);
  expect(before.data.policySupportStatistics.total.allocationCount).toBe(0);
  const catalogue = await s.query(`{ supportPolicies { nodes { id code } } agencies { id code } }`);
  const id = (list: { id: string; code: string }[], code: string) => list.find((x) => x.code === code)!.id;
  const policies = catalogue.data.supportPolicies.nodes;
  const agencies = catalogue.data.agencies;
  const programme = (code: string, policy: string, agency: string, funding: { source: string; plannedAmount: string }[]) =>
    ok("createSupportProgramme", {
      code,
      name: `Chương trình thống kê lệch ${code}`,
      policyId: id(policies, policy),
      agencyId: id(agencies, agency),
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      funding,
    });
  const trade = await programme("CT-2019-LECH-XTTM", "CS-XTTM", "SO-CT", [
    { source: "PROVINCIAL", plannedAmount: "60000000" },
    { source: "CENTRAL", plannedAmount: "10000000" },
  ]);
  const training = await programme("CT-2019-LECH-NNL", "CS-NNL", "LMHTX", [{ source: "PROVINCIAL", plannedAmount: "30000000" }]);
  const allocate = (
    programmeId: string,
    organization: { id: string; adminUnitCode: string },
    fundingSource: string,
    plannedAmount: string,
    managersTrained = 0,
  ) =>
    ok("recordBeneficiary", {
      programmeId,
      organizationId: organization.id,
      organizationKind: "COOPERATIVE",
      adminUnitCode: organization.adminUnitCode,
      fundingSource,
      support: "Hỗ trợ thống kê lệch",
      plannedAmount,
      approvedOn: `${YEAR}-03-01`,
      managersTrained,
    });
  const pay = (beneficiaryId: string, amount: string) => ok("recordDisbursement", { beneficiaryId, amount, disbursedOn: `${YEAR}-06-01` });
  const b1 = await allocate(trade.id, C1, "PROVINCIAL", "30000000");
  const b2 = await allocate(trade.id, C2, "PROVINCIAL", "30000000");
  await allocate(training.id, C1, "PROVINCIAL", "30000000", 3);
  const b4 = await allocate(trade.id, C3, "CENTRAL", "3000000");
  await pay(b1.id, "10000000");
  await pay(b2.id, "30000000");
  await pay(b4.id, "1000000");
  await pay(b4.id, "1000000");
}, 60_000);
afterAll(async () => {
  await s?.stop();
  await membership?.stop();
});

const FIGURES = "planned disbursed implementationRate beneficiaryCount allocationCount managersTrained";
async function statistics(groupBy?: string): Promise<{ total: Record<string, unknown>; groups: Record<string, Record<string, unknown>> }> {
  const res = await s.query(
    `query($groupBy: PolicySupportGroupBy) { policySupportStatistics(year: ${YEAR}, groupBy: $groupBy) { total { ${FIGURES} } groups { key figures { ${FIGURES} } } } }`,
    { groupBy },
  );
  expect(res.errors).toBeUndefined();
  const { total, groups } = res.data.policySupportStatistics;
  return { total, groups: Object.fromEntries(groups.map((g: { key: string; figures: Record<string, unknown> }) => [g.key, g.figures])) };
}

const TOTAL = { planned: "93000000", disbursed: "42000000", implementationRate: 0.451613, beneficiaryCount: 3, allocationCount: 4, managersTrained: 3 };

it("counts an organisation helped twice once, and rounds the rate 42/93 to 0.451613", async () => {
  expect((await statistics()).total).toEqual(TOTAL);
});

it("by kind of policy and by agency: 2/3 rounds up to 0.666667, nothing paid is a rate of 0", async () => {
  const byKind = await statistics("POLICY_KIND");
  expect(byKind.total).toEqual(TOTAL);
  expect(byKind.groups.TRADE_PROMOTION_MARKET).toEqual({
    planned: "63000000",
    disbursed: "42000000",
    implementationRate: 0.666667,
    beneficiaryCount: 3,
    allocationCount: 3,
    managersTrained: 0,
  });
  expect(byKind.groups.HUMAN_RESOURCES).toEqual({
    planned: "30000000",
    disbursed: "0",
    implementationRate: 0,
    beneficiaryCount: 1,
    allocationCount: 1,
    managersTrained: 3,
  });
  expect(Object.keys(byKind.groups).sort()).toEqual(["HUMAN_RESOURCES", "TRADE_PROMOTION_MARKET"]);
  const byAgency = (await statistics("AGENCY")).groups;
  expect(byAgency["SO-CT"]).toEqual(byKind.groups.TRADE_PROMOTION_MARKET);
  expect(byAgency.LMHTX).toEqual(byKind.groups.HUMAN_RESOURCES);
});

it("by funding source and by the unit where the beneficiary is registered, each group its own sums", async () => {
  const bySource = (await statistics("FUNDING_SOURCE")).groups;
  expect(bySource.PROVINCIAL).toEqual({
    planned: "90000000",
    disbursed: "40000000",
    implementationRate: 0.444444,
    beneficiaryCount: 2,
    allocationCount: 3,
    managersTrained: 3,
  });
  expect(bySource.CENTRAL).toEqual({
    planned: "3000000",
    disbursed: "2000000",
    implementationRate: 0.666667,
    beneficiaryCount: 1,
    allocationCount: 1,
    managersTrained: 0,
  });
  const byUnit = (await statistics("ADMIN_UNIT")).groups;
  // 12/63 = 0.19047619… → 0.190476.
  expect(byUnit["444"]).toEqual({
    planned: "63000000",
    disbursed: "12000000",
    implementationRate: 0.190476,
    beneficiaryCount: 2,
    allocationCount: 3,
    managersTrained: 3,
  });
  expect(byUnit["436"]).toEqual({
    planned: "30000000",
    disbursed: "30000000",
    implementationRate: 1,
    beneficiaryCount: 1,
    allocationCount: 1,
    managersTrained: 0,
  });
});
