import { today } from "@kttt/core";
import { demoOrganizations } from "@kttt/demo";
import { communeCodeOn, unitOn } from "@kttt/reference";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { onlyError, startTestPolicySupport, type TestPolicySupport } from "./helpers";

let membership: TestSubgraph;
let s: TestPolicySupport;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Beneficiaries are checked against membership: this subgraph asks a real one (directly, as the gateway would).
  membership = await startTestSubgraph(membershipSubgraph);
  s = await startTestPolicySupport("demo", membership.url);
  const res = await s.query(`{
    docs: legalDocuments(first: 100) { nodes { id number } }
    policies: supportPolicies { nodes { id code } }
    agencies { id code }
  }`);
  for (const d of res.data.docs.nodes) ids[d.number] = d.id;
  for (const p of res.data.policies.nodes) ids[p.code] = p.id;
  for (const a of res.data.agencies) ids[a.code] = a.id;
});
afterAll(async () => {
  await s?.stop();
  await membership?.stop();
});

/** Everything a failed mutation could have touched: row counts, version sums and money of every table. */
async function fingerprint(): Promise<unknown> {
  const [row] = await s.service.dataSource.query(`SELECT
    (SELECT count(*) FROM legal_document) AS documents, (SELECT sum(version) FROM legal_document) AS document_versions,
    (SELECT count(*) FROM support_policy) AS policies, (SELECT count(*) FROM policy_legal_basis) AS basis,
    (SELECT count(*) FROM support_programme) AS programmes, (SELECT count(*) FROM programme_funding) AS lines,
    (SELECT count(*) FROM support_beneficiary) AS beneficiaries, (SELECT sum(version) FROM support_beneficiary) AS beneficiary_versions,
    (SELECT sum(disbursed_amount) FROM support_beneficiary) AS disbursed, (SELECT count(*) FROM disbursement) AS disbursements,
    (SELECT count(*) FROM development_plan) AS plans, (SELECT sum(version) FROM development_plan) AS plan_versions,
    (SELECT count(*) FROM plan_target) AS targets, (SELECT count(actual_value) + count(actual_amount) FROM plan_target) AS actuals`);
  return row;
}

async function expectRefused(query: string, input: Record<string, unknown>, code: string, field: string, reason?: string, message?: RegExp) {
  const before = await fingerprint();
  const res = await s.query(query, { input });
  const error = onlyError(res);
  expect(error.extensions).toMatchObject({ code, field, ...(reason ? { reason } : {}) });
  if (message) expect(error.message).toMatch(message);
  expect(await fingerprint()).toEqual(before);
  return error;
}

const ISSUE = `mutation($input: IssueLegalDocumentInput!) { issueLegalDocument(input: $input) { id number title supersedes { number } } }`;
const POLICY = `mutation($input: CreateSupportPolicyInput!) { createSupportPolicy(input: $input) { id code legalBasis { number } eligibleOrganizationKinds } }`;
const PROGRAMME = `mutation($input: CreateSupportProgrammeInput!) { createSupportProgramme(input: $input) { id code status budget funding { source plannedAmount } agency { code } } }`;
const BENEFICIARY = `mutation($input: RecordBeneficiaryInput!) { recordBeneficiary(input: $input) { id plannedAmount disbursedAmount remainingAmount adminUnitCode organization { __typename } } }`;
const DISBURSE = `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id plannedAmount disbursedAmount remainingAmount overPlanReason version disbursements { amount overrideReason } } }`;
const PLAN = `mutation($input: RecordDevelopmentPlanInput!) { recordDevelopmentPlan(input: $input) { id year version targets { indicator target targetAmount } } }`;
const ACTUALS = `mutation($input: RecordPlanActualsInput!) { recordPlanActuals(input: $input) { year version targets { indicator actual actualAmount achieved } } }`;

const active = (kind: string, unit: string) =>
  demoOrganizations()
    .filter((o) => o.kind === kind && o.adminUnitCode === unit && o.status === "ACTIVE")
    .map((o) => o.id);
const [COOP, COOP2] = active("COOPERATIVE", "444");
const GROUP = active("COOPERATIVE_GROUP", "444")[0];
const COOP_445 = active("COOPERATIVE", "445")[0];

