/** Retrying a policy-support mutation with its idempotency key never writes twice; above all, a payment is paid once. */
import { demoOrganizations } from "@kttt/demo";
import { randomUUID } from "node:crypto";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { onlyError, startTestPolicySupport, type TestPolicySupport } from "./helpers";

let membership: TestSubgraph;
let s: TestPolicySupport;
const ids: Record<string, string> = {};

const ISSUE = `mutation($input: IssueLegalDocumentInput!) { issueLegalDocument(input: $input) { id number version } }`;
const POLICY = `mutation($input: CreateSupportPolicyInput!) { createSupportPolicy(input: $input) { id code } }`;
const PROGRAMME = `mutation($input: CreateSupportProgrammeInput!) { createSupportProgramme(input: $input) { id code budget } }`;
const BENEFICIARY = `mutation($input: RecordBeneficiaryInput!) { recordBeneficiary(input: $input) { id plannedAmount } }`;
const DISBURSE = `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id disbursedAmount remainingAmount version } }`;
const PLAN = `mutation($input: RecordDevelopmentPlanInput!) { recordDevelopmentPlan(input: $input) { id year version } }`;
const ACTUALS = `mutation($input: RecordPlanActualsInput!) { recordPlanActuals(input: $input) { id year version targets { indicator actual } } }`;

const [COOP, COOP2] = demoOrganizations()
  .filter((o) => o.kind === "COOPERATIVE" && o.adminUnitCode === "444" && o.status === "ACTIVE")
  .map((o) => o.id);

async function succeeded(query: string, input: Record<string, unknown>): Promise<any> {
  const res = await s.query(query, { input });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0];
}

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  s = await startTestPolicySupport("demo", membership.url);
  const res = await s.query(`{ policies: supportPolicies { nodes { id code } } agencies { id code } }`);
  for (const p of res.data.policies.nodes) ids[p.code] = p.id;
  for (const a of res.data.agencies) ids[a.code] = a.id;
  const programme = await succeeded(PROGRAMME, {
    code: "CT-2025-SO-CT-LAP",
    name: "Chương trình xúc tiến thương mại thử lặp lại năm 2025",
    policyId: ids["CS-XTTM"],
    agencyId: ids["SO-CT"],
    startsOn: "2025-01-01",
    endsOn: "2025-12-31",
    funding: [{ source: "PROVINCIAL", plannedAmount: "100000000" }],
  });
  ids.programme = programme.id;
  const beneficiary = await succeeded(BENEFICIARY, {
    programmeId: ids.programme,
    organizationId: COOP,
    organizationKind: "COOPERATIVE",
    adminUnitCode: "444",
    fundingSource: "PROVINCIAL",
    support: "Gian hàng tại hội chợ thử lặp lại",
    plannedAmount: "50000000",
    approvedOn: "2025-02-01",
  });
  ids.beneficiary = beneficiary.id;
});
afterAll(async () => {
  await s?.stop();
  await membership?.stop();
});

const payment = (amount: string, idempotencyKey?: string, over: Record<string, unknown> = {}) => ({
  beneficiaryId: ids.beneficiary,
  amount,
  disbursedOn: "2025-04-01",
  idempotencyKey,
  ...over,
});

/** The total paid to the test beneficiary and its number of payments, straight from the tables. */
async function paid(): Promise<{ total: bigint; payments: number }> {
  const [row] = await s.service.dataSource.query(
    "SELECT b.disbursed_amount::text AS total, (SELECT count(*) FROM disbursement d WHERE d.beneficiary_id = b.id)::int AS payments FROM support_beneficiary b WHERE b.id = $1",
    [ids.beneficiary],
  );
  return { total: BigInt(row.total), payments: row.payments };
}

describe("recordDisbursement with an idempotency key", () => {
  it("pays a repeated payment once and answers the repeat with the first result", async () => {
    const before = await paid();
    const key = randomUUID();
    const first = await s.query(DISBURSE, { input: payment("3000000", key) });
    const second = await s.query(DISBURSE, { input: payment("3000000", key) });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data.recordDisbursement).toEqual(first.data.recordDisbursement);
    expect(await paid()).toEqual({ total: before.total + 3_000_000n, payments: before.payments + 1 });
  });

  it("pays twice when the keys differ (the key, not the amount, tells a repeat)", async () => {
    const before = await paid();
    await succeeded(DISBURSE, payment("1000000", randomUUID()));
    await succeeded(DISBURSE, payment("1000000", randomUUID()));
    expect(await paid()).toEqual({ total: before.total + 2_000_000n, payments: before.payments + 2 });
  });

  it("pays once when the same payment races itself", async () => {
    const before = await paid();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => s.query(DISBURSE, { input: payment("2000000", key) })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data.recordDisbursement.version)).size).toBe(1);
    expect(await paid()).toEqual({ total: before.total + 2_000_000n, payments: before.payments + 1 });
  });

  it("refuses the same key with a different amount, paying nothing more", async () => {
    const key = randomUUID();
    await succeeded(DISBURSE, payment("1500000", key));
    const before = await paid();
    const error = onlyError(await s.query(DISBURSE, { input: payment("1600000", key) }));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
    expect(await paid()).toEqual(before);
  });

  it("frees the key of a refused payment, so the corrected one can use it", async () => {
    const before = await paid();
    const key = randomUUID();
    const refused = await s.query(DISBURSE, { input: payment("1000000", key, { disbursedOn: "2025-01-15" }) });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DISBURSED_BEFORE_APPROVAL" });
    expect(await paid()).toEqual(before);
    await succeeded(DISBURSE, payment("1000000", key));
    expect(await paid()).toEqual({ total: before.total + 1_000_000n, payments: before.payments + 1 });
  });

  it("refuses a malformed key, naming the field, and pays nothing", async () => {
    const before = await paid();
    const error = onlyError(await s.query(DISBURSE, { input: payment("1000000", "bad key!") }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    expect(await paid()).toEqual(before);
  });
});

