import { createLogger } from "@kttt/core";
/**
 * The OCOP writes against a real membership subgraph (the owner look-up goes to it over HTTP);
 * every refusal leaves the database as it was.
 */
import { freePort, graphql, waitUntil } from "@kttt/testkit";
import { Client } from "pg";
import { startOcopService, type OcopService } from "../src/app";
import { loadOcopConfig } from "../src/app";
import { createTestDatabase, type TestDatabase } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { startTestOcop, type TestOcop } from "./helpers";

let membership: TestSubgraph;
let o: TestOcop;
beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph);
  o = await startTestOcop("demo", membership.url);
});
afterAll(async () => {
  await o?.stop();
  await membership?.stop();
});

async function fingerprint(): Promise<unknown> {
  const [row] = await o.service.dataSource.query(`SELECT
    (SELECT count(*) FROM ocop_product) AS products, (SELECT sum(version) FROM ocop_product) AS product_versions,
    (SELECT count(*) FROM ocop_owner) AS owners,
    (SELECT count(*) FROM ocop_certification) AS certifications, (SELECT sum(version) FROM ocop_certification) AS certification_versions`);
  return row;
}

async function expectRefused(query: string, variables: Record<string, unknown>, code: string, field: string, reason?: string, run = o.query) {
  const before = await fingerprint();
  const res = await run(query, variables);
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0];
  expect(error.extensions).toMatchObject({ code, field, ...(reason ? { reason } : {}) });
  expect(error.message.length).toBeGreaterThan(20);
  expect(await fingerprint()).toEqual(before);
  return error;
}

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterOcopProductInput!) {
    registerOcopProduct(input: $input) {
      id
      name
      ownerType
      version
      status
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
      level
      score
      validUntil
      product {
        status
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
      level
      validUntil
      product {
        certifications {
          sequence
        }
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation ($input: RevokeOcopCertificationInput!) {
    revokeOcopCertification(input: $input) {
      revokedOn
      revocationReason
      product {
        status
      }
    }
  }
`;

let counter = 0;
async function someCooperative(kind = "cooperatives"): Promise<string> {
  const res = await membership.query(`{ ${kind}(first: 1, filter: { status: ACTIVE, search: "nong nghiep" }) { nodes { id } } }`);
  return res.data[kind].nodes[0].id;
}
const product = (owner: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
  name: `Cam Hương Sơn thử nghiệm ${++counter}`,
  group: "FOOD",
  subgroup: "Nông sản tươi sống",
  adminUnitCode: "439",
  registeredOn: "2024-01-10",
  owner,
  ...overrides,
});
const household = () => ({
  newLocalOwner: {
    type: "HOUSEHOLD_BUSINESS",
    name: "Hộ kinh doanh Lê Thị Hoa",
    registrationNumber: `81${String(10_000_000 + ++counter).slice(0, 8)}`,
    adminUnitCode: "439",
  },
});
const assessment = (productId: string, overrides: Record<string, unknown> = {}) => ({
  productId,
  scoreA: 25,
  scoreB: 15,
  scoreC: 20,
  stars: 3,
  decisionNumber: "1234/QĐ-UBND",
  decidedOn: "2024-03-01",
  ...overrides,
});

async function registered(owner: Record<string, unknown> = household()): Promise<string> {
  const res = await o.query(REGISTER, { input: product(owner) });
  expect(res.errors).toBeUndefined();
  return res.data.registerOcopProduct.id;
}

describe("registerOcopProduct", () => {
  it("registers a product of a cooperative that membership knows", async () => {
    const res = await o.query(REGISTER, { input: product({ organizationId: await someCooperative() }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOcopProduct).toMatchObject({ ownerType: "COOPERATIVE", version: 1, status: null });
  });

  it("registers a product of a new household business, stored in NFC", async () => {
    const res = await o.query(REGISTER, { input: product(household(), { name: "  Giò bột Hương Sơn  ".normalize("NFD") }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOcopProduct).toMatchObject({ name: "Giò bột Hương Sơn".normalize("NFC"), ownerType: "HOUSEHOLD_BUSINESS" });
  });

  it("answers NOT_FOUND for an organisation membership does not know, and writes nothing", async () => {
    await expectRefused(
      REGISTER,
      { input: product({ organizationId: "00000000-0000-5000-8000-000000000000" }) },
      "NOT_FOUND",
      "input.owner.organizationId",
      "OWNER_NOT_FOUND",
    );
  });

  it("refuses two owners, a malformed id, an unknown unit and a subgroup of another group", async () => {
    await expectRefused(
      REGISTER,
      { input: product({ ...household(), organizationId: await someCooperative() }) },
      "BAD_USER_INPUT",
      "input.owner",
      "OWNER_CHOICE",
    );
    await expectRefused(REGISTER, { input: product({ organizationId: "htx-42" }) }, "BAD_USER_INPUT", "input.owner.organizationId", "INVALID_ID");
    await expectRefused(REGISTER, { input: product(household(), { adminUnitCode: "999" }) }, "BAD_USER_INPUT", "input.adminUnitCode", "UNKNOWN_ADMIN_UNIT");
    await expectRefused(REGISTER, { input: product(household(), { subgroup: "Đồ uống có cồn" }) }, "BAD_USER_INPUT", "input.subgroup", "UNKNOWN_SUBGROUP");
    await expectRefused(REGISTER, { input: product(household(), { registeredOn: "2999-01-01" }) }, "BAD_USER_INPUT", "input.registeredOn", "DATE_IN_FUTURE");
    await expectRefused(
      REGISTER,
      { input: product({ newLocalOwner: { ...household().newLocalOwner, registrationNumber: "12AB" } }) },
      "BAD_USER_INPUT",
      "input.owner.newLocalOwner.registrationNumber",
    );
  });

  it("answers CONFLICT for a registration number already recorded and for a duplicate product name", async () => {
    const owner = household();
    const first = await o.query(REGISTER, { input: product(owner) });
    expect(first.errors).toBeUndefined();
    await expectRefused(REGISTER, { input: product(owner) }, "CONFLICT", "input.owner.newLocalOwner.registrationNumber", "DUPLICATE_REGISTRATION_NUMBER");
  });

  it("answers a registration number taken by a concurrent write as DUPLICATE_REGISTRATION_NUMBER, not as a duplicate product", async () => {
    const owner = household();
    // Another transaction records the owner first and holds it uncommitted: the write's check does
    // not see it, its insert waits on it, and then breaks the unique registration number.
    const other = new Client({ connectionString: o.database.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        "INSERT INTO ocop_owner (id, type, name, registration_number, admin_unit_code) VALUES (gen_random_uuid(), 'HOUSEHOLD_BUSINESS', 'Hộ kinh doanh Đồng thời', $1, '439')",
        [owner.newLocalOwner.registrationNumber],
      );
      const pending = o.query(REGISTER, { input: product(owner) });
      await waitUntil(
        async () => (await other.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rowCount! > 0,
        "the write to wait on the uncommitted owner",
      );
      await other.query("COMMIT");
      const res = await pending;
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({
        code: "CONFLICT",
        field: "input.owner.newLocalOwner.registrationNumber",
        reason: "DUPLICATE_REGISTRATION_NUMBER",
      });
    } finally {
      await other.end();
    }
  });

  it("answers SERVICE_UNAVAILABLE when membership cannot be asked, and writes nothing", async () => {
    const database: TestDatabase = await createTestDatabase("ocop", "demo");
    const down = `http://127.0.0.1:${await freePort()}/graphql`;
    const service: OcopService = await startOcopService(
      { ...loadOcopConfig({ OCOP_DATABASE_URL: database.url, NODE_ENV: "test", OCOP_LOOKUP_URL: down }), port: 0, poolSize: 2 },
      createLogger("ocop", "silent"),
    );
    try {
      const before = await service.dataSource.query("SELECT count(*)::int AS n FROM ocop_product");
      const res = await graphql(service.server.url, REGISTER, { input: product({ organizationId: await someCooperative() }) });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        field: "input.owner.organizationId",
        reason: "ORGANIZATION_LOOKUP_FAILED",
      });
      expect(await service.dataSource.query("SELECT count(*)::int AS n FROM ocop_product")).toEqual(before);
    } finally {
      await service.stop();
      await database.drop();
    }
  });
});

