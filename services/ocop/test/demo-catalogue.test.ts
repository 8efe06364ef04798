/** The demo OCOP catalogue on its own (no database): the seed text's figures and the rules hold. */
import { demoOcopCatalogue, demoOrganizations } from "@kttt/demo";
import {
  ocopCertifyingBody,
  ocopCurrentCertificate,
  ocopLevelBasis,
  ocopLevelFor,
  ocopStarsForScore,
  ocopStatusOn,
  ocopValidUntil,
  addDays,
  OCOP_SUBGROUPS,
} from "@kttt/reference";

const { products, owners } = demoOcopCatalogue();
const AS_OF = "2024-07-15";
const active = products.filter((p) => ocopStatusOn(p.certifications, AS_OF) === "ACTIVE");
const organizations = new Map(demoOrganizations().map((o) => [o.id, o]));

describe("demo OCOP catalogue as of 2024-07-15", () => {
  it("has exactly 239 active products: 66 of 65 distinct HTX/THT, 173 of enterprises and households", () => {
    expect(active).toHaveLength(239);
    const collective = active.filter((p) => p.ownerOrganizationId);
    expect(collective).toHaveLength(66);
    expect(new Set(collective.map((p) => p.ownerOrganizationId)).size).toBe(65);
    expect(active.filter((p) => p.ownerId)).toHaveLength(173);
  });

  it("keeps expired, revoked and not-yet-certified products out of the 239", () => {
    const statuses = products.map((p) => ocopStatusOn(p.certifications, AS_OF));
    expect(statuses.filter((s) => s === "EXPIRED").length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === "REVOKED")).toHaveLength(1);
    expect(statuses.filter((s) => s === null).length).toBeGreaterThan(0);
  });

  it("has certificates lapsing within 90 and 180 days, mostly 3★, some 4★", () => {
    const ends = active.map((p) => ocopCurrentCertificate(p.certifications, AS_OF)!);
    const within = (days: number) => ends.filter((c) => c.validUntil <= addDays(AS_OF, days)).length;
    expect(within(90)).toBeGreaterThanOrEqual(5);
    expect(within(180)).toBeGreaterThan(within(90));
    const four = ends.filter((c) => c.stars === 4).length;
    expect(ends.filter((c) => c.stars === 3).length).toBeGreaterThan(four);
    expect(four).toBeGreaterThan(0);
  });

  it("owners of membership are active HTX/THT that existed before the product was registered", () => {
    for (const p of products.filter((x) => x.ownerOrganizationId)) {
      const org = organizations.get(p.ownerOrganizationId!)!;
      expect(org.status).toBe("ACTIVE");
      expect(["COOPERATIVE", "COOPERATIVE_GROUP"]).toContain(org.kind);
      expect(p.ownerType).toBe(org.kind);
      expect(org.establishedOn < p.registeredOn).toBe(true);
    }
    for (const p of products.filter((x) => x.ownerId)) expect(owners.some((o) => o.id === p.ownerId && o.type === p.ownerType)).toBe(true);
  });

  it("every certificate obeys the bands, levels and 36-month validity, and histories are re-assessments", () => {
    let reassessed = 0;
    for (const p of products) {
      expect(OCOP_SUBGROUPS[p.group]).toContain(p.subgroup);
      p.certifications.forEach((c, i) => {
        expect(c.scoreA).toBeLessThanOrEqual(40);
        expect(c.scoreB).toBeLessThanOrEqual(25);
        expect(c.scoreC).toBeLessThanOrEqual(35);
        expect(ocopStarsForScore(c.scoreA + c.scoreB + c.scoreC)).toBe(c.stars);
        expect(c.level).toBe(ocopLevelFor(c.stars, c.decidedOn));
        expect(c.validUntil).toBe(ocopValidUntil(c.decidedOn));
        expect(c.decidedOn >= p.registeredOn).toBe(true);
        if (i > 0) expect(c.decidedOn > p.certifications[i - 1].decidedOn).toBe(true);
      });
      if (p.certifications.length > 1 && p.certifications[0].decidedOn <= AS_OF && p.certifications[1].decidedOn <= AS_OF) reassessed++;
    }
    expect(reassessed).toBeGreaterThanOrEqual(10);
    expect(products.some((p) => p.certifications.some((c, i) => i > 0 && c.stars > p.certifications[i - 1].stars))).toBe(true);
  });

  it("has stable ids and distinct product names, and Hà Tĩnh's known products", () => {
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.name)).size).toBe(products.length);
    const names = products.map((p) => p.name).join("\n");
    for (const known of [
      "Bưởi Phúc Trạch",
      "Nhung hươu Hương Sơn",
      "Mật ong Cường Nga",
      "Nước mắm Đỉnh Miện",
      "Giò bột Thắm Thanh",
      "Trà mướp đắng Mai Hương",
      "Đồ gỗ Thái Yên",
      "Bánh đa vừng Nguyên Lâm",
    ]) {
      expect(names).toContain(known);
    }
    expect(demoOcopCatalogue()).toBe(demoOcopCatalogue());
  });
});

describe("OCOP rules", () => {
  it("computes validity as decision date + 36 months − 1 day", () => {
    expect(ocopValidUntil("2021-08-15")).toBe("2024-08-14");
    expect(ocopValidUntil("2021-02-28")).toBe("2024-02-27");
    expect(ocopValidUntil("2020-02-29")).toBe("2023-02-27");
  });
  it("moves 3★ to the province from 2025-07-06 (Decision 1489/QĐ-TTg), not 2025-01-01", () => {
    expect(ocopLevelFor(3, "2024-12-31")).toBe("DISTRICT");
    expect(ocopLevelFor(3, "2025-01-01")).toBe("DISTRICT");
    expect(ocopLevelFor(3, "2025-07-05")).toBe("DISTRICT");
    expect(ocopLevelFor(3, "2025-07-06")).toBe("PROVINCE");
    expect(ocopLevelFor(4, "2025-07-06")).toBe("PROVINCE");
    expect(ocopLevelFor(5, "2025-07-06")).toBe("CENTRAL");
    expect(ocopLevelBasis("2025-07-05")).toContain("148/QĐ-TTg");
    expect(ocopLevelBasis("2025-07-06")).toContain("1489/QĐ-TTg");
    expect(ocopCertifyingBody("DISTRICT", "Huyện Hương Khê")).toBe("Ủy ban nhân dân huyện Hương Khê");
    expect(ocopCertifyingBody("PROVINCE", null)).toBe("Ủy ban nhân dân tỉnh Hà Tĩnh");
    expect(ocopLevelFor(4, "2020-01-01")).toBe("PROVINCE");
    expect(ocopLevelFor(5, "2020-01-01")).toBe("CENTRAL");
    expect([49, 50, 69, 70, 89, 90].map(ocopStarsForScore)).toEqual([null, 3, 3, 4, 4, 5]);
  });
});
