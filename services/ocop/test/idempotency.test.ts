/**
 * Retrying an OCOP mutation with its idempotency key never writes twice. A real membership subgraph
 * answers the owner look-up, which still happens (outside the transaction) on every attempt.
 */
import { randomUUID } from "node:crypto";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { onlyError, startTestOcop, type TestOcop } from "./helpers";

let membership: TestSubgraph;
let o: TestOcop;
let cooperativeId: string;
beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  o = await startTestOcop("demo", membership.url);
  const res = await membership.query(`{ cooperatives(first: 1, filter: { status: ACTIVE }) { nodes { id } } }`);
  cooperativeId = res.data.cooperatives.nodes[0].id;
});
afterAll(async () => {
  await o?.stop();
  await membership?.stop();
});

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterOcopProductInput!) {
    registerOcopProduct(input: $input) {
      id
      name
      ownerType
      version
    }
  }
`;
const CERTIFY = /* GraphQL */ `
  mutation ($input: CertifyOcopProductInput!) {
    certifyOcopProduct(input: $input) {
      id
      sequence
      kind
      stars
      product {
        version
      }
    }
  }
`;
const REASSESS = /* GraphQL */ `
  mutation ($input: ReassessOcopProductInput!) {
    reassessOcopProduct(input: $input) {
      id
      sequence
      kind
      stars
      product {
        version
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation ($input: RevokeOcopCertificationInput!) {
    revokeOcopCertification(input: $input) {
      id
      revokedOn
      product {
        status
        version
      }
    }
  }
`;

const product = (name: string, idempotencyKey?: string, over: Record<string, unknown> = {}) => ({
  name,
  group: "FOOD",
  subgroup: "Nông sản tươi sống",
  adminUnitCode: "439",
  registeredOn: "2024-01-10",
  owner: { organizationId: cooperativeId },
  idempotencyKey,
  ...over,
});
const assessment = (productId: string, idempotencyKey?: string, over: Record<string, unknown> = {}) => ({
  productId,
  scoreA: 25,
  scoreB: 15,
  scoreC: 20,
  stars: 3,
  decisionNumber: "1234/QĐ-UBND",
  decidedOn: "2024-03-01",
  idempotencyKey,
  ...over,
});

const productsNamed = async (name: string) => Number((await o.service.dataSource.query("SELECT count(*) AS n FROM ocop_product WHERE name = $1", [name]))[0].n);
const certificationsOf = async (productId: string) =>
  Number((await o.service.dataSource.query("SELECT count(*) AS n FROM ocop_certification WHERE product_id = $1", [productId]))[0].n);

async function registered(name: string): Promise<string> {
  const res = await o.query(REGISTER, { input: product(name) });
  expect(res.errors).toBeUndefined();
  return res.data.registerOcopProduct.id;
}

describe("registerOcopProduct with an idempotency key", () => {
  it("answers a repeat with the first result and writes once", async () => {
    const key = randomUUID();
    const first = await o.query(REGISTER, { input: product("Mật ong thử lặp lại", key) });
    const second = await o.query(REGISTER, { input: product("Mật ong thử lặp lại", key) });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data.registerOcopProduct).toEqual(first.data.registerOcopProduct);
    expect(await productsNamed("Mật ong thử lặp lại")).toBe(1);
  });

  it("writes once when the same request races itself", async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => o.query(REGISTER, { input: product("Mật ong đồng thời", key) })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data.registerOcopProduct.id)).size).toBe(1);
    expect(await productsNamed("Mật ong đồng thời")).toBe(1);
  });

  it("refuses the same key with different input", async () => {
    const key = randomUUID();
    await o.query(REGISTER, { input: product("Nước mắm thử một", key) });
    const error = onlyError(await o.query(REGISTER, { input: product("Nước mắm thử hai", key) }));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
    expect(await productsNamed("Nước mắm thử hai")).toBe(0);
  });

  it("frees the key of a mutation refused inside its transaction, so the corrected one can use it", async () => {
    const key = randomUUID();
    const household = { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Trần Văn Sửa", registrationNumber: "8199999917", adminUnitCode: "999" };
    const refused = await o.query(REGISTER, { input: product("Kẹo cu đơ sửa lại", key, { owner: { newLocalOwner: household } }) });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.owner.newLocalOwner.adminUnitCode" });
    const accepted = await o.query(REGISTER, {
      input: product("Kẹo cu đơ sửa lại", key, { owner: { newLocalOwner: { ...household, adminUnitCode: "439" } } }),
    });
    expect(accepted.errors).toBeUndefined();
    expect(await productsNamed("Kẹo cu đơ sửa lại")).toBe(1);
  });

  it("refuses a malformed key, naming the field", async () => {
    const error = onlyError(await o.query(REGISTER, { input: product("Mật ong khóa sai", "short") }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    expect(await productsNamed("Mật ong khóa sai")).toBe(0);
  });

  it("does not take the field on a nested owner input", async () => {
    const res = await o.query(REGISTER, {
      input: product("Mật ong chủ thể lồng", undefined, { owner: { organizationId: cooperativeId, idempotencyKey: randomUUID() } }),
    });
    expect(res.errors?.[0].message).toMatch(/idempotencyKey/u);
    expect(await productsNamed("Mật ong chủ thể lồng")).toBe(0);
  });
});

describe("certify, reassess and revoke with an idempotency key", () => {
  it("certifies once, though a repeat without the key would be refused as ALREADY_CERTIFIED", async () => {
    const id = await registered("Cam thử chứng nhận lặp lại");
    const key = randomUUID();
    const first = await o.query(CERTIFY, { input: assessment(id, key) });
    const second = await o.query(CERTIFY, { input: assessment(id, key) });
    expect(first.errors).toBeUndefined();
    expect(second.data.certifyOcopProduct).toEqual(first.data.certifyOcopProduct);
    expect(await certificationsOf(id)).toBe(1);
    const without = onlyError(await o.query(CERTIFY, { input: assessment(id) }));
    expect(without.extensions).toMatchObject({ code: "CONFLICT", reason: "ALREADY_CERTIFIED" });
  });

  it("reassesses once when the same re-assessment races itself", async () => {
    const id = await registered("Cam thử đánh giá đồng thời");
    expect((await o.query(CERTIFY, { input: assessment(id) })).errors).toBeUndefined();
    const key = randomUUID();
    const upgrade = assessment(id, key, { scoreA: 30, scoreB: 20, scoreC: 25, stars: 4, decisionNumber: "2345/QĐ-UBND", decidedOn: "2024-09-01" });
    const results = await Promise.all(Array.from({ length: 5 }, () => o.query(REASSESS, { input: upgrade })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data.reassessOcopProduct.id)).size).toBe(1);
    expect(results[0].data.reassessOcopProduct).toMatchObject({ sequence: 2, kind: "UPGRADE", stars: 4 });
    expect(await certificationsOf(id)).toBe(2);
  });

  it("refuses a certify key reused for a re-assessment of the same product", async () => {
    const id = await registered("Cam thử khóa hai thao tác");
    const key = randomUUID();
    expect((await o.query(CERTIFY, { input: assessment(id, key) })).errors).toBeUndefined();
    const error = onlyError(await o.query(REASSESS, { input: assessment(id, key, { decidedOn: "2024-09-01" }) }));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "input.idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" });
    expect(await certificationsOf(id)).toBe(1);
  });

  it("revokes once: the repeat answers with the revocation instead of NO_CERTIFICATE_IN_FORCE", async () => {
    const id = await registered("Cam thử thu hồi lặp lại");
    const certified = await o.query(CERTIFY, { input: assessment(id) });
    const key = randomUUID();
    const input = { productId: id, revokedOn: "2024-06-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "77/QĐ-UBND", idempotencyKey: key };
    const first = await o.query(REVOKE, { input });
    const second = await o.query(REVOKE, { input });
    expect(first.errors).toBeUndefined();
    expect(second.data.revokeOcopCertification).toEqual(first.data.revokeOcopCertification);
    expect(first.data.revokeOcopCertification).toMatchObject({
      id: certified.data.certifyOcopProduct.id,
      revokedOn: "2024-06-01",
      product: { status: "REVOKED", version: 3 },
    });
    const without = onlyError(await o.query(REVOKE, { input: { ...input, idempotencyKey: undefined } }));
    expect(without.extensions).toMatchObject({ code: "CONFLICT", reason: "NO_CERTIFICATE_IN_FORCE" });
  });
});
