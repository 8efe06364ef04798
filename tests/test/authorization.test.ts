/**
 * Who may see and change what, through the real gateway with every subgraph: the role × operation
 * matrix of the README, cell by cell; personal data of members; and the gateway's proof that each
 * subgraph checks for itself.
 */
import {
  DEVELOPMENT_GATEWAY_SECRET,
  GATEWAY_PROOF_HEADER,
  GATEWAY_SECRET_HEADER,
  issueToken,
  loadSigningKeys,
  newSigningKey,
  Role,
  today,
  type Principal,
} from "@kttt/core";
import { communeCodeOn, OCOP_SUBGROUPS, versionsOf } from "@kttt/reference";
import { ANONYMOUS_HEADERS, as, graphql, proofFor, testSigningKeys, tokenFor } from "@kttt/testkit";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
beforeAll(async () => {
  // The cells read whole pages across subgraphs; on a loaded 2-core machine a page can take longer than the
  // gateway's 10 s limit, and a missing part would be taken for a refusal. Timeouts have their own tests.
  graph = await startTestGraph({ SUBGRAPH_TIMEOUT_MS: "30000" });
}, 60_000);
afterAll(() => graph?.stop());

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  subject: `test-${role.toLowerCase()}`,
  role,
  department: null,
  adminUnitCode: null,
  name: null,
  ...extra,
});
const CALLERS: Record<string, Principal | null> = {
  admin: principal(Role.ALLIANCE_ADMIN),
  staff: principal(Role.ALLIANCE_STAFF),
  agriculture: principal(Role.DEPARTMENT, { department: "SO_NN" }),
  industryTrade: principal(Role.DEPARTMENT, { department: "SO_CT" }),
  finance: principal(Role.DEPARTMENT, { department: "SO_TC" }),
  planning: principal(Role.DEPARTMENT, { department: "SO_KHDT" }),
  // Two communes of today's map with many demo organisations: xã Hương Xuân (formerly in Hương Khê, 444) and phường Thành Sen (formerly in the city, 436).
  commune18544: principal(Role.COMMUNE, { adminUnitCode: "18544" }),
  commune18073: principal(Role.COMMUNE, { adminUnitCode: "18073" }),
  public: null,
};
const headersFor = async (caller: string) => (CALLERS[caller] ? as(CALLERS[caller]) : ANONYMOUS_HEADERS);
const UNKNOWN = "00000000-0000-5000-8000-000000000000";

