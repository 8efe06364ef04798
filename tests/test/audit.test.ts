/**
 * The audit trail: each mutation leaves who, when, what, before and after, and the request id, in
 * the same transaction as the change; a refused mutation leaves nothing; only administrators read it.
 */
import { Role, type Principal } from "@kttt/core";
import { as, graphql } from "@kttt/testkit";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
}, 60_000);
afterAll(() => graph?.stop());

const staff: Principal = { subject: "nhanvien.lan", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Nguyễn Thị Lan" };
const industryTrade: Principal = { subject: "so-cong-thuong", role: Role.DEPARTMENT, department: "SO_CT", adminUnitCode: null, name: "Sở Công Thương" };
const TRAIL = `query($op: String, $ref: String) { membershipAuditTrail(operation: $op, resultRef: $ref) { id occurredAt requestId actorSubject actorRole operation resultRef input before after } }`;

describe("audit trail", () => {
  it("records who changed what, before and after, under the request id, and nothing for a refused change", async () => {
    const org = (
      await graphql(
        graph.gateway.url,
        `
          {
            cooperatives(first: 1, filter: { status: ACTIVE }) {
              nodes {
                id
                version
                representative
              }
            }
          }
        `,
      )
    ).data.cooperatives.nodes[0];
    const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { version representative } }`;
    const headers = { ...(await as(staff)), "x-request-id": "req-audit-0001" };
    const ok = await graphql(graph.gateway.url, UPDATE, { input: { id: org.id, version: org.version, representative: "Phan Văn Kiểm Toán" } }, headers);
    expect(ok.errors).toBeUndefined();
    const refused = await graphql(graph.gateway.url, UPDATE, { input: { id: org.id, version: org.version, representative: "Không được ghi" } }, headers);
    expect(refused.errors?.[0].extensions?.code).toBe("CONFLICT");

    const trail = await graphql(graph.gateway.url, TRAIL, { op: "updateOrganization", ref: org.id });
    expect(trail.errors).toBeUndefined();
    const records = trail.data.membershipAuditTrail;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      requestId: "req-audit-0001",
      actorSubject: "nhanvien.lan",
      actorRole: "ALLIANCE_STAFF",
      operation: "updateOrganization",
      resultRef: org.id,
      input: { id: org.id, version: org.version, representative: "Phan Văn Kiểm Toán" },
      before: { representative: org.representative, version: org.version },
      after: { representative: "Phan Văn Kiểm Toán", version: org.version + 1 },
    });
  });

  it("records a department's change in its own subgraph: an update with the event before and after, a creation with nothing before", async () => {
    const created = await graphql(
      graph.gateway.url,
      `
        mutation ($input: CreateTradeEventInput!) {
          createTradeEvent(input: $input) {
            id
            version
          }
        }
      `,
      {
        input: {
          name: "Phiên chợ nông sản kiểm toán",
          type: "FAIR",
          format: "IN_PERSON",
          scope: "PROVINCIAL",
          organiser: "Sở Công Thương",
          place: "Thành phố Hà Tĩnh",
          adminUnitCode: "436",
          startsOn: "2024-05-01",
          endsOn: "2024-05-03",
          boothCount: 40,
          budget: "150000000",
        },
      },
      await as(industryTrade),
    );
    expect(created.errors).toBeUndefined();
    const event = created.data.createTradeEvent;
    const updated = await graphql(
      graph.gateway.url,
      `
        mutation ($input: UpdateTradeEventInput!) {
          updateTradeEvent(input: $input) {
            version
          }
        }
      `,
      {
        input: {
          id: event.id,
          version: event.version,
          name: "Phiên chợ nông sản kiểm toán (gia hạn)",
          endsOn: "2024-05-05",
          boothCount: 60,
          budget: "210000000",
        },
      },
      await as(industryTrade),
    );
    expect(updated.errors).toBeUndefined();
    const trail = await graphql(
      graph.gateway.url,
      `
        query ($ref: String) {
          tradePromotionAuditTrail(resultRef: $ref) {
            actorSubject
            actorRole
            operation
            before
            after
          }
        }
      `,
      { ref: event.id },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.tradePromotionAuditTrail).toEqual([
      expect.objectContaining({
        actorSubject: "so-cong-thuong",
        operation: "updateTradeEvent",
        before: expect.objectContaining({ name: "Phiên chợ nông sản kiểm toán", endsOn: "2024-05-03", boothCount: 40, budget: "150000000", version: 1 }),
        after: expect.objectContaining({
          name: "Phiên chợ nông sản kiểm toán (gia hạn)",
          endsOn: "2024-05-05",
          boothCount: 60,
          budget: "210000000",
          version: 2,
        }),
      }),
      expect.objectContaining({
        actorSubject: "so-cong-thuong",
        actorRole: "DEPARTMENT",
        operation: "createTradeEvent",
        before: null,
        after: expect.objectContaining({ name: "Phiên chợ nông sản kiểm toán" }),
      }),
    ]);
  });

  it("records an OCOP certificate as it was before its revocation", async () => {
    const registered = await graphql(
      graph.gateway.url,
      `
        mutation ($input: RegisterOcopProductInput!) {
          registerOcopProduct(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          name: "Mật ong Vũ Quang kiểm toán",
          group: "FOOD",
          subgroup: "Nông sản tươi sống",
          adminUnitCode: "439",
          registeredOn: "2024-01-10",
          owner: { newLocalOwner: { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Trần Văn Kiểm", registrationNumber: "8199000001", adminUnitCode: "439" } },
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const productId = registered.data.registerOcopProduct.id;
    const certified = await graphql(
      graph.gateway.url,
      `
        mutation ($input: CertifyOcopProductInput!) {
          certifyOcopProduct(input: $input) {
            id
          }
        }
      `,
      {
        input: { productId, scoreA: 25, scoreB: 15, scoreC: 20, stars: 3, decisionNumber: "1234/QĐ-UBND", decidedOn: "2024-03-01" },
      },
    );
    expect(certified.errors).toBeUndefined();
    const certificateId = certified.data.certifyOcopProduct.id;
    const revoked = await graphql(
      graph.gateway.url,
      `
        mutation ($input: RevokeOcopCertificationInput!) {
          revokeOcopCertification(input: $input) {
            id
          }
        }
      `,
      {
        input: { productId, revokedOn: "2024-06-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "77/QĐ-UBND" },
      },
    );
    expect(revoked.errors).toBeUndefined();

    const trail = await graphql(
      graph.gateway.url,
      `
        query ($ref: String) {
          ocopAuditTrail(resultRef: $ref) {
            operation
            before
            after
          }
        }
      `,
      { ref: certificateId },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.ocopAuditTrail).toEqual([
      {
        operation: "revokeOcopCertification",
        before: expect.objectContaining({ id: certificateId, stars: 3, revokedOn: null, revocationReason: null, revocationDecisionNumber: null, version: 1 }),
        after: expect.objectContaining({
          id: certificateId,
          stars: 3,
          revokedOn: "2024-06-01",
          revocationReason: "Vi phạm an toàn thực phẩm",
          revocationDecisionNumber: "77/QĐ-UBND",
          version: 2,
        }),
      },
      { operation: "certifyOcopProduct", before: null, after: expect.objectContaining({ id: certificateId, revokedOn: null, version: 1 }) },
    ]);
    const registration = await graphql(
      graph.gateway.url,
      `
        query ($ref: String) {
          ocopAuditTrail(resultRef: $ref) {
            operation
            before
          }
        }
      `,
      { ref: productId },
    );
    expect(registration.data.ocopAuditTrail).toEqual([{ operation: "registerOcopProduct", before: null }]);
  });

  it("records a beneficiary's amounts before and after a payment", async () => {
    const programmes = await graphql(
      graph.gateway.url,
      `
        {
          supportProgrammes(first: 20, filter: { status: OPEN }) {
            nodes {
              beneficiaries(first: 20) {
                nodes {
                  id
                  plannedAmount
                  disbursedAmount
                  approvedOn
                  version
                }
              }
            }
          }
        }
      `,
    );
    expect(programmes.errors).toBeUndefined();
    const beneficiary = programmes.data.supportProgrammes.nodes
      .flatMap((p: { beneficiaries: { nodes: unknown[] } }) => p.beneficiaries.nodes)
      .find((b: { plannedAmount: string; disbursedAmount: string }) => BigInt(b.plannedAmount) - BigInt(b.disbursedAmount) >= 1_000_000n);
    expect(beneficiary).toBeDefined();
    const paid = await graphql(
      graph.gateway.url,
      `
        mutation ($input: RecordDisbursementInput!) {
          recordDisbursement(input: $input) {
            disbursedAmount
            version
          }
        }
      `,
      {
        input: { beneficiaryId: beneficiary.id, amount: "1000000", disbursedOn: beneficiary.approvedOn },
      },
    );
    expect(paid.errors).toBeUndefined();
    const disbursedAfter = (BigInt(beneficiary.disbursedAmount) + 1_000_000n).toString();
    expect(paid.data.recordDisbursement).toEqual({ disbursedAmount: disbursedAfter, version: beneficiary.version + 1 });

    const trail = await graphql(
      graph.gateway.url,
      `
        query ($ref: String) {
          policySupportAuditTrail(operation: "recordDisbursement", resultRef: $ref) {
            before
            after
          }
        }
      `,
      { ref: beneficiary.id },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.policySupportAuditTrail).toEqual([
      {
        before: expect.objectContaining({
          id: beneficiary.id,
          plannedAmount: beneficiary.plannedAmount,
          disbursedAmount: beneficiary.disbursedAmount,
          version: beneficiary.version,
        }),
        after: expect.objectContaining({
          id: beneficiary.id,
          plannedAmount: beneficiary.plannedAmount,
          disbursedAmount: disbursedAfter,
          version: beneficiary.version + 1,
        }),
      },
    ]);
  });

  it("is for administrators only", async () => {
    const res = await graphql(graph.gateway.url, TRAIL, {}, await as(staff));
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(res.data?.membershipAuditTrail ?? null).toBeNull();
  });
});