describe("issueLegalDocument", () => {
  it("records a document in NFC and finds it without diacritics", async () => {
    const res = await s.query(ISSUE, {
      input: {
        number: "15/2025/QĐ-UBND".normalize("NFD"),
        type: "DECISION",
        title: "Quyết định quy định mức hỗ trợ phát triển hợp tác xã".normalize("NFD"),
        issuer: "UBND tỉnh Hà Tĩnh",
        issuedOn: "2025-03-10",
        effectiveOn: "2025-03-20",
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.issueLegalDocument.number).toBe("15/2025/QĐ-UBND".normalize("NFC"));
    const found = await s.query(`{ legalDocuments(filter: { search: "muc ho tro phat trien" }) { nodes { number } } }`);
    expect(found.data.legalDocuments.nodes).toEqual([{ number: "15/2025/QĐ-UBND" }]);
  });

  it.each([
    ["a number already recorded", { number: "17/2023/QH15" }, "CONFLICT", "input.number", "DUPLICATE_DOCUMENT_NUMBER"],
    ["effect before issue", { effectiveOn: "2025-01-01" }, "BAD_USER_INPUT", "input.effectiveOn", "EFFECTIVE_BEFORE_ISSUED"],
    ["a date of issue in the future", { issuedOn: "2999-01-01", effectiveOn: null }, "BAD_USER_INPUT", "input.issuedOn", "DATE_IN_FUTURE"],
    ["a too short title", { title: "QĐ" }, "BAD_USER_INPUT", "input.title", undefined],
  ])("refuses %s", async (_what, change, code, field, reason) => {
    await expectRefused(
      ISSUE,
      {
        number: "99/2025/QĐ-UBND",
        type: "DECISION",
        title: "Quyết định thử nghiệm",
        issuer: "UBND tỉnh Hà Tĩnh",
        issuedOn: "2025-02-01",
        effectiveOn: "2025-02-10",
        ...change,
      },
      code,
      field,
      reason,
    );
  });

  it("refuses to replace a document twice, across kinds or that does not exist", async () => {
    const base = { number: "99/2025/QH15", type: "LAW", title: "Luật thử nghiệm", issuer: "Quốc hội" };
    await expectRefused(
      ISSUE,
      { ...base, supersedesId: ids["23/2012/QH13"] },
      "CONFLICT",
      "input.supersedesId",
      "ALREADY_SUPERSEDED",
      /already replaced by 17\/2023\/QH15/u,
    );
    await expectRefused(ISSUE, { ...base, supersedesId: ids["77/2019/NĐ-CP"] }, "BAD_USER_INPUT", "input.supersedesId", "SUPERSEDED_TYPE_MISMATCH");
    await expectRefused(ISSUE, { ...base, supersedesId: "00000000-0000-5000-8000-000000000000" }, "NOT_FOUND", "input.supersedesId");
  });
});

describe("createSupportPolicy and createSupportProgramme", () => {
  it("creates a policy on its legal basis", async () => {
    const res = await s.query(POLICY, {
      input: {
        code: "CS-THU",
        name: "Hỗ trợ thử nghiệm",
        kind: "TRADE_PROMOTION_MARKET",
        legalBasisIds: [ids["17/2023/QH15"], ids["113/2024/NĐ-CP"]],
        eligibleOrganizationKinds: ["COOPERATIVE", "COOPERATIVE"],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createSupportPolicy).toMatchObject({ code: "CS-THU", eligibleOrganizationKinds: ["COOPERATIVE"] });
    expect(res.data.createSupportPolicy.legalBasis.map((d: any) => d.number)).toEqual(["113/2024/NĐ-CP", "17/2023/QH15"]);
  });

  it("refuses a superseded, missing or unknown legal basis and a duplicate code", async () => {
    const base = { code: "CS-THU2", name: "Hỗ trợ thử nghiệm 2", kind: "LAND", eligibleOrganizationKinds: ["COOPERATIVE"] };
    await expectRefused(
      POLICY,
      { ...base, legalBasisIds: [ids["17/2023/QH15"], ids["23/2012/QH13"]] },
      "BAD_USER_INPUT",
      "input.legalBasisIds.1",
      "SUPERSEDED_LEGAL_BASIS",
      /replaced by 17\/2023\/QH15/u,
    );
    await expectRefused(POLICY, { ...base, legalBasisIds: [] }, "BAD_USER_INPUT", "input.legalBasisIds");
    await expectRefused(POLICY, { ...base, legalBasisIds: ["00000000-0000-5000-8000-000000000000"] }, "NOT_FOUND", "input.legalBasisIds.0");
    await expectRefused(POLICY, { ...base, code: "CS-NNL", legalBasisIds: [ids["17/2023/QH15"]] }, "CONFLICT", "input.code", "DUPLICATE_CODE");
  });

  const programme = (over: Record<string, unknown> = {}) => ({
    code: "CT-2025-SO-CT-THU",
    name: "Chương trình xúc tiến thương mại thử nghiệm năm 2025",
    policyId: ids["CS-XTTM"],
    agencyId: ids["SO-CT"],
    startsOn: "2025-01-01",
    endsOn: "2025-12-31",
    funding: [
      { source: "PROVINCIAL", plannedAmount: "100000000" },
      { source: "OTHER", plannedAmount: "20000000" },
    ],
    ...over,
  });

  it("refuses an agency not responsible, a reversed period, a repeated or empty budget line and a district that no longer exists", async () => {
    await expectRefused(PROGRAMME, programme({ policyId: ids["CS-DD"] }), "BAD_USER_INPUT", "input.agencyId", "AGENCY_NOT_RESPONSIBLE");
    await expectRefused(PROGRAMME, programme({ endsOn: "2024-12-31" }), "BAD_USER_INPUT", "input.endsOn", "ENDS_BEFORE_START");
    await expectRefused(
      PROGRAMME,
      programme({
        funding: [
          { source: "OTHER", plannedAmount: "1" },
          { source: "OTHER", plannedAmount: "2" },
        ],
      }),
      "BAD_USER_INPUT",
      "input.funding.1.source",
      "DUPLICATE_FUNDING_SOURCE",
    );
    await expectRefused(
      PROGRAMME,
      programme({ funding: [{ source: "OTHER", plannedAmount: "0" }] }),
      "BAD_USER_INPUT",
      "input.funding.0.plannedAmount",
      "NON_POSITIVE_AMOUNT",
    );
    await expectRefused(PROGRAMME, programme({ funding: [] }), "BAD_USER_INPUT", "input.funding");
    await expectRefused(
      PROGRAMME,
      programme({ agencyId: ids["UBND-448"], policyId: ids["CS-DD"] }),
      "BAD_USER_INPUT",
      "input.endsOn",
      "ADMIN_UNIT_NOT_VALID_ON_DATE",
      /Lộc Hà/u,
    );
    await expectRefused(PROGRAMME, programme({ code: "CT-2024-SO-CT-CS-XTTM" }), "CONFLICT", "input.code", "DUPLICATE_CODE");
  });

  it("creates a programme with its budget lines", async () => {
    const res = await s.query(PROGRAMME, { input: programme() });
    expect(res.errors).toBeUndefined();
    expect(res.data.createSupportProgramme).toMatchObject({ status: "OPEN", budget: "120000000", agency: { code: "SO-CT" } });
    ids.programme = res.data.createSupportProgramme.id;
    const land = await s.query(PROGRAMME, {
      input: programme({
        code: "CT-2025-UBND-444-THU",
        policyId: ids["CS-DD"],
        agencyId: ids["UBND-444"],
        endsOn: "2025-06-30",
        funding: [{ source: "DISTRICT", plannedAmount: "50000000" }],
      }),
    });
    expect(land.errors).toBeUndefined();
    ids.landProgramme = land.data.createSupportProgramme.id;
  });
});

describe("recordBeneficiary", () => {
  const beneficiary = (over: Record<string, unknown> = {}) => ({
    programmeId: ids.programme,
    organizationId: COOP,
    organizationKind: "COOPERATIVE",
    adminUnitCode: "444",
    fundingSource: "PROVINCIAL",
    support: "Gian hàng tại hội chợ OCOP",
    plannedAmount: "40000000",
    approvedOn: "2025-02-01",
    ...over,
  });

  it("refuses each rule with the field at fault and writes nothing", async () => {
    await expectRefused(BENEFICIARY, beneficiary({ organizationId: "not-an-id" }), "BAD_USER_INPUT", "input.organizationId", "INVALID_ID");
    await expectRefused(BENEFICIARY, beneficiary({ programmeId: "00000000-0000-5000-8000-000000000000" }), "NOT_FOUND", "input.programmeId");
    await expectRefused(BENEFICIARY, beneficiary({ adminUnitCode: "999" }), "BAD_USER_INPUT", "input.adminUnitCode", "UNKNOWN_ADMIN_UNIT");
    await expectRefused(BENEFICIARY, beneficiary({ fundingSource: "CENTRAL" }), "BAD_USER_INPUT", "input.fundingSource", "FUNDING_SOURCE_NOT_IN_PROGRAMME");
    await expectRefused(
      BENEFICIARY,
      beneficiary({ plannedAmount: "100000001" }),
      "BAD_USER_INPUT",
      "input.plannedAmount",
      "BUDGET_LINE_EXCEEDED",
      /100\.000\.000 đ left/u,
    );
    await expectRefused(BENEFICIARY, beneficiary({ plannedAmount: "0" }), "BAD_USER_INPUT", "input.plannedAmount", "NON_POSITIVE_AMOUNT");
    await expectRefused(
      BENEFICIARY,
      beneficiary({ approvedOn: "2026-01-05", adminUnitCode: "18496" }),
      "BAD_USER_INPUT",
      "input.approvedOn",
      "DATE_OUTSIDE_PROGRAMME_PERIOD",
    );
    await expectRefused(BENEFICIARY, beneficiary({ managersTrained: 2 }), "BAD_USER_INPUT", "input.managersTrained", "NOT_A_TRAINING_PROGRAMME");
    await expectRefused(
      BENEFICIARY,
      beneficiary({ programmeId: ids.landProgramme, fundingSource: "DISTRICT", organizationId: GROUP, organizationKind: "COOPERATIVE_GROUP" }),
      "BAD_USER_INPUT",
      "input.organizationKind",
      "NOT_ELIGIBLE",
    );
    await expectRefused(
      BENEFICIARY,
      beneficiary({ programmeId: ids.landProgramme, fundingSource: "DISTRICT", organizationId: COOP_445, adminUnitCode: "445" }),
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      "OUTSIDE_PROGRAMME_AREA",
    );
    // What membership says of the organisation (every case, and the one look-up per write, through the gateway in tests/test).
    await expectRefused(
      BENEFICIARY,
      beneficiary({ organizationId: "00000000-0000-5000-8000-000000000000" }),
      "NOT_FOUND",
      "input.organizationId",
      "ORGANIZATION_NOT_FOUND",
    );
    await expectRefused(
      BENEFICIARY,
      beneficiary({ organizationKind: "COOPERATIVE_GROUP" }),
      "BAD_USER_INPUT",
      "input.organizationKind",
      "ORGANIZATION_KIND_MISMATCH",
    );
    await expectRefused(
      BENEFICIARY,
      beneficiary({ adminUnitCode: "445" }),
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      "ADMIN_UNIT_MISMATCH",
      /Huyện Hương Khê \(444\)/u,
    );
    const closed = await s.query(`{ supportProgrammes(first: 1, filter: { agency: "SO-CT", year: 2024 }) { nodes { id } } }`);
    await expectRefused(
      BENEFICIARY,
      beneficiary({ programmeId: closed.data.supportProgrammes.nodes[0].id, approvedOn: "2024-05-01" }),
      "BAD_USER_INPUT",
      "input.approvedOn",
      "PROGRAMME_CLOSED",
    );
  });

  it("approves support for an organisation once per programme", async () => {
    const res = await s.query(BENEFICIARY, { input: beneficiary() });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordBeneficiary).toMatchObject({
      plannedAmount: "40000000",
      disbursedAmount: "0",
      remainingAmount: "40000000",
      organization: { __typename: "Cooperative" },
    });
    ids.beneficiary = res.data.recordBeneficiary.id;
    await expectRefused(BENEFICIARY, beneficiary(), "CONFLICT", "input.organizationId", "ALREADY_BENEFICIARY");
    // What is left of the line now bounds the next allocation.
    await expectRefused(
      BENEFICIARY,
      beneficiary({ organizationId: COOP2, plannedAmount: "60000001" }),
      "BAD_USER_INPUT",
      "input.plannedAmount",
      "BUDGET_LINE_EXCEEDED",
    );
  });

  it("places the organisation by the unit in force on the approval date: district 444 after 2025-06-30 is refused naming its communes", async () => {
    const error = await expectRefused(
      BENEFICIARY,
      beneficiary({ approvedOn: "2025-08-01", organizationId: COOP2 }),
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      "ADMIN_UNIT_NOT_VALID_ON_DATE",
      /Huyện Hương Khê \(444\) no longer existed on 2025-08-01.*Xã Phúc Trạch \(18547, part\)/u,
    );
    expect((error.extensions!.details as { replacedBy: string[] }).replacedBy).toContain("18547");
    await expectRefused(
      BENEFICIARY,
      beneficiary({ approvedOn: "2025-02-01", organizationId: COOP2, adminUnitCode: "99999" }),
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      "UNKNOWN_ADMIN_UNIT",
    );
  });

  it("records the commune a commune code names, since the approval date, with the district before 2025-07-01 and today's commune", async () => {
    // A cooperative of Hương Khê whose mid-2024 commune was still the same unit on 2025-03-01.
    const org = demoOrganizations().find(
      (o) =>
        o.kind === "COOPERATIVE" &&
        o.adminUnitCode === "444" &&
        o.status === "ACTIVE" &&
        o.id !== COOP &&
        unitOn(o.communeCode, "2025-03-01")?.id === o.communeCode,
    )!;
    const res = await s.query(
      `mutation($input: RecordBeneficiaryInput!) { recordBeneficiary(input: $input) { adminUnitCode communeSince commune { id } communeOn { id } districtOn(asOf: "2025-03-01") { id } } }`,
      {
        input: beneficiary({
          organizationId: org.id,
          adminUnitCode: org.communeCode,
          fundingSource: "OTHER",
          plannedAmount: "1000000",
          approvedOn: "2025-03-01",
        }),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordBeneficiary).toMatchObject({
      adminUnitCode: "444",
      communeSince: "2025-03-01",
      commune: { id: org.communeCode },
      districtOn: { id: "444" },
    });
    const todayCode = communeCodeOn(org.communeCode, null, today());
    expect(res.data.recordBeneficiary.communeOn?.id.split("@")[0] ?? null).toBe(todayCode);
    const [row] = await s.service.dataSource.query(
      `SELECT commune_id, commune_since::text FROM support_beneficiary WHERE organization_id = $1 AND programme_id = $2`,
      [org.id, ids.programme],
    );
    expect(row).toEqual({ commune_id: org.communeCode, commune_since: "2025-03-01" });
  });

  it("takes a unit merged into another for the same unit: a Lộc Hà cooperative approved as in Thạch Hà", async () => {
    const res = await s.query(BENEFICIARY, {
      input: beneficiary({ organizationId: active("COOPERATIVE", "448")[0], adminUnitCode: "445", fundingSource: "OTHER", plannedAmount: "1000000" }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordBeneficiary.adminUnitCode).toBe("445");
    await expectRefused(
      BENEFICIARY,
      beneficiary({ organizationId: active("COOPERATIVE", "448")[1], adminUnitCode: "446", fundingSource: "OTHER" }),
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      "ADMIN_UNIT_MISMATCH",
    );
  });
});

describe("recordDisbursement", () => {
  const payment = (over: Record<string, unknown> = {}) => ({ beneficiaryId: ids.beneficiary, amount: "25000000", disbursedOn: "2025-04-01", ...over });

  it("pays part of the approved amount", async () => {
    const res = await s.query(DISBURSE, { input: payment() });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordDisbursement).toMatchObject({ disbursedAmount: "25000000", remainingAmount: "15000000", overPlanReason: null, version: 2 });
  });

  it("refuses to pay above the approved amount without an override, and says what is left", async () => {
    const error = await expectRefused(
      DISBURSE,
      payment({ amount: "15000001" }),
      "BAD_USER_INPUT",
      "input.amount",
      "DISBURSEMENT_EXCEEDS_PLANNED",
      /15\.000\.000 đ left/u,
    );
    expect(error.extensions!.details).toEqual({ planned: "40000000", disbursed: "25000000", remaining: "15000000" });
  });

  it.each([
    ["a zero payment", { amount: "0" }, "input.amount", "NON_POSITIVE_AMOUNT"],
    ["a payment before approval", { disbursedOn: "2025-01-15" }, "input.disbursedOn", "DISBURSED_BEFORE_APPROVAL"],
    ["a payment after the programme", { disbursedOn: "2026-01-02" }, "input.disbursedOn", "DATE_OUTSIDE_PROGRAMME_PERIOD"],
    ["a payment in the future", { disbursedOn: "2999-01-01" }, "input.disbursedOn", "DATE_IN_FUTURE"],
    [
      "an override that is not needed",
      { amount: "1000000", overrideReason: "Bổ sung theo quyết định điều chỉnh" },
      "input.overrideReason",
      "OVERRIDE_NOT_NEEDED",
    ],
    ["an override without a real reason", { amount: "99000000", overrideReason: "vì" }, "input.overrideReason", undefined],
  ])("refuses %s", async (_what, change, field, reason) => {
    await expectRefused(DISBURSE, payment(change), "BAD_USER_INPUT", field, reason);
  });

  it("refuses an unknown beneficiary and a closed programme", async () => {
    await expectRefused(DISBURSE, payment({ beneficiaryId: "00000000-0000-5000-8000-000000000000" }), "NOT_FOUND", "input.beneficiaryId");
    const [old] = await s.service.dataSource.query(
      `SELECT b.id, b.approved_on::text AS approved FROM support_beneficiary b JOIN support_programme p ON p.id = b.programme_id WHERE p.status = 'CLOSED' AND b.disbursed_amount < b.planned_amount LIMIT 1`,
    );
    await expectRefused(
      DISBURSE,
      payment({ beneficiaryId: old.id, amount: "1000000", disbursedOn: old.approved }),
      "BAD_USER_INPUT",
      "input.disbursedOn",
      "PROGRAMME_CLOSED",
    );
  });

  it("pays above the approved amount with an explicit override, and keeps the reason", async () => {
    const reason = "Bổ sung kinh phí theo Quyết định điều chỉnh dự toán của UBND tỉnh";
    const res = await s.query(DISBURSE, { input: payment({ amount: "20000000", disbursedOn: "2025-05-01", overrideReason: reason }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordDisbursement).toMatchObject({ disbursedAmount: "45000000", remainingAmount: "0", overPlanReason: reason });
    expect(res.data.recordDisbursement.disbursements).toEqual([
      { amount: "25000000", overrideReason: null },
      { amount: "20000000", overrideReason: reason },
    ]);
  });

  it("is backed by the database: disbursed above planned needs a reason", async () => {
    await expect(
      s.service.dataSource.query(
        `UPDATE support_beneficiary SET disbursed_amount = planned_amount + 1, over_plan_reason = NULL WHERE id <> $1 AND id IN (SELECT id FROM support_beneficiary LIMIT 1)`,
        [ids.beneficiary],
      ),
    ).rejects.toThrow(/check constraint/u);
  });
});

describe("development plans", () => {
  it("records a plan on a PLAN document and its results, versioned", async () => {
    const doc = await s.query(ISSUE, {
      input: { number: "KH-KTTT-2026/UBND", type: "PLAN", title: "Kế hoạch phát triển kinh tế tập thể năm 2026", issuer: "UBND tỉnh Hà Tĩnh" },
    });
    ids.plan2026 = doc.data.issueLegalDocument.id;
    const input = {
      year: 2026,
      documentId: ids.plan2026,
      title: "Kế hoạch phát triển KTTT năm 2026",
      targets: [
        { indicator: "NEW_COOPERATIVES", value: 30 },
        { indicator: "AVERAGE_WORKER_INCOME", amount: "4800000" },
      ],
    };
    const res = await s.query(PLAN, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordDevelopmentPlan.targets).toEqual([
      { indicator: "AVERAGE_WORKER_INCOME", target: null, targetAmount: "4800000" },
      { indicator: "NEW_COOPERATIVES", target: 30, targetAmount: null },
    ]);
    const actuals = await s.query(ACTUALS, { input: { year: 2026, version: 1, actuals: [{ indicator: "NEW_COOPERATIVES", value: 31 }] } });
    expect(actuals.errors).toBeUndefined();
    expect(actuals.data.recordPlanActuals.version).toBe(2);
    expect(actuals.data.recordPlanActuals.targets.find((t: any) => t.indicator === "NEW_COOPERATIVES")).toMatchObject({ actual: 31, achieved: true });
  });

  it("refuses bad plans and results with the field at fault", async () => {
    const plan = (over: Record<string, unknown>) => ({
      year: 2027,
      documentId: ids.plan2026,
      title: "Kế hoạch 2027",
      targets: [{ indicator: "NEW_COOPERATIVES", value: 30 }],
      ...over,
    });
    await expectRefused(PLAN, plan({ year: 2024, documentId: ids["KH-KTTT-2024/UBND"] }), "CONFLICT", "input.year", "PLAN_EXISTS");
    await expectRefused(PLAN, plan({ documentId: ids["17/2023/QH15"] }), "BAD_USER_INPUT", "input.documentId", "DOCUMENT_NOT_A_PLAN");
    await expectRefused(PLAN, plan({}), "CONFLICT", "input.documentId", "DOCUMENT_ALREADY_USED");
    const fresh = await s.query(ISSUE, {
      input: { number: "KH-KTTT-2027/UBND", type: "PLAN", title: "Kế hoạch phát triển kinh tế tập thể năm 2027", issuer: "UBND tỉnh Hà Tĩnh" },
    });
    const documentId = fresh.data.issueLegalDocument.id;
    await expectRefused(
      PLAN,
      plan({ documentId, targets: [{ indicator: "GOOD_OR_FAIR_SHARE", value: 120 }] }),
      "BAD_USER_INPUT",
      "input.targets.0.value",
      "PERCENT_OUT_OF_RANGE",
    );
    await expectRefused(
      PLAN,
      plan({ documentId, targets: [{ indicator: "AVERAGE_WORKER_INCOME", value: 5 }] }),
      "BAD_USER_INPUT",
      "input.targets.0.value",
      "AMOUNT_REQUIRED",
    );
    await expectRefused(
      PLAN,
      plan({ documentId, targets: [{ indicator: "OCOP_PRODUCTS", value: 2.5 }] }),
      "BAD_USER_INPUT",
      "input.targets.0.value",
      "COUNT_NOT_WHOLE",
    );
    await expectRefused(
      PLAN,
      plan({
        documentId,
        targets: [
          { indicator: "OCOP_PRODUCTS", value: 1 },
          { indicator: "OCOP_PRODUCTS", value: 2 },
        ],
      }),
      "BAD_USER_INPUT",
      "input.targets.1.indicator",
      "DUPLICATE_INDICATOR",
    );
    await expectRefused(
      ACTUALS,
      { year: 2026, version: 1, actuals: [{ indicator: "NEW_COOPERATIVES", value: 1 }] },
      "CONFLICT",
      "input.version",
      "STALE_VERSION",
    );
    await expectRefused(
      ACTUALS,
      { year: 2026, version: 2, actuals: [{ indicator: "OCOP_PRODUCTS", value: 1 }] },
      "BAD_USER_INPUT",
      "input.actuals.0.indicator",
      "INDICATOR_NOT_IN_PLAN",
    );
    await expectRefused(ACTUALS, { year: 2031, version: 1, actuals: [{ indicator: "OCOP_PRODUCTS", value: 1 }] }, "NOT_FOUND", "input.year");
  });
});