/** Every mutation, sent with input that fails on the merits once authorised, so nothing is written either way. */
/** `opens`: the write takes no input to refuse (it opens an import session): an allowed caller gets its id, and the session is rolled back at once. */
const WRITES: Record<string, { query: string; variables: Record<string, unknown>; allowed: string[]; opens?: true }> = {
  registerOrganization: {
    query: `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
    variables: {
      input: {
        kind: "COOPERATIVE",
        name: "Hợp tác xã Kiểm tra Quyền",
        registrationNumber: "3099999999",
        adminUnitCode: "999",
        sector: "AGRICULTURE",
        establishedOn: "2024-01-02",
        status: "SUSPENDED",
      },
    },
    allowed: ["admin", "staff"],
  },
  registerOcopProduct: {
    query: `mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id } }`,
    variables: {
      input: {
        name: "Sản phẩm Kiểm tra Quyền",
        group: "FOOD",
        subgroup: OCOP_SUBGROUPS.FOOD[0],
        adminUnitCode: "444",
        registeredOn: "2024-01-02",
        owner: { localOwnerId: UNKNOWN },
      },
    },
    allowed: ["admin", "staff", "agriculture"],
  },
  createTradeEvent: {
    query: `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`,
    variables: {
      input: {
        name: "Hội chợ Kiểm tra Quyền",
        type: "FAIR",
        format: "IN_PERSON",
        scope: "PROVINCIAL",
        organiser: "Liên minh HTX tỉnh",
        place: "Thành phố Hà Tĩnh",
        adminUnitCode: "436",
        startsOn: "2024-05-10",
        endsOn: "2024-05-01",
      },
    },
    allowed: ["admin", "staff", "industryTrade"],
  },
  issueLegalDocument: {
    query: `mutation($input: IssueLegalDocumentInput!) { issueLegalDocument(input: $input) { id } }`,
    variables: {
      input: {
        number: "999/KH-UBND",
        type: "PLAN",
        title: "Kế hoạch kiểm tra quyền",
        issuer: "UBND tỉnh Hà Tĩnh",
        issuedOn: "2024-01-02",
        supersedesId: UNKNOWN,
      },
    },
    allowed: ["admin", "staff", "planning"],
  },
  recordDisbursement: {
    query: `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id } }`,
    variables: { input: { beneficiaryId: UNKNOWN, amount: "1000000", disbursedOn: "2024-03-01" } },
    allowed: ["admin", "finance"],
  },
  updateOrganization: {
    query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { __typename } }`,
    variables: { input: { id: UNKNOWN, version: 1, name: "Hợp tác xã Kiểm tra Quyền" } },
    allowed: ["admin", "staff"],
  },
  recordFinancialReport: {
    query: `mutation($input: RecordFinancialReportInput!) { recordFinancialReport(input: $input) { __typename } }`,
    variables: {
      input: {
        organizationId: UNKNOWN,
        year: 2023,
        charterCapital: "0",
        revenue: "0",
        profit: "0",
        regularWorkers: 0,
        averageMonthlyIncome: "0",
        managersTotal: 0,
        managersTrained: 0,
        itReadiness: "NONE",
      },
    },
    allowed: ["admin", "staff"],
  },
  recordClassification: {
    query: `mutation($input: RecordClassificationInput!) { recordClassification(input: $input) { __typename } }`,
    variables: { input: { organizationId: UNKNOWN, year: 2023, assessedOn: "2024-03-01", rating: "GOOD", score: 80 } },
    allowed: ["admin", "staff"],
  },
  addMember: {
    query: `mutation($input: AddMemberInput!) { addMember(input: $input) { __typename } }`,
    variables: {
      input: {
        organizationId: UNKNOWN,
        kind: "INDIVIDUAL",
        membershipType: "OFFICIAL",
        fullName: "Nguyễn Văn Quyền",
        capitalContributed: "0",
        joinedOn: "2024-01-02",
      },
    },
    allowed: ["admin", "staff"],
  },
  endMembership: {
    query: `mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`,
    variables: { input: { memberId: UNKNOWN, version: 1, leftOn: "2024-01-02" } },
    allowed: ["admin", "staff"],
  },
  dissolveOrganization: {
    query: `mutation($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { __typename } }`,
    variables: { input: { id: UNKNOWN, version: 1, dissolvedOn: "2024-01-02" } },
    allowed: ["admin", "staff"],
  },
  certifyOcopProduct: {
    query: `mutation($input: CertifyOcopProductInput!) { certifyOcopProduct(input: $input) { __typename } }`,
    variables: { input: { productId: UNKNOWN, scoreA: 25, scoreB: 15, scoreC: 20, stars: 3, decisionNumber: "1234/QĐ-UBND", decidedOn: "2024-03-01" } },
    allowed: ["admin", "staff", "agriculture"],
  },
  reassessOcopProduct: {
    query: `mutation($input: ReassessOcopProductInput!) { reassessOcopProduct(input: $input) { __typename } }`,
    variables: { input: { productId: UNKNOWN, scoreA: 25, scoreB: 15, scoreC: 20, stars: 3, decisionNumber: "1234/QĐ-UBND", decidedOn: "2024-03-01" } },
    allowed: ["admin", "staff", "agriculture"],
  },
  revokeOcopCertification: {
    query: `mutation($input: RevokeOcopCertificationInput!) { revokeOcopCertification(input: $input) { __typename } }`,
    variables: { input: { productId: UNKNOWN, revokedOn: "2024-06-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "77/QĐ-UBND" } },
    allowed: ["admin", "staff", "agriculture"],
  },
  createSupportPolicy: {
    query: `mutation($input: CreateSupportPolicyInput!) { createSupportPolicy(input: $input) { __typename } }`,
    variables: {
      input: {
        code: "KIEM-TRA-QUYEN",
        name: "Chính sách kiểm tra quyền",
        kind: "HUMAN_RESOURCES",
        legalBasisIds: [UNKNOWN],
        eligibleOrganizationKinds: ["COOPERATIVE"],
      },
    },
    allowed: ["admin", "staff", "planning"],
  },
  createSupportProgramme: {
    query: `mutation($input: CreateSupportProgrammeInput!) { createSupportProgramme(input: $input) { __typename } }`,
    variables: {
      input: {
        code: "KIEM-TRA-QUYEN",
        name: "Chương trình kiểm tra quyền",
        policyId: UNKNOWN,
        agencyId: UNKNOWN,
        startsOn: "2024-01-01",
        endsOn: "2024-12-31",
        funding: [{ source: "PROVINCIAL", plannedAmount: "1000000" }],
      },
    },
    allowed: ["admin", "staff", "planning"],
  },
  recordBeneficiary: {
    query: `mutation($input: RecordBeneficiaryInput!) { recordBeneficiary(input: $input) { __typename } }`,
    variables: {
      input: {
        programmeId: UNKNOWN,
        organizationId: UNKNOWN,
        organizationKind: "COOPERATIVE",
        adminUnitCode: "444",
        fundingSource: "PROVINCIAL",
        support: "Đào tạo cán bộ quản lý",
        plannedAmount: "1000000",
        approvedOn: "2024-03-01",
      },
    },
    allowed: ["admin", "finance"],
  },
  recordDevelopmentPlan: {
    query: `mutation($input: RecordDevelopmentPlanInput!) { recordDevelopmentPlan(input: $input) { __typename } }`,
    variables: { input: { year: 2031, documentId: UNKNOWN, title: "Kế hoạch kiểm tra quyền", targets: [{ indicator: "NEW_COOPERATIVES", value: 10 }] } },
    allowed: ["admin", "staff", "planning"],
  },
  recordPlanActuals: {
    query: `mutation($input: RecordPlanActualsInput!) { recordPlanActuals(input: $input) { __typename } }`,
    variables: { input: { year: 2031, version: 1, actuals: [{ indicator: "NEW_COOPERATIVES", value: 10 }] } },
    allowed: ["admin", "staff", "planning"],
  },
  updateTradeEvent: {
    query: `mutation($input: UpdateTradeEventInput!) { updateTradeEvent(input: $input) { __typename } }`,
    variables: { input: { id: UNKNOWN, version: 1, name: "Hội chợ Kiểm tra Quyền" } },
    allowed: ["admin", "staff", "industryTrade"],
  },
  registerTradeParticipation: {
    query: `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { __typename } }`,
    variables: { input: { eventId: UNKNOWN, participant: { kind: "COOPERATIVE", id: UNKNOWN }, adminUnitCode: "444" } },
    allowed: ["admin", "staff", "industryTrade"],
  },
  updateTradeParticipation: {
    query: `mutation($input: UpdateTradeParticipationInput!) { updateTradeParticipation(input: $input) { __typename } }`,
    variables: { input: { id: UNKNOWN, version: 1, booths: 1 } },
    allowed: ["admin", "staff", "industryTrade"],
  },
  recordEcommerceListing: {
    query: `mutation($input: RecordEcommerceListingInput!) { recordEcommerceListing(input: $input) { __typename } }`,
    variables: {
      input: {
        owner: { kind: "COOPERATIVE", id: UNKNOWN },
        adminUnitCode: "444",
        platform: "POSTMART",
        productName: "Cam Khe Kiểm tra",
        listedOn: "2024-01-02",
      },
    },
    allowed: ["admin", "staff", "industryTrade"],
  },
  importOrganizations: {
    // One row more than a call takes: refused on its merits, before anything is read or written.
    query: `mutation($rows: [OrganizationImportRow!]!) { importOrganizations(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({
        kind: "COOPERATIVE",
        name: "Hợp tác xã Kiểm tra Quyền",
        adminUnit: "444",
        sector: "AGRICULTURE",
        establishedOn: "2024-01-02",
      })),
    },
    allowed: ["admin", "staff"],
  },
  startMembershipImport: {
    query: `mutation { startMembershipImport { id } }`,
    variables: {},
    allowed: ["admin", "staff"],
    opens: true,
  },
  finishMembershipImport: {
    query: `mutation($session: ID!) { finishMembershipImport(session: $session, commit: false) { id } }`,
    variables: { session: UNKNOWN },
    allowed: ["admin", "staff"],
  },
  importMembers: {
    query: `mutation($rows: [MemberImportRow!]!) { importMembers(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({
        organization: "3001234567",
        fullName: "Người Kiểm tra Quyền",
        membershipType: "OFFICIAL",
        joinedOn: "2024-01-02",
      })),
    },
    allowed: ["admin", "staff"],
  },
  importFinancialReports: {
    query: `mutation($rows: [FinancialReportImportRow!]!) { importFinancialReports(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({
        organization: "3001234567",
        year: 2024,
        charterCapital: "1",
        revenue: "1",
        profit: "0",
        regularWorkers: 0,
        averageMonthlyIncome: "0",
        managersTotal: 0,
        managersTrained: 0,
        itReadiness: "NONE",
      })),
    },
    allowed: ["admin", "staff"],
  },
  importClassifications: {
    query: `mutation($rows: [ClassificationImportRow!]!) { importClassifications(rows: $rows, dryRun: true) { written } }`,
    variables: { rows: Array.from({ length: 5001 }, () => ({ organization: "3001234567", year: 2024, score: 70, rating: "FAIR" })) },
    allowed: ["admin", "staff"],
  },
  importOcopProducts: {
    // One row more than a call takes: refused on its merits, before anything is read or written.
    query: `mutation($rows: [OcopProductImportRow!]!) { importOcopProducts(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({
        name: "Mật ong",
        group: "FOOD",
        subgroup: "Gia vị",
        adminUnit: "444",
        registeredOn: "2024-01-02",
        ownerType: "ENTERPRISE",
        ownerName: "Cty X",
      })),
    },
    allowed: ["admin", "staff", "agriculture"],
  },
  importTradeParticipations: {
    // One row more than a call takes: refused on its merits, before anything is read or written.
    query: `mutation($rows: [TradeParticipationImportRow!]!) { importTradeParticipations(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({ eventName: "Hội chợ", participantKind: "COOPERATIVE", participantName: "HTX A", adminUnit: "444" })),
    },
    allowed: ["admin", "staff", "industryTrade"],
  },
  importBeneficiaries: {
    // One row more than a call takes: refused on its merits, before anything is read or written.
    query: `mutation($rows: [BeneficiaryImportRow!]!) { importBeneficiaries(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({
        programmeCode: "C",
        organizationKind: "COOPERATIVE",
        organizationName: "H",
        adminUnit: "444",
        fundingSource: "OTHER",
        support: "a",
        plannedAmount: "1",
        approvedOn: "2024-01-02",
      })),
    },
    allowed: ["admin", "finance"],
  },
  importDisbursements: {
    query: `mutation($rows: [DisbursementImportRow!]!) { importDisbursements(rows: $rows, dryRun: true) { written } }`,
    variables: {
      rows: Array.from({ length: 5001 }, () => ({
        programmeCode: "CT",
        organizationKind: "COOPERATIVE",
        organizationName: "HTX A",
        amount: "1",
        disbursedOn: "2024-01-02",
      })),
    },
    allowed: ["admin", "finance"],
  },
  recordSupplyDemandLink: {
    query: `mutation($input: RecordSupplyDemandLinkInput!) { recordSupplyDemandLink(input: $input) { __typename } }`,
    variables: {
      input: {
        seller: { kind: "COOPERATIVE", id: UNKNOWN },
        adminUnitCode: "444",
        buyer: "Công ty Kiểm tra Quyền",
        productName: "Cam Khe Kiểm tra",
        volume: 1,
        volumeUnit: "tấn",
        value: "1000000",
        agreedOn: "2024-01-02",
      },
    },
    allowed: ["admin", "staff", "industryTrade"],
  },
};

describe("role × operation", () => {
  it("covers every mutation of the supergraph", async () => {
    const res = await graphql(
      graph.gateway.url,
      `
        {
          __schema {
            mutationType {
              fields {
                name
              }
            }
          }
        }
      `,
    );
    expect(Object.keys(WRITES).sort()).toEqual(res.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort());
  });

  const cells = Object.entries(WRITES).flatMap(([operation, write]) =>
    Object.keys(CALLERS).map((caller) => [operation, caller, write.allowed.includes(caller)] as const),
  );

  it.each(cells)("%s by %s: allowed %s", async (operation, caller, allowed) => {
    const write = WRITES[operation];
    const res = await graphql(graph.gateway.url, write.query, write.variables, await headersFor(caller));
    const code = res.errors?.[0]?.extensions?.code;
    if (allowed && write.opens) {
      expect(res.errors).toBeUndefined();
      const session = res.data[operation].id;
      const rolledBack = await graphql(
        graph.gateway.url,
        `
          mutation ($session: ID!) {
            finishMembershipImport(session: $session, commit: false) {
              state
            }
          }
        `,
        { session },
        await headersFor(caller),
      );
      expect(rolledBack.errors).toBeUndefined();
      return;
    }
    expect(res.data?.[operation] ?? null).toBeNull();
    if (allowed) expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(code);
    else expect(code).toBe(caller === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
  });
});

/** Who may read what (README, "Access"): callers allowed to read, "commune" meaning a commune for records that lie in it today. */
const EVERYONE = Object.keys(CALLERS);
const SIGNED_IN_CALLERS = EVERYONE.filter((c) => c !== "public");
const AREA_READERS: Record<string, string[]> = {
  membership: ["admin", "staff", "planning", "commune"],
  ocop: ["admin", "staff", "agriculture", "commune"],
  trade: ["admin", "staff", "industryTrade", "commune"],
  support: ["admin", "staff", "finance", "planning", "commune"],
};
/** The commune a caller speaks for, or null. */
const communeOfCaller = (caller: string) => (caller.startsWith("commune") ? caller.slice("commune".length) : null);
/** Whether `caller` may read a detail of `area` about a record that lies in `commune` today (null: in none). */
const mayReadDetail = (caller: string, area: string, commune: string | null) =>
  communeOfCaller(caller) !== null
    ? AREA_READERS[area].includes("commune") && commune !== null && commune === communeOfCaller(caller)
    : AREA_READERS[area].includes(caller);

/**
 * Where an organisation lies today, by the contract every place-bound record keeps (README, "Access"): its
 * recorded commune version and address, followed to today's map. Its `communeOn` answers the same where
 * the commune was not split, which the test checks too.
 */
function organisationCommuneToday(row: Record<string, any>): string | null {
  const recorded = row.commune ? versionsOf(row.commune.code).find((v) => v.validFrom === row.commune.validFrom) : undefined;
  const code = communeCodeOn(recorded?.id ?? null, row.address as string | null, today());
  if (row.communeOn) expect(row.communeOn.code).toBe(code);
  return code;
}
/** Records that carry no commune yet (trade events, supply-demand links): the COMMUNE rule matches none of them. Participations, beneficiaries and OCOP owners say where they lie by `communeOn`. */
const NO_COMMUNE_YET = () => null;

type GraphqlError = { path?: (string | number)[]; extensions?: { code?: string } };
const refusal = (caller: string) => (caller === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
const errorAt = (errors: GraphqlError[] | undefined, path: (string | number)[]) => errors?.find((e) => e.path?.join(".") === path.join("."));

/** Whole operations: readable by `allowed`, refused for the rest at the root field. */
const ROOT_READS: Record<string, { query: string; allowed: string[] }> = {
  ocopProducts: {
    query: `{ ocopProducts(first: 3) { totalCount nodes { name stars owner { __typename ... on Cooperative { name } ... on CooperativeGroup { name } ... on OcopLocalOwner { name } } currentCertification { score decisionNumber validUntil } } } }`,
    allowed: EVERYONE,
  },
  tradeEvents: {
    query: `{ tradeEvents(first: 3) { nodes { name startsOn participations(first: 3) { nodes { booths participant { __typename } } } } } }`,
    allowed: EVERYONE,
  },
  legalDocuments: { query: `{ legalDocuments(first: 3) { nodes { number title } } }`, allowed: EVERYONE },
  supportPolicies: { query: `{ supportPolicies(first: 3) { nodes { name legalBasis { number } } } }`, allowed: EVERYONE },
  adminUnits: { query: `{ adminUnits { code name } }`, allowed: EVERYONE },
  cooperatives: { query: `{ cooperatives(first: 2) { totalCount nodes { name adminUnitCode } } }`, allowed: SIGNED_IN_CALLERS },
  membershipStatistics: { query: `{ membershipStatistics(year: 2024) { total { cooperativeCount revenue { total } } } }`, allowed: SIGNED_IN_CALLERS },
  ocopStatistics: { query: `{ ocopStatistics(asOf: "2024-07-15") { total { activeProducts } } }`, allowed: SIGNED_IN_CALLERS },
  tradePromotionStatistics: { query: `{ tradePromotionStatistics(year: 2023) { total { events sales } } }`, allowed: SIGNED_IN_CALLERS },
  policySupportStatistics: { query: `{ policySupportStatistics(year: 2024) { total { planned disbursed } } }`, allowed: SIGNED_IN_CALLERS },
  collectiveEconomy: {
    query: `{ collectiveEconomy(period: { year: 2024, half: H1, asOf: "2024-07-15" }) { membership { cooperativeCount } ocop { activeProducts } } }`,
    allowed: SIGNED_IN_CALLERS,
  },
  developmentPlan: { query: `{ developmentPlan(year: 2024) { title targets { indicator target actual } } }`, allowed: SIGNED_IN_CALLERS },
  supplyDemandLinks: { query: `{ supplyDemandLinks(first: 3) { nodes { productName } } }`, allowed: SIGNED_IN_CALLERS },
  ocopOwnerReferenceCheck: { query: `{ ocopOwnerReferenceCheck { checkedReferences } }`, allowed: ["admin", "staff"] },
  membershipAuditTrail: { query: `{ membershipAuditTrail(first: 1) { operation } }`, allowed: ["admin"] },
};

describe("role × read", () => {
  const cells = Object.entries(ROOT_READS).flatMap(([field, read]) =>
    Object.keys(CALLERS).map((caller) => [field, caller, read.allowed.includes(caller)] as const),
  );

  it.each(cells)("%s by %s: allowed %s", async (field, caller, allowed) => {
    const res = await graphql(graph.gateway.url, ROOT_READS[field].query, undefined, await headersFor(caller));
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data[field]).not.toBeNull();
    } else {
      expect(res.data?.[field] ?? null).toBeNull();
      expect(errorAt(res.errors, [field])?.extensions?.code).toBe(refusal(caller));
    }
  });
});

/**
 * Details, record by record: every row is checked against the rule for where it lies, so a commune sees
 * its own organisations' details and not the others'. `rows` walks the answer to the records.
 */
const DETAIL_READS: Record<
  string,
  { query: string; area: string; rows: string[]; fields: string[]; containers?: string[]; communeOf?: (row: Record<string, any>) => string | null }
> = {
  "organisation details": {
    query: `fragment details on Cooperative { adminUnitCode address commune { code validFrom } communeOn { code } financialReports { year revenue } financialReport(year: 2024) { profit } classifications { rating } classification(year: 2024) { rating } allianceMembership { joinedOn } members(first: 2) { totalCount } }
            { a: cooperatives(first: 3, filter: { adminUnitCode: "18544" }) { nodes { ...details } }
              b: cooperatives(first: 3, filter: { adminUnitCode: "18073" }) { nodes { ...details } }
              c: cooperatives(first: 3, filter: { adminUnitCode: "444" }) { nodes { ...details } } }`,
    area: "membership",
    rows: ["*", "nodes", "*"],
    fields: ["financialReports", "financialReport", "classifications", "classification", "allianceMembership", "members"],
    containers: ["a", "b", "c"],
    communeOf: organisationCommuneToday,
  },
  "trade results": {
    query: `{ tradeEvents(first: 13) { nodes { participations(first: 100) { nodes { adminUnitCode communeOn { code } salesAmount contractCount contractValue mouCount mouValue note } } } } }`,
    area: "trade",
    rows: ["tradeEvents", "nodes", "*", "participations", "nodes", "*"],
    fields: ["salesAmount", "contractCount", "contractValue", "mouCount", "mouValue", "note"],
    communeOf: (row) => row.communeOn?.code ?? null,
  },
  "event budgets": {
    query: `{ tradeEvents(first: 13) { nodes { adminUnitCode communeOn { code } budget fundingProgrammeId fundingProgramme { code name } } } }`,
    area: "trade",
    rows: ["tradeEvents", "nodes", "*"],
    fields: ["budget", "fundingProgrammeId", "fundingProgramme"],
    // Events held in a commune lie in it (issue 13): today's commune, as the event's `communeCodeToday` decides.
    communeOf: (row) => row.communeOn?.code ?? null,
  },
  "supply-demand links": {
    query: `{ supplyDemandLinks(first: 100) { nodes { adminUnitCode communeOn { code } productName buyer volume volumeUnit value } } }`,
    area: "trade",
    rows: ["supplyDemandLinks", "nodes", "*"],
    fields: ["buyer", "volume", "volumeUnit", "value"],
    containers: ["supplyDemandLinks"],
    // Links' sellers lie in communes (issue 13): today's commune, as the link's `communeCodeToday` decides.
    communeOf: (row) => row.communeOn?.code ?? null,
  },
  "support to beneficiaries": {
    query: `{ supportProgrammes(first: 20) { nodes { name beneficiaries(first: 10) { nodes { adminUnitCode communeOn { code } approvedOn support plannedAmount disbursedAmount remainingAmount managersTrained overPlanReason disbursements { amount } } } } } }`,
    area: "support",
    rows: ["supportProgrammes", "nodes", "*", "beneficiaries", "nodes", "*"],
    fields: ["support", "plannedAmount", "disbursedAmount", "remainingAmount", "managersTrained", "overPlanReason", "disbursements"],
    communeOf: (row) => row.communeOn?.code ?? null,
    containers: ["beneficiaries"],
  },
  "OCOP owners' representatives": {
    query: `{ ocopProducts(first: 100, filter: { ownerType: HOUSEHOLD_BUSINESS }) { nodes { owner { ... on OcopLocalOwner { adminUnitCode name communeOn { code } representative } } } } }`,
    area: "ocop",
    rows: ["ocopProducts", "nodes", "*", "owner"],
    fields: ["representative"],
    // OCOP owners lie in communes (issue 13): today's commune, as `communeCodeToday` decides (no demo owner lies in a split commune).
    communeOf: (row) => row.communeOn?.code ?? null,
  },
};

/** The records at `pattern` ("*" = every key or index), with their paths. */
function rowsAt(value: unknown, pattern: string[], path: (string | number)[] = []): { path: (string | number)[]; row: Record<string, unknown> }[] {
  if (value === null || value === undefined) return [];
  if (pattern.length === 0) return [{ path, row: value as Record<string, unknown> }];
  const [head, ...rest] = pattern;
  const entries: [string | number, unknown][] =
    head === "*" ? (Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)) : [[head, (value as Record<string, unknown>)[head]]];
  return entries.flatMap(([key, child]) => rowsAt(child, rest, [...path, key]));
}

