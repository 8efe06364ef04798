/**
 * End to end: the real gateway serving the committed supergraph, the membership and policy-support
 * subgraphs each on its own database, HTTP between them. A query starts in one subgraph and ends
 * in the other; an approval of support is checked against membership through the gateway.
 */
import type { GatewayServer } from "@kttt/gateway";
import { demoOrganizations } from "@kttt/demo";
import { freePort, graphql, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { lookupsAnswered, startSubgraphBehindGateway } from "./graph";

let membership: TestSubgraph;
let graph: Awaited<ReturnType<typeof startSubgraphBehindGateway<TestSubgraph>>>;
let policy: TestSubgraph;
let gateway: GatewayServer;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  graph = await startSubgraphBehindGateway<TestSubgraph>("policy-support", { MEMBERSHIP_URL: membership.url });
  [policy, gateway] = [graph.subgraph, graph.gateway];
});
afterAll(async () => {
  await graph?.stop();
  await membership?.stop();
});

describe("membership and policy support through the gateway", () => {
  it("follows a cooperative to the support it received, the programme, the policy and its legal basis", async () => {
    const res = await graphql(
      gateway.url,
      /* GraphQL */ `
        {
          cooperatives(first: 100, filter: { adminUnitCode: "444" }) {
            nodes {
              id
              name
              adminUnit {
                name
              }
              supportReceived(first: 5) {
                totalCount
                nodes {
                  plannedAmount
                  disbursedAmount
                  organization {
                    ... on Cooperative {
                      id
                      name
                    }
                  }
                  programme {
                    code
                    agency {
                      name
                    }
                    policy {
                      kind
                      legalBasis {
                        number
                        supersedes {
                          number
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
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
    const law = supported
      .flatMap((c: any) => c.supportReceived.nodes)
      .flatMap((n: any) => n.programme.policy.legalBasis)
      .find((d: any) => d.number === "17/2023/QH15");
    expect(law.supersedes).toEqual({ number: "23/2012/QH13" });
    const district = supported.flatMap((c: any) => c.supportReceived.nodes).find((n: any) => n.programme.code.includes("UBND-444"));
    expect(district.programme.agency.name).toBe("Ủy ban nhân dân Huyện Hương Khê");
  });

  it("answers every unit's policy support beside membership's figures, adding up to the province", async () => {
    const res = await graphql(
      gateway.url,
      /* GraphQL */ `
        {
          adminUnits(asOf: "2024-07-15", level: DISTRICT) {
            code
            name
            policySupport(year: 2024) {
              planned
              disbursed
              implementationRate
              beneficiaryCount
            }
          }
          policySupportStatistics(year: 2024) {
            total {
              planned
              disbursed
              implementationRate
              beneficiaryCount
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    const total = res.data.policySupportStatistics.total;
    expect(res.data.adminUnits).toHaveLength(13);
    expect(res.data.adminUnits.reduce((a: bigint, u: any) => a + BigInt(u.policySupport.planned), 0n)).toBe(BigInt(total.planned));
    expect(res.data.adminUnits.reduce((a: bigint, u: any) => a + BigInt(u.policySupport.disbursed), 0n)).toBe(BigInt(total.disbursed));
    expect(res.data.adminUnits.find((u: any) => u.code === "444")).toMatchObject({
      name: "Huyện Hương Khê",
      policySupport: { beneficiaryCount: expect.any(Number) },
    });
    // The seed: "kết quả thực hiện chính sách hỗ trợ KTTT, HTX đạt thấp".
    expect(total.implementationRate).toBeGreaterThan(0.2);
    expect(total.implementationRate).toBeLessThan(0.45);
  });

  it("breaks the statistics down by unit and shows the plan's targets against results", async () => {
    const res = await graphql(
      gateway.url,
      /* GraphQL */ `
        {
          byUnit: policySupportStatistics(year: 2024, groupBy: ADMIN_UNIT) {
            total {
              planned
            }
            groups {
              key
              label
              adminUnit {
                name
                validTo
              }
              figures {
                planned
                implementationRate
              }
            }
          }
          developmentPlan(year: 2024) {
            document {
              number
            }
            targets {
              indicator
              target
              actual
              achieved
            }
          }
          membershipStatistics(year: 2024) {
            total {
              goodOrFairShare
            }
          }
        }
      `,
    );
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
    const [row] = await policy.service.dataSource.query(
      `SELECT b.id, b.planned_amount::text AS planned, b.disbursed_amount::text AS disbursed FROM support_beneficiary b JOIN support_programme p ON p.id = b.programme_id WHERE p.status = 'OPEN' AND b.disbursed_amount < b.planned_amount ORDER BY b.id LIMIT 1`,
    );
    const [{ approved, ends }] = await policy.service.dataSource.query(
      `SELECT b.approved_on::text AS approved, p.ends_on::text AS ends FROM support_beneficiary b JOIN support_programme p ON p.id = b.programme_id WHERE b.id = $1`,
      [row.id],
    );
    const res = await graphql(
      gateway.url,
      `
        mutation ($input: RecordDisbursementInput!) {
          recordDisbursement(input: $input) {
            disbursedAmount
          }
        }
      `,
      {
        input: { beneficiaryId: row.id, amount: (BigInt(row.planned) - BigInt(row.disbursed) + 1n).toString(), disbursedOn: ends > approved ? ends : approved },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount", reason: "DISBURSEMENT_EXCEEDS_PLANNED" });
  });
});

describe("recordBeneficiary checks the organisation with membership, through the gateway", () => {
  const organizations = demoOrganizations();
  const [COOP, COOP2] = organizations.filter((o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && o.adminUnitCode === "444");
  const DISSOLVED = organizations.find((o) => o.kind === "COOPERATIVE" && o.status === "DISSOLVED")!;
  const BENEFICIARY = `mutation($input: RecordBeneficiaryInput!) { recordBeneficiary(input: $input) { id organization { ... on Cooperative { id name } } } }`;
  const programmes: Record<string, string> = {};

  /** A programme of Sở Công Thương under the trade-promotion policy, created through `url`. */
  async function programme(url: string, code: string, startsOn: string, endsOn: string): Promise<string> {
    const ids = (
      await graphql(
        url,
        `
          {
            supportPolicies {
              nodes {
                id
                code
              }
            }
            agencies {
              id
              code
            }
          }
        `,
      )
    ).data;
    const res = await graphql(
      url,
      `
        mutation ($input: CreateSupportProgrammeInput!) {
          createSupportProgramme(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          code,
          name: `Chương trình thử kiểm tra đối tượng ${code}`,
          startsOn,
          endsOn,
          funding: [{ source: "PROVINCIAL", plannedAmount: "500000000" }],
          policyId: ids.supportPolicies.nodes.find((p: any) => p.code === "CS-XTTM").id,
          agencyId: ids.agencies.find((a: any) => a.code === "SO-CT").id,
        },
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data.createSupportProgramme.id;
  }
  const approval = (over: Record<string, unknown> = {}) => ({
    programmeId: programmes.y2025,
    organizationId: COOP.id,
    organizationKind: "COOPERATIVE",
    adminUnitCode: "444",
    fundingSource: "PROVINCIAL",
    support: "Gian hàng hội chợ thử nghiệm",
    plannedAmount: "10000000",
    approvedOn: "2025-02-01",
    ...over,
  });
  const beneficiaries = async (t = policy) => (await t.service.dataSource.query("SELECT count(*)::int AS n FROM support_beneficiary"))[0].n;
  const lookups = () => lookupsAnswered(gateway.url, "PolicySupportOrganizationLookup");

  /** Sends the approval through the gateway; checks it asked membership once and, when refused, wrote nothing. */
  async function approve(input: Record<string, unknown>) {
    const [rows, asked] = [await beneficiaries(), await lookups()];
    const res = await graphql(gateway.url, BENEFICIARY, { input });
    expect(await lookups()).toBe(asked + 1);
    expect(await beneficiaries()).toBe(rows + (res.errors ? 0 : 1));
    return res;
  }

  beforeAll(async () => {
    programmes.y2025 = await programme(gateway.url, "CT-2025-SO-CT-KTDT", "2025-01-01", "2025-12-31");
    programmes.y2022 = await programme(gateway.url, "CT-2022-SO-CT-KTDT", "2022-01-01", "2022-12-31");
  });

  it("approves support for an organisation membership confirms, asking it once", async () => {
    const res = await approve(approval());
    expect(res.errors).toBeUndefined();
    expect(res.data.recordBeneficiary.organization).toEqual({ id: COOP.id, name: COOP.name });
  });

  it("answers a retry with the same idempotency key from its receipt, without asking membership again", async () => {
    const input = approval({
      organizationId: COOP2.id,
      adminUnitCode: COOP2.adminUnitCode,
      support: "Tập huấn thử nghiệm (gửi lại)",
      idempotencyKey: "approve-retry-0001",
    });
    const first = await approve(input);
    expect(first.errors).toBeUndefined();
    const [rows, asked] = [await beneficiaries(), await lookups()];
    const retry = await graphql(gateway.url, BENEFICIARY, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.recordBeneficiary).toEqual(first.data.recordBeneficiary);
    // Answered from the receipt: membership was not asked and nothing more was written.
    expect(await lookups()).toBe(asked);
    expect(await beneficiaries()).toBe(rows);
  });

  it("answers NOT_FOUND for an organisation membership does not know", async () => {
    const res = await approve(approval({ organizationId: "00000000-0000-5000-8000-000000000000" }));
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: "NOT_FOUND", field: "input.organizationId", reason: "ORGANIZATION_NOT_FOUND" });
  });

  it("refuses another legal form or another unit than membership records, saying what it records", async () => {
    const kind = await approve(approval({ organizationId: COOP2.id, organizationKind: "COOPERATIVE_GROUP" }));
    expect(kind.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.organizationKind",
      reason: "ORGANIZATION_KIND_MISMATCH",
      details: { recordedKind: "COOPERATIVE" },
    });
    expect(kind.errors![0].message).toBe(`Membership records ${COOP2.name} as Hợp tác xã (COOPERATIVE), not COOPERATIVE_GROUP.`);
    const unit = await approve(approval({ organizationId: COOP2.id, adminUnitCode: "445" }));
    expect(unit.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.adminUnitCode",
      reason: "ADMIN_UNIT_MISMATCH",
      details: { recordedAdminUnitCode: "444" },
    });
    expect(unit.errors![0].message).toBe(`Membership records ${COOP2.name} as registered in Huyện Hương Khê (444), not in unit 445.`);
  });

  it("refuses support approved on or after an organisation's dissolution, and records support approved before it", async () => {
    const input = approval({ organizationId: DISSOLVED.id, adminUnitCode: DISSOLVED.adminUnitCode });
    const after = await approve(input);
    expect(after.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.organizationId",
      reason: "ORGANIZATION_DISSOLVED",
      details: { dissolvedOn: DISSOLVED.dissolvedOn },
    });
    expect(after.errors![0].message).toBe(
      `Membership records ${DISSOLVED.name} as dissolved on ${DISSOLVED.dissolvedOn}; it cannot receive support approved on 2025-02-01.`,
    );
    expect(DISSOLVED.dissolvedOn! > "2022-01-10").toBe(true);
    const before = await approve({ ...input, programmeId: programmes.y2022, approvedOn: "2022-01-10" });
    expect(before.errors).toBeUndefined();
  });

  it("answers SERVICE_UNAVAILABLE and writes nothing when the gateway cannot reach membership", async () => {
    const down = await startSubgraphBehindGateway<TestSubgraph>("policy-support", { MEMBERSHIP_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    try {
      const programmeId = await programme(down.gateway.url, "CT-2025-SO-CT-KTDT", "2025-01-01", "2025-12-31");
      const rows = await beneficiaries(down.subgraph);
      const res = await graphql(down.gateway.url, BENEFICIARY, { input: approval({ programmeId }) });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", field: "input.organizationId", reason: "ORGANIZATION_LOOKUP_FAILED" });
      expect(res.errors![0].message).toMatch(/membership registry could not be asked.*Nothing was saved/su);
      expect(await beneficiaries(down.subgraph)).toBe(rows);
    } finally {
      await down.stop();
    }
  });
});