describe("certifyOcopProduct", () => {
  it("certifies with stars and level derived from the rules", async () => {
    const id = await registered();
    const res = await o.query(CERTIFY, { input: assessment(id) });
    expect(res.errors).toBeUndefined();
    expect(res.data.certifyOcopProduct).toMatchObject({
      sequence: 1,
      kind: "INITIAL",
      stars: 3,
      level: "DISTRICT",
      score: 60,
      validUntil: "2027-02-28",
      product: { status: "ACTIVE", version: 2 },
    });
    // Decision 1489/QĐ-TTg (06/07/2025): the district recognised 3★ until then, the province from that day.
    const early2025 = await o.query(CERTIFY, { input: assessment(await registered(), { decidedOn: "2025-03-01" }) });
    expect(early2025.data.certifyOcopProduct).toMatchObject({ stars: 3, level: "DISTRICT" });
    await expectRefused(
      CERTIFY,
      { input: assessment(await registered(), { decidedOn: "2025-03-01", level: "PROVINCE" }) },
      "BAD_USER_INPUT",
      "input.level",
      "LEVEL_MISMATCH",
    );
    const after1489 = await o.query(CERTIFY, { input: assessment(await registered(), { decidedOn: "2025-07-06", level: "PROVINCE" }) });
    expect(after1489.data.certifyOcopProduct).toMatchObject({ stars: 3, level: "PROVINCE" });
  });

  it("refuses a 3★ decision of 1–5 July 2025, when no level could recognise it", async () => {
    const error = await expectRefused(
      CERTIFY,
      { input: assessment(await registered(), { decidedOn: "2025-07-03" }) },
      "BAD_USER_INPUT",
      "input.decidedOn",
      "NO_RECOGNISING_LEVEL",
    );
    expect(error.message).toContain("2025-07-06");
    const fourStars = await o.query(CERTIFY, {
      input: assessment(await registered(), { decidedOn: "2025-07-03", scoreA: 30, scoreB: 20, scoreC: 25, stars: 4 }),
    });
    expect(fourStars.data.certifyOcopProduct).toMatchObject({ stars: 4, level: "PROVINCE" });
  });

  it("refuses a score ↔ stars ↔ level mismatch, naming the field", async () => {
    const id = await registered();
    const error = await expectRefused(CERTIFY, { input: assessment(id, { stars: 4 }) }, "BAD_USER_INPUT", "input.stars", "STARS_SCORE_MISMATCH");
    expect(error.message).toBe("A total score of 60 (A 25 + B 15 + C 20) earns 3★ (50–69 points), not 4★.");
    await expectRefused(CERTIFY, { input: assessment(id, { scoreA: 10, scoreB: 10, scoreC: 10 }) }, "BAD_USER_INPUT", "input.stars", "SCORE_BELOW_THRESHOLD");
    await expectRefused(CERTIFY, { input: assessment(id, { level: "PROVINCE" }) }, "BAD_USER_INPUT", "input.level", "LEVEL_MISMATCH");
    await expectRefused(
      CERTIFY,
      { input: assessment(id, { scoreA: 38, scoreB: 24, scoreC: 30, stars: 5, level: "PROVINCE" }) },
      "BAD_USER_INPUT",
      "input.level",
      "LEVEL_MISMATCH",
    );
    await expectRefused(CERTIFY, { input: assessment(id, { scoreA: 41 }) }, "BAD_USER_INPUT", "input.scoreA");
    await expectRefused(CERTIFY, { input: assessment(id, { scoreC: 36 }) }, "BAD_USER_INPUT", "input.scoreC");
  });

  it("refuses bad dates and decision numbers", async () => {
    const id = await registered();
    await expectRefused(CERTIFY, { input: assessment(id, { decidedOn: "2023-12-31" }) }, "BAD_USER_INPUT", "input.decidedOn", "DECIDED_BEFORE_REGISTRATION");
    await expectRefused(CERTIFY, { input: assessment(id, { decidedOn: "2999-01-01" }) }, "BAD_USER_INPUT", "input.decidedOn", "DATE_IN_FUTURE");
    await expectRefused(CERTIFY, { input: assessment(id, { decisionNumber: "quyết định số 5" }) }, "BAD_USER_INPUT", "input.decisionNumber");
    const bad = await o.query(CERTIFY, { input: assessment(id, { decidedOn: "2024-02-30" }) });
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers NOT_FOUND for an unknown product and CONFLICT for a second first certificate", async () => {
    await expectRefused(CERTIFY, { input: assessment("00000000-0000-5000-8000-000000000000") }, "NOT_FOUND", "input.productId");
    const id = await registered();
    expect((await o.query(CERTIFY, { input: assessment(id) })).errors).toBeUndefined();
    await expectRefused(CERTIFY, { input: assessment(id, { decidedOn: "2024-05-01" }) }, "CONFLICT", "input.productId", "ALREADY_CERTIFIED");
  });

  it("refuses to certify a product whose membership owner has disappeared", async () => {
    const orgId = await someCooperative();
    const id = await registered({ organizationId: orgId });
    await o.service.dataSource.query("UPDATE ocop_product SET owner_organization_id = '00000000-0000-5000-8000-000000000001' WHERE id = $1", [id]);
    await expectRefused(CERTIFY, { input: assessment(id) }, "NOT_FOUND", "input.productId", "OWNER_NOT_FOUND");
    const check = await o.query(`{ ocopOwnerReferenceCheck(batchSize: 20) { checkedReferences batches dangling { organizationId problem products { id } } } }`);
    expect(check.errors).toBeUndefined();
    expect(check.data.ocopOwnerReferenceCheck.batches).toBe(Math.ceil(check.data.ocopOwnerReferenceCheck.checkedReferences / 20));
    expect(check.data.ocopOwnerReferenceCheck.dangling).toEqual([
      { organizationId: "00000000-0000-5000-8000-000000000001", problem: "UNKNOWN", products: [{ id }] },
    ]);
    // The gateway takes at most 30 aliases in one request, so a larger batch goes 30 ids at a time.
    const large = await o.query(`{ ocopOwnerReferenceCheck(batchSize: 50) { checkedReferences batches dangling { organizationId } } }`);
    expect(large.data.ocopOwnerReferenceCheck.checkedReferences).toBeGreaterThan(50);
    expect(large.data.ocopOwnerReferenceCheck.batches).toBe(Math.ceil(large.data.ocopOwnerReferenceCheck.checkedReferences / 30));
    expect(large.data.ocopOwnerReferenceCheck.dangling).toEqual(
      check.data.ocopOwnerReferenceCheck.dangling.map(({ organizationId }: any) => ({ organizationId })),
    );
  });
});