describe("details by field and by commune", () => {
  const cells = Object.keys(DETAIL_READS).flatMap((name) => Object.keys(CALLERS).map((caller) => [name, caller] as const));

  it.each(cells)("%s read by %s", async (name, caller) => {
    const read = DETAIL_READS[name];
    const res = await graphql(graph.gateway.url, read.query, undefined, await headersFor(caller));
    if (caller === "public" && read.containers) {
      // The whole list is for signed-in callers.
      const refused = (res.errors ?? []).filter((e: GraphqlError) => read.containers!.includes(String(e.path?.[e.path.length - 1])));
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((e: GraphqlError) => e.extensions?.code === "UNAUTHENTICATED")).toBe(true);
      return;
    }
    const rows = rowsAt(res.data, read.rows).filter((r) => r.row && "adminUnitCode" in r.row);
    const communeOf = read.communeOf ?? NO_COMMUNE_YET;
    const units = new Set(rows.map((r) => r.row.adminUnitCode));
    expect(units.size).toBeGreaterThan(1);
    if (read.communeOf && read.area === "membership") {
      // The sample must hold records of each test commune and of others, or the commune cells would prove nothing.
      const communes = rows.map((r) => communeOf(r.row));
      for (const caller of Object.keys(CALLERS).filter((c) => communeOfCaller(c))) expect(communes).toContain(communeOfCaller(caller));
      expect(communes.some((c) => !Object.keys(CALLERS).some((caller) => communeOfCaller(caller) === c))).toBe(true);
    }
    for (const { path, row } of rows) {
      const allowed = mayReadDetail(caller, read.area, communeOf(row));
      for (const field of read.fields) {
        const error = errorAt(res.errors, [...path, field]);
        expect({ at: [...path, field].join("."), unit: row.adminUnitCode, code: error?.extensions?.code ?? null }).toEqual({
          at: [...path, field].join("."),
          unit: row.adminUnitCode,
          code: allowed ? null : refusal(caller),
        });
        if (!allowed) expect(row[field]).toBeNull();
      }
    }
    // Nothing else was refused: identity fields of the same records stay readable.
    const other = (res.errors ?? []).filter((e: GraphqlError) => !read.fields.includes(String(e.path?.[e.path.length - 1])));
    expect(other).toEqual([]);
  });
});

