/**
 * End to end: the real gateway serving the committed supergraph, the membership and policy-support
 * subgraphs each on its own database, HTTP between them. A query starts in one subgraph and ends
 * in the other.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql } from "@kttt/testkit";
import { startTestMembership, type TestMembership } from "../../services/membership/test/helpers";
import { startTestPolicySupport, type TestPolicySupport } from "../../services/policy-support/test/helpers";

let membership: TestMembership;
let policy: TestPolicySupport;
let gateway: GatewayServer;

beforeAll(async () => {
  [membership, policy] = await Promise.all([startTestMembership("demo"), startTestPolicySupport("demo")]);
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", MEMBERSHIP_URL: membership.url, POLICY_SUPPORT_URL: policy.url }), port: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all([membership?.stop(), policy?.stop()]);
});

describe("membership and policy support through the gateway", () => {
  it("follows a cooperative to the support it received, the programme, the policy and its legal basis", async () => {
    const res = await graphql(gateway.url, /* GraphQL */ `{
      cooperatives(first: 100, filter: { adminUnitCode: "444" }) {
        nodes {
          id name adminUnit { name }
          supportReceived(first: 5) {
            totalCount
            nodes {
              plannedAmount disbursedAmount
              organization { ... on Cooperative { id name } }
              programme { code agency { name } policy { kind legalBasis { number supersedes { number } } } }
            }
          }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const supported = res.data.cooperatives.nodes.filter((c: any) => c.supportReceived.totalCount > 0);
    expect(supported.length).toBeGreaterThan(10);
    for (const coop of supported) {
      expect(coop.adminUnit.name).toBe("Huyện Hương Khê");
      for (const support of coop.supportReceived.nodes) {
        // Back through membership: the beneficiary's organisation is this cooperative, by name.
        expect(support.organization).toEqual({ id: coop.id, name: coop.name });
        expect(support.programme.policy.legalBasis.map((d: any) => d.number)).toContain("17/2023/QH15");
        expect(BigInt(support.disbursedAmount)).toBeLessThanOrEqual(BigInt(support.plannedAmount));
      }
    }
    const law = supported.flatMap((c: any) => c.supportReceived.nodes).flatMap((n: any) => n.programme.policy.legalBasis).find((d: any) => d.number === "17/2023/QH15");
    expect(law.supersedes).toEqual({ number: "23/2012/QH13" });
    const district = supported.flatMap((c: any) => c.supportReceived.nodes).find((n: any) => n.programme.code.includes("UBND-444"));
    expect(district.programme.agency.name).toBe("Ủy ban nhân dân Huyện Hương Khê");
  });

  it("answers every unit's policy support beside membership's figures, adding up to the province", async () => {
    const res = await graphql(gateway.url, /* GraphQL */ `{
      adminUnits { code name policySupport(year: 2024) { planned disbursed implementationRate beneficiaryCount } }
      policySupportStatistics(year: 2024) { total { planned disbursed implementationRate beneficiaryCount } }
    }`);
    expect(res.errors).toBeUndefined();
    const total = res.data.policySupportStatistics.total;
    expect(res.data.adminUnits).toHaveLength(13);
    expect(res.data.adminUnits.reduce((a: bigint, u: any) => a + BigInt(u.policySupport.planned), 0n)).toBe(BigInt(total.planned));
    expect(res.data.adminUnits.reduce((a: bigint, u: any) => a + BigInt(u.policySupport.disbursed), 0n)).toBe(BigInt(total.disbursed));
    expect(res.data.adminUnits.find((u: any) => u.code === "444")).toMatchObject({ name: "Huyện Hương Khê", policySupport: { beneficiaryCount: expect.any(Number) } });
    // The seed: "kết quả thực hiện chính sách hỗ trợ KTTT, HTX đạt thấp".
    expect(total.implementationRate).toBeGreaterThan(0.2);
    expect(total.implementationRate).toBeLessThan(0.45);
  });

  it("breaks the statistics down by unit and shows the plan's targets against results", async () => {
    const res = await graphql(gateway.url, /* GraphQL */ `{
      byUnit: policySupportStatistics(year: 2024, groupBy: ADMIN_UNIT) { total { planned } groups { key label adminUnit { name validTo } figures { planned implementationRate } } }
      developmentPlan(year: 2024) { document { number } targets { indicator target actual achieved } }
      membershipStatistics(year: 2024) { total { goodOrFairShare } }
    }`);
    expect(res.errors).toBeUndefined();
    const groups = res.data.byUnit.groups;
    expect(groups.reduce((a: bigint, g: any) => a + BigInt(g.figures.planned), 0n)).toBe(BigInt(res.data.byUnit.total.planned));
    for (const g of groups) expect(g.adminUnit.name).toBe(g.label); // the label here, the unit from membership
    const share = res.data.developmentPlan.targets.find((t: any) => t.indicator === "GOOD_OR_FAIR_SHARE");
    expect(share.achieved).toBe(false);
    // The plan's result is the share membership computes from the 2024 ratings.
    expect(share.actual).toBeCloseTo(res.data.membershipStatistics.total.goodOrFairShare * 100, 2);
  });

  it("costs the same statements in both subgraphs for 10× the cooperatives", async () => {
    const query = `query($first: Int) { cooperatives(first: $first) { nodes { name supportReceived(first: 3) { totalCount nodes { plannedAmount programme { code policy { legalBasis { number } } } organization { ... on Cooperative { name } } } } } } }`;
    const measure = async (first: number) => {
      membership.service.statements.start();
      policy.service.statements.start();
      const res = await graphql(gateway.url, query, { first });
      expect(res.errors).toBeUndefined();
      return { membership: membership.service.statements.stop(), policy: policy.service.statements.stop() };
    };
    const small = await measure(10);
    const large = await measure(100);
    expect(large).toEqual(small);
    expect(small.policy).toBeLessThanOrEqual(6);
  });

  it("passes a refused disbursement through with its code, field and reason", async () => {
    const [row] = await policy.service.dataSource.query(`SELECT b.id, b.planned_amount::text AS planned, b.disbursed_amount::text AS disbursed FROM support_beneficiary b JOIN support_programme p ON p.id = b.programme_id WHERE p.status = 'OPEN' AND b.disbursed_amount < b.planned_amount ORDER BY b.id LIMIT 1`);
    const [{ approved, ends }] = await policy.service.dataSource.query(`SELECT b.approved_on::text AS approved, p.ends_on::text AS ends FROM support_beneficiary b JOIN support_programme p ON p.id = b.programme_id WHERE b.id = $1`, [row.id]);
    const res = await graphql(gateway.url, `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { disbursedAmount } }`, {
      input: { beneficiaryId: row.id, amount: (BigInt(row.planned) - BigInt(row.disbursed) + 1n).toString(), disbursedOn: ends > approved ? ends : approved },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount", reason: "DISBURSEMENT_EXCEEDS_PLANNED" });
  });
});
