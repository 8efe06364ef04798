import { SEED_DATE, startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

const LIST = /* GraphQL */ `
  query ($f: OcopProductFilter, $first: Int, $after: String, $orderBy: OcopProductOrder) {
    ocopProducts(filter: $f, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        group
        adminUnitCode
        ownerType
        status
        stars
        currentCertification {
          validUntil
          stars
        }
      }
    }
  }
`;

describe("ocopProducts", () => {
  it("finds products without diacritics", async () => {
    const res = await o.query(LIST, { f: { search: "mat ong cuong nga" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.ocopProducts.nodes.map((n: any) => n.name)).toEqual(["Mật ong Cường Nga"]);
    const deer = await o.query(LIST, { f: { search: "NHUNG HUOU" } });
    expect(deer.data.ocopProducts.totalCount).toBeGreaterThan(0);
    for (const n of deer.data.ocopProducts.nodes) expect(n.name).toMatch(/^Nhung hươu/u);
  });

  it("filters by stars, group, unit, owner type and status, judged as of the given date", async () => {
    const res = await o.query(LIST, { f: { asOf: SEED_DATE, stars: 4, group: "FOOD", adminUnitCode: "444", status: "ACTIVE" }, first: 100 });
    expect(res.errors).toBeUndefined();
    expect(res.data.ocopProducts.totalCount).toBeGreaterThan(0);
    for (const n of res.data.ocopProducts.nodes) {
      expect(n).toMatchObject({ group: "FOOD", adminUnitCode: "444", status: "ACTIVE", stars: 4 });
    }
    const households = await o.query(LIST, { f: { asOf: SEED_DATE, ownerType: "HOUSEHOLD_BUSINESS" }, first: 100 });
    for (const n of households.data.ocopProducts.nodes) expect(n.ownerType).toBe("HOUSEHOLD_BUSINESS");
    const expired = await o.query(LIST, { f: { asOf: SEED_DATE, status: "EXPIRED" }, first: 100 });
    expect(expired.data.ocopProducts.totalCount).toBeGreaterThan(0);
    for (const n of expired.data.ocopProducts.nodes) expect(n.status).toBe("EXPIRED");
  });

  it("lists products expiring within N days of the date, each ending in that window", async () => {
    const res = await o.query(LIST, { f: { asOf: SEED_DATE, expiringWithinDays: 90 }, first: 100 });
    expect(res.data.ocopProducts.totalCount).toBeGreaterThan(0);
    for (const n of res.data.ocopProducts.nodes) {
      expect(n.status).toBe("ACTIVE");
      expect(n.currentCertification.validUntil >= SEED_DATE).toBe(true);
      expect(n.currentCertification.validUntil <= "2024-10-13").toBe(true);
    }
  });

  it("pages with keyset cursors without gaps or repeats, in either order", async () => {
    for (const orderBy of ["NAME_ASC", "REGISTERED_ON_DESC"]) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const res: any = await o.query(LIST, { f: { asOf: SEED_DATE, status: "ACTIVE" }, first: 50, after, orderBy });
        expect(res.errors).toBeUndefined();
        total = res.data.ocopProducts.totalCount;
        seen.push(...res.data.ocopProducts.nodes.map((n: any) => n.id));
        after = res.data.ocopProducts.pageInfo.hasNextPage ? res.data.ocopProducts.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(239);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it("refuses a bad filter with the field named", async () => {
    const res = await o.query(LIST, { f: { stars: 6 } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.stars" });
    const cursor = await o.query(LIST, { after: "not-a-cursor" });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("keeps a product's history: an upgrade supersedes an earlier certificate", async () => {
    const res = await o.query(
      `{ ocopProducts(first: 100, filter: { asOf: "${SEED_DATE}", stars: 4 }) { nodes { name certifications { sequence kind stars decidedOn status(asOf: "${SEED_DATE}") } } } }`,
    );
    const upgraded = res.data.ocopProducts.nodes.filter((n: any) => n.certifications.some((c: any) => c.kind === "UPGRADE" && c.decidedOn <= SEED_DATE));
    expect(upgraded.length).toBeGreaterThan(0);
    const [first, second] = upgraded[0].certifications;
    expect(first).toMatchObject({ sequence: 1, kind: "INITIAL", stars: 3 });
    expect(second).toMatchObject({ sequence: 2, kind: "UPGRADE", stars: 4, status: "ACTIVE" });
  });
});