describe("the events a programme funded: the same fact as an event's funding programme, read from the programme", () => {
  const QUERY = `{ supportProgrammes(first: 100, filter: { kind: TRADE_PROMOTION_MARKET }) { nodes { code tradeEvents { totalCount nodes { name adminUnitCode communeOn { code } } } } } }`;
  /** Every funded demo event, as the Alliance reads them. */
  let funded: { name: string; adminUnitCode: string | null; communeOn: { code: string } | null }[];
  beforeAll(async () => {
    const res = await graphql(graph.gateway.url, QUERY, undefined, await headersFor("admin"));
    expect(res.errors).toBeUndefined();
    funded = res.data.supportProgrammes.nodes.flatMap((p: any) => p.tradeEvents.nodes);
    expect(funded.length).toBeGreaterThan(1);
  });
  /** Where an event lies today: the commune it was held in, followed to today's map (none where only a district is recorded). */
  const eventCommune = (event: { communeOn: { code: string } | null }): string | null => event.communeOn?.code ?? null;

  it.each(Object.keys(CALLERS))("read by %s", async (caller) => {
    const res = await graphql(graph.gateway.url, QUERY, undefined, await headersFor(caller));
    const programmes = res.data.supportProgrammes.nodes;
    expect(programmes.length).toBeGreaterThan(1);
    if (communeOfCaller(caller) || AREA_READERS.trade.includes(caller)) {
      expect(res.errors).toBeUndefined();
      const unit = communeOfCaller(caller);
      const expected = funded.filter((e) => unit === null || eventCommune(e) === unit);
      expect(programmes.flatMap((p: any) => p.tradeEvents.nodes)).toEqual(expected);
      expect(programmes.reduce((sum: number, p: any) => sum + p.tradeEvents.totalCount, 0)).toBe(expected.length);
    } else {
      programmes.forEach((p: any, i: number) => {
        expect(p.tradeEvents).toBeNull();
        expect(errorAt(res.errors, ["supportProgrammes", "nodes", i, "tradeEvents"])?.extensions?.code).toBe(refusal(caller));
      });
    }
  });

  it.each([
    ["industryTrade", null],
    ["commune18073", "18073"],
  ] as const)("%s reads the funding programme itself of the events it may", async (caller, unit) => {
    const res = await graphql(
      graph.gateway.url,
      `
        {
          tradeEvents(first: 100) {
            nodes {
              name
              adminUnitCode
              fundingProgramme {
                code
              }
            }
          }
        }
      `,
      undefined,
      await headersFor(caller),
    );
    const readable = res.data.tradeEvents.nodes.filter((e: any) => unit === null || eventCommune(e) === unit);
    const names = (events: { name: string }[]) => events.map((e) => e.name).sort();
    expect(names(readable.filter((e: any) => e.fundingProgramme?.code.startsWith("CT-")))).toEqual(
      names(funded.filter((e) => unit === null || eventCommune(e) === unit)),
    );
  });
});

