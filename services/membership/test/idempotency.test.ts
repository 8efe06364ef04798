/** Retrying a mutation with its idempotency key never writes twice. */
import { randomUUID } from "node:crypto";
import { onlyError, startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
let coop: { id: string };
beforeAll(async () => {
  m = await startTestMembership("demo");
  coop = (await m.query(`{ cooperatives(first: 1, filter: { status: ACTIVE }) { nodes { id } } }`)).data.cooperatives.nodes[0];
});
afterAll(() => m?.stop());

const ADD = /* GraphQL */ `
  mutation ($input: AddMemberInput!) {
    addMember(input: $input) {
      id
      fullName
    }
  }
`;
const member = (fullName: string, idempotencyKey?: string) => ({
  organizationId: coop.id,
  kind: "INDIVIDUAL",
  membershipType: "OFFICIAL",
  fullName,
  capitalContributed: "1000000",
  joinedOn: "2024-05-02",
  idempotencyKey,
});
const countNamed = async (name: string) => Number((await m.service.dataSource.query("SELECT count(*) AS n FROM member WHERE full_name = $1", [name]))[0].n);

describe("idempotency keys", () => {
  it("answers a repeat with the first result and writes once", async () => {
    const key = randomUUID();
    const first = await m.query(ADD, { input: member("Đặng Thị Lặp Lại", key) });
    const second = await m.query(ADD, { input: member("Đặng Thị Lặp Lại", key) });
    expect(first.errors).toBeUndefined();
    expect(second.data.addMember).toEqual(first.data.addMember);
    expect(await countNamed("Đặng Thị Lặp Lại")).toBe(1);
  });

  it("writes once when the same request races itself", async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => m.query(ADD, { input: member("Hồ Văn Đồng Thời", key) })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data.addMember.id)).size).toBe(1);
    expect(await countNamed("Hồ Văn Đồng Thời")).toBe(1);
  });

  it("refuses the same key with different input", async () => {
    const key = randomUUID();
    await m.query(ADD, { input: member("Phan Văn Một", key) });
    const error = onlyError(await m.query(ADD, { input: member("Phan Văn Hai", key) }));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
    expect(await countNamed("Phan Văn Hai")).toBe(0);
  });

  it("frees the key of a refused mutation, so the corrected one can use it", async () => {
    const key = randomUUID();
    const refused = await m.query(ADD, { input: { ...member("Lê Thị Sửa Lại", key), joinedOn: "1900-01-01" } });
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const accepted = await m.query(ADD, { input: member("Lê Thị Sửa Lại", key) });
    expect(accepted.errors).toBeUndefined();
    expect(await countNamed("Lê Thị Sửa Lại")).toBe(1);
  });

  it("refuses a malformed key, naming the field", async () => {
    const error = onlyError(await m.query(ADD, { input: member("Võ Văn Khóa", "short") }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
  });
});
