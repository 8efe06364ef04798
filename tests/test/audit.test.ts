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
    const org = (await graphql(graph.gateway.url, `{ cooperatives(first: 1, filter: { status: ACTIVE }) { nodes { id version representative } } }`)).data.cooperatives.nodes[0];
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

  it("records a department's change in its own subgraph", async () => {
    const created = await graphql(
      graph.gateway.url,
      `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`,
      { input: { name: "Phiên chợ nông sản kiểm toán", type: "FAIR", format: "IN_PERSON", scope: "PROVINCIAL", organiser: "Sở Công Thương", place: "Thành phố Hà Tĩnh", adminUnitCode: "436", startsOn: "2024-05-01", endsOn: "2024-05-03" } },
      await as(industryTrade),
    );
    expect(created.errors).toBeUndefined();
    const trail = await graphql(graph.gateway.url, `query($ref: String) { tradePromotionAuditTrail(resultRef: $ref) { actorSubject actorRole operation after } }`, { ref: created.data.createTradeEvent.id });
    expect(trail.data.tradePromotionAuditTrail).toEqual([
      expect.objectContaining({ actorSubject: "so-cong-thuong", actorRole: "DEPARTMENT", operation: "createTradeEvent", after: expect.objectContaining({ name: "Phiên chợ nông sản kiểm toán" }) }),
    ]);
  });

  it("is for administrators only", async () => {
    const res = await graphql(graph.gateway.url, TRAIL, {}, await as(staff));
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(res.data?.membershipAuditTrail ?? null).toBeNull();
  });
});