describe("personal data of members", () => {
  const MEMBERS = `query($unit: String!) { cooperatives(first: 1, filter: { adminUnitCode: $unit }) { nodes { address commune { code validFrom } communeOn { code } representative members(first: 3) { nodes { fullName capitalContributed joinedOn } } } } }`;

  it.each([
    ["admin", "444", true],
    ["staff", "436", true],
    ["commune18544", "18544", true],
    ["commune18073", "18544", false],
    ["planning", "444", false],
  ] as const)("%s reading the members of a cooperative of %s sees names and capital: %s", async (caller, unit, visible) => {
    const res = await graphql(graph.gateway.url, MEMBERS, { unit }, await headersFor(caller));
    const coop = res.data.cooperatives.nodes[0];
    if (communeOfCaller(caller)) expect(organisationCommuneToday(coop)).toBe(unit);
    if (communeOfCaller(caller) && communeOfCaller(caller) !== unit) {
      // Another commune reads neither the members (an organisation detail) nor the representative's name.
      expect(coop.members).toBeNull();
      expect(errorAt(res.errors, ["cooperatives", "nodes", 0, "members"])?.extensions?.code).toBe("FORBIDDEN");
      expect(coop.representative).toBeNull();
      return;
    }
    expect(res.errors).toBeUndefined();
    expect(coop.members.nodes.length).toBeGreaterThan(0);
    for (const m of coop.members.nodes) {
      expect(m.joinedOn).toMatch(/^\d{4}-/u); // the membership itself is not personal
      if (visible) {
        expect(m.fullName).toMatch(/\S/u);
        expect(m.capitalContributed).toMatch(/^\d+$/u);
      } else {
        expect(m.fullName).toBeNull();
        expect(m.capitalContributed).toBeNull();
      }
    }
    expect(coop.representative === null).toBe(!visible);
  });
});

