import { DEMO_FIGURES, demoOrganizations } from "@kttt/demo";
import { generateSeedRows, RATING_COUNTS_2024, SEED_TOTALS } from "../src/seed/generate";

const rows = generateSeedRows();
const existing = demoOrganizations().filter((o) => o.kind === "COOPERATIVE" && o.status !== "DISSOLVED");
const reports2024 = rows.financialReports.filter((f) => f.year === 2024);
const sum = (values: unknown[]) => values.reduce<bigint>((a, v) => a + BigInt(v as string | number), 0n);

describe("demo data", () => {
  it("has the seed's organisation counts", () => {
    const orgs = demoOrganizations();
    expect(existing).toHaveLength(975);
    expect(orgs.filter((o) => o.kind === "COOPERATIVE_UNION")).toHaveLength(3);
    expect(orgs.filter((o) => o.kind === "COOPERATIVE_GROUP")).toHaveLength(2538);
    expect(orgs.filter((o) => o.status === "DISSOLVED")).toHaveLength(DEMO_FIGURES.dissolvedCooperatives);
  });

  it("adds up exactly to the seed's capital, revenue and profit", () => {
    expect(reports2024).toHaveLength(975);
    expect(sum(reports2024.map((f) => f.charter_capital))).toBe(SEED_TOTALS.charterCapital);
    expect(sum(reports2024.map((f) => f.revenue))).toBe(SEED_TOTALS.revenue);
    expect(sum(reports2024.map((f) => f.profit))).toBe(SEED_TOTALS.profit);
  });

  it("has a worker-weighted average income of exactly 4,000,000 đồng", () => {
    const workers = sum(reports2024.map((f) => f.regular_workers));
    const wages = reports2024.reduce((a, f) => a + BigInt(f.average_monthly_income as string) * BigInt(f.regular_workers as number), 0n);
    expect(wages).toBe(SEED_TOTALS.averageMonthlyIncome * workers);
  });

  it("keeps every row within the rules the database enforces", () => {
    for (const f of rows.financialReports) {
      expect(BigInt(f.profit as string)).toBeLessThanOrEqual(BigInt(f.revenue as string));
      expect(BigInt(f.charter_capital as string)).toBeGreaterThanOrEqual(0n);
      expect(BigInt(f.average_monthly_income as string)).toBeGreaterThan(0n);
      expect(f.managers_trained as number).toBeLessThanOrEqual(f.managers_total as number);
    }
    const officials = new Map<string, number>();
    for (const m of rows.members) {
      if (m.membership_type === "OFFICIAL") officials.set(m.organization_id as string, (officials.get(m.organization_id as string) ?? 0) + 1);
      if (m.membership_type === "ASSOCIATE_WITHOUT_CAPITAL") expect(m.capital_contributed).toBe("0");
    }
    for (const o of demoOrganizations()) {
      const minimum = o.kind === "COOPERATIVE" ? 5 : o.kind === "COOPERATIVE_UNION" ? 3 : 2;
      expect(officials.get(o.id) ?? 0).toBeGreaterThanOrEqual(minimum);
    }
  });

  it("splits each cooperative's charter capital exactly over its contributing members", () => {
    const capitalByOrg = new Map(reports2024.map((f) => [f.organization_id as string, BigInt(f.charter_capital as string)]));
    const contributed = new Map<string, bigint>();
    for (const m of rows.members) {
      const id = m.organization_id as string;
      contributed.set(id, (contributed.get(id) ?? 0n) + BigInt(m.capital_contributed as string));
    }
    for (const [id, capital] of capitalByOrg) expect(contributed.get(id)).toBe(capital);
  });

  it("rates the cooperatives in the province's shape, with scores inside each band", () => {
    const ratings = rows.classifications.filter((c) => c.year === 2024 && c.scheme === "CIRCULAR_01_2020");
    const counts = Object.fromEntries(Object.keys(RATING_COUNTS_2024).map((r) => [r, ratings.filter((c) => c.rating === r).length]));
    expect(counts).toEqual(RATING_COUNTS_2024);
    for (const c of ratings) {
      const score = c.score as number | null;
      if (c.rating === "NOT_RATED") expect(score).toBeNull();
      else if (c.rating === "GOOD") expect(score).toBeGreaterThanOrEqual(80);
      else if (c.rating === "FAIR") expect(score! >= 65 && score! < 80).toBe(true);
      else if (c.rating === "AVERAGE") expect(score! >= 50 && score! < 65).toBe(true);
      else expect(score).toBeLessThan(50);
    }
  });

  it("spreads over all 13 units and 7 sectors, with Vietnamese names in NFC", () => {
    expect(new Set(existing.map((o) => o.adminUnitCode)).size).toBe(13);
    expect(new Set(existing.map((o) => o.sector)).size).toBe(7);
    for (const o of demoOrganizations()) expect(o.name).toBe(o.name.normalize("NFC"));
    expect(existing.some((o) => /[ạảãàáâậầấẩẫăắằặẳẵđêệềếểễôộồốổỗơợờớởỡưựừứửữ]/iu.test(o.name))).toBe(true);
  });

  it("is deterministic", () => {
    const again = generateSeedRows();
    expect(again.financialReports).toEqual(rows.financialReports);
    expect(again.members.slice(0, 200)).toEqual(rows.members.slice(0, 200));
    expect(again.organizations).toEqual(rows.organizations);
  });
});