describe("every other policy-support mutation with an idempotency key", () => {
  const count = async (table: string) => Number((await s.service.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  /** Sends the same mutation twice with one key: the second answer equals the first and one row is added. */
  async function repeatOnce(query: string, input: Record<string, unknown>, table: string): Promise<any> {
    const before = await count(table);
    const key = randomUUID();
    const first = await succeeded(query, { ...input, idempotencyKey: key });
    const second = await succeeded(query, { ...input, idempotencyKey: key });
    expect(second).toEqual(first);
    expect(await count(table)).toBe(before + 1);
    return first;
  }

  it("issues a document, creates a policy and a programme, records a beneficiary once each", async () => {
    const document = await repeatOnce(
      ISSUE,
      { number: "45/2025/QĐ-UBND", type: "DECISION", title: "Quyết định thử lặp lại", issuer: "UBND tỉnh Hà Tĩnh", issuedOn: "2025-02-01" },
      "legal_document",
    );
    await repeatOnce(
      POLICY,
      { code: "CS-LAP", name: "Hỗ trợ thử lặp lại", kind: "TRADE_PROMOTION_MARKET", legalBasisIds: [document.id], eligibleOrganizationKinds: ["COOPERATIVE"] },
      "support_policy",
    );
    await repeatOnce(
      PROGRAMME,
      {
        code: "CT-2025-SO-CT-LAP2",
        name: "Chương trình thử lặp lại thứ hai",
        policyId: ids["CS-XTTM"],
        agencyId: ids["SO-CT"],
        startsOn: "2025-01-01",
        endsOn: "2025-12-31",
        funding: [{ source: "PROVINCIAL", plannedAmount: "10000000" }],
      },
      "support_programme",
    );
    await repeatOnce(
      BENEFICIARY,
      {
        programmeId: ids.programme,
        organizationId: COOP2,
        organizationKind: "COOPERATIVE",
        adminUnitCode: "444",
        fundingSource: "PROVINCIAL",
        support: "Gian hàng thứ hai",
        plannedAmount: "1000000",
        approvedOn: "2025-02-01",
      },
      "support_beneficiary",
    );
  });

  it("records a plan and its results once each; a repeat of the results is not a stale version", async () => {
    const [{ year }] = await s.service.dataSource.query("SELECT min(year) - 1 AS year FROM development_plan");
    const document = await succeeded(ISSUE, {
      number: `KH-KTTT-${year}/LAP`,
      type: "PLAN",
      title: `Kế hoạch phát triển kinh tế tập thể năm ${year}`,
      issuer: "UBND tỉnh Hà Tĩnh",
    });
    const plan = await repeatOnce(
      PLAN,
      { year, documentId: document.id, title: `Kế hoạch KTTT năm ${year}`, targets: [{ indicator: "NEW_COOPERATIVES", value: 20 }] },
      "development_plan",
    );
    expect(plan.version).toBe(1);
    const key = randomUUID();
    const input = { year, version: 1, actuals: [{ indicator: "NEW_COOPERATIVES", value: 22 }], idempotencyKey: key };
    const first = await succeeded(ACTUALS, input);
    const second = await succeeded(ACTUALS, input);
    expect(second).toEqual(first);
    expect(first.version).toBe(2);
    const without = onlyError(await s.query(ACTUALS, { input: { ...input, idempotencyKey: undefined } }));
    expect(without.extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
  });

  it("refuses a key already used by a different mutation", async () => {
    const key = randomUUID();
    await succeeded(ISSUE, { number: "46/2025/QĐ-UBND", type: "DECISION", title: "Quyết định thử khóa", issuer: "UBND tỉnh Hà Tĩnh", idempotencyKey: key });
    const error = onlyError(await s.query(DISBURSE, { input: payment("1000000", key) }));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
  });
});