describe("the COMMUNE role", () => {
  const ORGANISATION = `query($id: ID!) { organization(id: $id) { name commune { name } communeOn { code } representative financialReports { year revenue } members(first: 2) { totalCount } } }`;
  /** A cooperative that lies in `commune` today, and one that does not, as the Alliance finds them. */
  async function cooperativeOf(commune: string): Promise<{ id: string }> {
    const res = await graphql(
      graph.gateway.url,
      `
        query ($unit: String!) {
          cooperatives(first: 1, filter: { adminUnitCode: $unit }) {
            nodes {
              id
            }
          }
        }
      `,
      { unit: commune },
      await headersFor("admin"),
    );
    return res.data.cooperatives.nodes[0];
  }

  it("reads the details of an organisation that lies in the commune today, with its history from before the communes merged, and not another commune's", async () => {
    const own = await cooperativeOf("18544");
    const other = await cooperativeOf("18073");
    const mine = await graphql(graph.gateway.url, ORGANISATION, { id: own.id }, await headersFor("commune18544"));
    expect(mine.errors).toBeUndefined();
    expect(mine.data.organization.communeOn.code).toBe("18544");
    expect(mine.data.organization.representative).toMatch(/\S/u);
    expect(mine.data.organization.members.totalCount).toBeGreaterThan(0);
    // Reports of 2023 and 2024 were made under the old map; the commune reads them because the organisation lies in it now.
    expect(mine.data.organization.financialReports.map((f: { year: number }) => f.year)).toEqual(expect.arrayContaining([2024]));
    const theirs = await graphql(graph.gateway.url, ORGANISATION, { id: other.id }, await headersFor("commune18544"));
    expect(theirs.data.organization.name).toMatch(/\S/u);
    expect(theirs.data.organization.representative).toBeNull();
    for (const field of ["financialReports", "members"]) {
      expect(theirs.data.organization[field]).toBeNull();
      const error = errorAt(theirs.errors, ["organization", field]);
      expect(error?.extensions?.code).toBe("FORBIDDEN");
      expect((error as { message?: string }).message).toMatch(/commune where the record lies/u);
    }
  });

  it("judges an organisation reached from another subgraph (an OCOP product's owner) by the same rule", async () => {
    const QUERY = `{ ocopProducts(first: 100, filter: { ownerType: COOPERATIVE }) { nodes { owner { __typename ... on Cooperative { id address commune { code validFrom } communeOn { code } financialReports { year } } } } } }`;
    const owned = (data: unknown) => rowsAt(data, ["ocopProducts", "nodes", "*", "owner"]).filter((r) => r.row.__typename === "Cooperative");
    // The commune where most cooperatives owning OCOP products lie today, as the Alliance reads them.
    const counts = new Map<string, number>();
    for (const { row } of owned((await graphql(graph.gateway.url, QUERY, undefined, await headersFor("admin"))).data)) {
      const code = organisationCommuneToday(row);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const [commune] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const res = await graphql(graph.gateway.url, QUERY, undefined, await as(principal(Role.COMMUNE, { adminUnitCode: commune })));
    const owners = owned(res.data);
    const own = owners.filter((r) => organisationCommuneToday(r.row) === commune);
    expect(own.length).toBeGreaterThan(0);
    expect(owners.length).toBeGreaterThan(own.length);
    for (const { path, row } of owners) {
      const mine = organisationCommuneToday(row) === commune;
      expect({
        id: row.id,
        readable: row.financialReports !== null,
        refused: errorAt(res.errors, [...path, "financialReports"])?.extensions?.code ?? null,
      }).toEqual({ id: row.id, readable: mine, refused: mine ? null : "FORBIDDEN" });
    }
  });

  it("refuses a district token, at the gateway and at every subgraph, saying that districts ended and to ask for a commune token", async () => {
    const district = { subject: "huyen.444", role: "DISTRICT", department: null, adminUnitCode: "444", name: "UBND huyện Hương Khê" } as unknown as Principal;
    const res = await graphql(
      graph.gateway.url,
      `
        {
          adminUnits {
            code
          }
        }
      `,
      undefined,
      await as(district),
    );
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "DISTRICT_ROLE_RETIRED" });
    expect(res.errors?.[0].message).toMatch(/district level ended on 1 July 2025.*commune token/u);
    for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
      const direct = await fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_PROOF_HEADER]: await proofFor(district) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      const body = (await direct.json()) as { errors?: { message: string; extensions?: { reason?: string } }[] };
      expect({ name, status: direct.status, reason: body.errors?.[0]?.extensions?.reason }).toEqual({ name, status: 401, reason: "DISTRICT_ROLE_RETIRED" });
    }
  });

  it.each([
    ["a district's code", "444"],
    ["a commune merged on 1/7/2025 (xã Châu Bình)", "18178"],
    ["the province's code", "42"],
    ["no unit", null],
  ] as const)("refuses a commune token naming %s", async (_what, unit) => {
    const res = await graphql(
      graph.gateway.url,
      `
        {
          adminUnits {
            code
          }
        }
      `,
      undefined,
      await as(principal(Role.COMMUNE, { adminUnitCode: unit })),
    );
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "COMMUNE_UNIT_INVALID" });
    expect(res.errors?.[0].message).toMatch(unit && unit.length === 5 ? /not the code of a Hà Tĩnh commune in force today/u : /5-digit code/u);
  });
});