describe("reassessOcopProduct and revokeOcopCertification", () => {
  it("upgrades, keeping the earlier certificate as history", async () => {
    const id = await registered();
    await o.query(CERTIFY, { input: assessment(id, { decidedOn: "2024-02-01" }) });
    const res = await o.query(REASSESS, { input: assessment(id, { scoreA: 32, scoreB: 20, scoreC: 28, stars: 4, decidedOn: "2025-02-01" }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.reassessOcopProduct).toMatchObject({
      sequence: 2,
      kind: "UPGRADE",
      stars: 4,
      level: "PROVINCE",
      product: { certifications: [{ sequence: 1 }, { sequence: 2 }] },
    });
    await expectRefused(REASSESS, { input: assessment(id, { decidedOn: "2025-01-15" }) }, "BAD_USER_INPUT", "input.decidedOn", "DECIDED_BEFORE_PREVIOUS");
    await expectRefused(REASSESS, { input: assessment(await registered()) }, "CONFLICT", "input.productId", "NOT_YET_CERTIFIED");
  });

  it("revokes the certificate in force, after which the product is REVOKED; refuses when none is in force", async () => {
    const id = await registered();
    await o.query(CERTIFY, { input: assessment(id) });
    await expectRefused(
      REVOKE,
      { input: { productId: id, revokedOn: "2024-02-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "77/QĐ-UBND" } },
      "CONFLICT",
      "input.revokedOn",
      "NO_CERTIFICATE_IN_FORCE",
    );
    await expectRefused(
      REVOKE,
      { input: { productId: id, revokedOn: "2024-06-01", reason: "x", decisionNumber: "77/QĐ-UBND" } },
      "BAD_USER_INPUT",
      "input.reason",
    );
    const res = await o.query(REVOKE, { input: { productId: id, revokedOn: "2024-06-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "77/QĐ-UBND" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.revokeOcopCertification).toMatchObject({ revokedOn: "2024-06-01", product: { status: "REVOKED" } });
    await expectRefused(
      REVOKE,
      { input: { productId: id, revokedOn: "2024-07-01", reason: "Lần hai", decisionNumber: "78/QĐ-UBND" } },
      "CONFLICT",
      "input.revokedOn",
      "NO_CERTIFICATE_IN_FORCE",
    );
  });
});

describe("the statistics after a write", () => {
  const FIGURES = /* GraphQL */ `
    query ($asOf: LocalDate) {
      ocopStatistics(asOf: $asOf, groupBy: STARS) {
        total {
          activeProducts
          revokedProducts
          threeStarProducts
          fourStarProducts
          otherOwnedProducts
        }
        groups {
          key
          figures {
            activeProducts
          }
        }
      }
    }
  `;
  const figures = async (asOf: string) => {
    const res = await o.query(FIGURES, { asOf });
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data.ocopStatistics;
    return { ...total, byStars: Object.fromEntries(groups.map((g: any) => [g.key, g.figures.activeProducts])) };
  };

  it("count a certificate, a re-assessment and a revocation in the next read, each on its own dates", async () => {
    const before = { march: await figures("2024-03-15"), july: await figures("2024-07-15"), next: await figures("2025-03-01") };
    const id = await registered();
    // Registered only: no certificate, so no figure moves.
    expect(await figures("2024-03-15")).toEqual(before.march);
    expect((await o.query(CERTIFY, { input: assessment(id, { decidedOn: "2024-03-01" }) })).errors).toBeUndefined();
    const certified = await figures("2024-03-15");
    expect(certified).toMatchObject({
      activeProducts: before.march.activeProducts + 1,
      threeStarProducts: before.march.threeStarProducts + 1,
      otherOwnedProducts: before.march.otherOwnedProducts + 1,
    });
    expect(certified.byStars["3"]).toBe(before.march.byStars["3"] + 1);
    // The re-assessment counts from its decision on; before it, the first certificate still stands.
    const upgrade = assessment(id, { scoreA: 32, scoreB: 20, scoreC: 28, stars: 4, decidedOn: "2025-02-01" });
    expect((await o.query(REASSESS, { input: upgrade })).errors).toBeUndefined();
    expect(await figures("2024-03-15")).toEqual(certified);
    expect(await figures("2025-03-01")).toMatchObject({ fourStarProducts: before.next.fourStarProducts + 1, threeStarProducts: before.next.threeStarProducts });
    // Revoked on 2025-06-01 (the certificate in force then): revoked from that day, still active before it.
    const beforeRevocation = await figures("2025-07-01");
    const revoke = { productId: id, revokedOn: "2025-06-01", reason: "Vi phạm an toàn thực phẩm", decisionNumber: "79/QĐ-UBND" };
    expect((await o.query(REVOKE, { input: revoke })).errors).toBeUndefined();
    expect(await figures("2025-07-01")).toMatchObject({
      activeProducts: beforeRevocation.activeProducts - 1,
      fourStarProducts: beforeRevocation.fourStarProducts - 1,
      revokedProducts: beforeRevocation.revokedProducts + 1,
    });
    expect((await figures("2025-03-01")).fourStarProducts).toBe(before.next.fourStarProducts + 1);
    expect((await figures("2024-07-15")).activeProducts).toBe(before.july.activeProducts + 1);
  });
});