describe("tokens and the gateway's proof", () => {
  const QUERY = `{ adminUnits { code } }`;

  it("refuses an expired token and a token signed with another key, with 401", async () => {
    const expired = `Bearer ${await tokenFor(CALLERS.admin!, -10)}`;
    // Another private key under the run's own kid: the signature cannot match the published key.
    const forger = await loadSigningKeys([await newSigningKey("ES256", (await testSigningKeys()).current.kid)]);
    const forged = `Bearer ${await issueToken(CALLERS.admin!, forger)}`;
    for (const [authorization, message] of [
      [expired, /expired/u],
      [forged, /not valid/u],
      ["Basic abc", /Bearer/u],
    ] as const) {
      const res = await graphql(graph.gateway.url, QUERY, undefined, { authorization });
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.errors?.[0].message).toMatch(message);
    }
  });

  it("has every subgraph refuse GraphQL without a valid gateway proof (none, the static secret, forged, expired, a user's token), and /ready and /metrics without the secret, answering only /health", async () => {
    const attempts: Record<string, Record<string, string>> = {
      "no proof": {},
      "the static secret instead": { [GATEWAY_SECRET_HEADER]: process.env.GATEWAY_SECRET || DEVELOPMENT_GATEWAY_SECRET },
      "a proof signed with another key": { [GATEWAY_PROOF_HEADER]: await proofFor(CALLERS.admin!, 600, "someone-else's-secret-that-is-long-enough") },
      "an expired proof": { [GATEWAY_PROOF_HEADER]: await proofFor(CALLERS.admin!, -10) },
      "a user's own token as the proof": { [GATEWAY_PROOF_HEADER]: await tokenFor(CALLERS.admin!) },
      "a valid admin token but no proof": await as(CALLERS.admin!),
    };
    for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
      const base = subgraph.url.replace(/\/graphql$/u, "");
      for (const [attempt, headers] of Object.entries(attempts)) {
        const res = await fetch(subgraph.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
        const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        expect({ name, attempt, status: res.status, code: body.errors?.[0]?.extensions?.code }).toEqual({
          name,
          attempt,
          status: 401,
          code: "UNAUTHENTICATED",
        });
        if (attempt === "an expired proof") expect(body.errors?.[0]?.message).toMatch(/expired/u);
      }
      for (const headers of [{}, { [GATEWAY_SECRET_HEADER]: "forged" }] as Record<string, string>[]) {
        for (const path of ["/ready", "/metrics"]) expect((await fetch(`${base}${path}`, { headers })).status).toBe(401);
      }
      expect((await fetch(`${base}/health`)).status).toBe(200);
      // The same request with a fresh proof is answered, so the refusals above are the proof's doing.
      const ok = await fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_PROOF_HEADER]: await proofFor(CALLERS.admin!) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect({ name, status: ok.status }).toEqual({ name, status: 200 });
    }
  });

  it("has a subgraph take the caller from the proof alone: a commune proof with an admin token reads as the commune", async () => {
    const commune = CALLERS.commune18544!;
    const query = `{ membershipAuditTrail(first: 1) { operation } }`;
    const asCommune = await graphql(graph.subgraphs.membership.url, query, undefined, {
      ...(await as(CALLERS.admin!)),
      [GATEWAY_PROOF_HEADER]: await proofFor(commune),
    });
    expect(asCommune.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const asAdmin = await graphql(graph.subgraphs.membership.url, query, undefined, { [GATEWAY_PROOF_HEADER]: await proofFor(CALLERS.admin!) });
    expect(asAdmin.errors).toBeUndefined();
  });
});
