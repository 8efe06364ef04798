import { demoOrganizations } from "@kttt/demo";
import { ADMIN_UNITS, unitOn, unitsShareGround } from "@kttt/reference";
import { AgencyKind } from "../src/domain/enums";
import { AGENCIES, DOCUMENTS } from "../src/seed/catalogue";
import { DISBURSEMENT_RATE, generatePolicySeedRows } from "../src/seed/generate";

const rows = generatePolicySeedRows();
const sum = (values: unknown[]) => values.reduce<bigint>((a, v) => a + BigInt(v as string), 0n);
const rate = (list: Record<string, unknown>[]) =>
  Number((sum(list.map((b) => b.disbursed_amount)) * 1_000_000n) / sum(list.map((b) => b.planned_amount))) / 1_000_000;
const programmeById = new Map(rows.programmes.map((p) => [p.id as string, p]));
const policyById = new Map(rows.policies.map((p) => [p.id as string, p]));
const kindOf = (b: Record<string, unknown>) => policyById.get(programmeById.get(b.programme_id as string)!.policy_id as string)!.kind as string;

describe("policy-support demo data", () => {
  it("is the same on every run", () => {
    expect(generatePolicySeedRows()).toEqual(rows);
  });

  it("has the real documents with their supersession chains", () => {
    const byNumber = new Map(rows.documents.map((d) => [d.number as string, d]));
    const successorOf = (number: string) => rows.documents.find((d) => d.supersedes_id === byNumber.get(number)!.id)?.number;
    expect(successorOf("23/2012/QH13")).toBe("17/2023/QH15");
    expect(successorOf("1048/QĐ-TTg")).toBe("148/QĐ-TTg");
    expect(byNumber.get("17/2023/QH15")).toMatchObject({ issued_on: "2023-06-20", effective_on: "2024-07-01", type: "LAW" });
    expect(byNumber.get("113/2024/NĐ-CP")).toMatchObject({ issued_on: "2024-09-12", type: "DECREE" });
    expect(byNumber.get("20-NQ/TW")).toMatchObject({ issued_on: "2022-06-16", type: "RESOLUTION" });
    expect(byNumber.get("340/QĐ-TTg")).toMatchObject({ issued_on: "2021-03-12" });
    // Dates not in the sources stay empty and say so; the plans' numbers are marked illustrative.
    for (const d of DOCUMENTS.filter((x) => x.issuedOn === null)) expect(d.note).toMatch(/chưa được đối chiếu|minh họa/u);
    expect(rows.documents.filter((d) => d.type === "PLAN").map((d) => d.note)).toEqual([
      expect.stringMatching(/minh họa/u),
      expect.stringMatching(/minh họa/u),
    ]);
  });

  it("has one People's Committee per district-level unit, and none after its unit ended", () => {
    const committees = AGENCIES.filter((a) => a.kind === AgencyKind.DISTRICT_COMMITTEE);
    expect(committees.map((a) => a.adminUnitCode).sort()).toEqual(ADMIN_UNITS.map((u) => u.code).sort());
    const locHa = committees.find((a) => a.adminUnitCode === "448")!;
    const locHaProgrammes = rows.programmes.filter((p) => p.agency_id === locHa.id);
    expect(locHaProgrammes.map((p) => (p.starts_on as string).slice(0, 4)).sort()).toEqual(["2023", "2024"]);
    for (const p of rows.programmes.filter((x) => (x.starts_on as string).startsWith("2025") && committees.some((a) => a.id === x.agency_id))) {
      expect(p.ends_on as string).toBe("2025-06-30");
    }
  });

  it("draws beneficiaries from the shared organisations, eligible and registered where a district programme runs", () => {
    const orgs = new Map(demoOrganizations().map((o) => [o.id, o]));
    const agencies = new Map(AGENCIES.map((a) => [a.id, a]));
    for (const b of rows.beneficiaries) {
      const org = orgs.get(b.organization_id as string)!;
      expect(org).toBeDefined();
      expect(b.organization_kind).toBe(org.kind);
      // The commune membership's seed gives it; the unit in force where that commune lay on the approval date.
      expect(b.commune_id).toBe(org.communeCode);
      expect(unitOn(b.admin_unit_code as string, b.approved_on as string)).not.toBeNull();
      if ((b.approved_on as string) < "2025-01-01") expect(b.admin_unit_code).toBe(org.adminUnitCode);
      else expect(unitsShareGround(b.admin_unit_code as string, org.adminUnitCode)).toBe(true);
      const programme = programmeById.get(b.programme_id as string)!;
      expect(policyById.get(programme.policy_id as string)!.eligible_kinds).toContain(org.kind);
      const agency = agencies.get(programme.agency_id as string)!;
      if (agency.adminUnitCode) expect(b.admin_unit_code).toBe(agency.adminUnitCode);
      expect(String(b.approved_on) >= String(programme.starts_on) && String(b.approved_on) <= String(programme.ends_on)).toBe(true);
    }
    expect(new Set(rows.beneficiaries.map((b) => b.organization_id)).size).toBeGreaterThan(500);
  });

  it("never pays more than approved, inside the programme's period, and allocates within each budget line", () => {
    const paid = new Map<string, bigint>();
    const beneficiaries = new Map(rows.beneficiaries.map((b) => [b.id as string, b]));
    for (const d of rows.disbursements) {
      const b = beneficiaries.get(d.beneficiary_id as string)!;
      const p = programmeById.get(b.programme_id as string)!;
      expect(String(d.disbursed_on) >= String(b.approved_on) && String(d.disbursed_on) <= String(p.ends_on)).toBe(true);
      paid.set(b.id as string, (paid.get(b.id as string) ?? 0n) + BigInt(d.amount as string));
    }
    for (const b of rows.beneficiaries) {
      expect(paid.get(b.id as string) ?? 0n).toBe(BigInt(b.disbursed_amount as string));
      expect(BigInt(b.disbursed_amount as string)).toBeLessThanOrEqual(BigInt(b.planned_amount as string));
    }
    for (const line of rows.funding) {
      const allocated = sum(
        rows.beneficiaries.filter((b) => b.programme_id === line.programme_id && b.funding_source === line.source).map((b) => b.planned_amount),
      );
      expect(allocated).toBeLessThanOrEqual(BigInt(line.planned_amount as string));
    }
  });

  it("has a low disbursement rate overall, lower still for credit and land", () => {
    const overall = rate(rows.beneficiaries);
    expect(overall).toBeGreaterThanOrEqual(0.3);
    expect(overall).toBeLessThanOrEqual(0.45);
    for (const kind of ["CREDIT_DEVELOPMENT_FUND", "LAND"]) {
      const kindRate = rate(rows.beneficiaries.filter((b) => kindOf(b) === kind));
      expect(kindRate).toBeLessThan(overall / 2);
      expect(kindRate).toBeLessThan(DISBURSEMENT_RATE.HUMAN_RESOURCES);
    }
  });

  it("gives the 2024 plan results below target for good/fair share and trained managers, matching the records", () => {
    const plan2024 = rows.plans.find((p) => p.year === 2024)!;
    const target = (indicator: string) => rows.targets.find((t) => t.plan_id === plan2024.id && t.indicator === indicator)!;
    expect(target("GOOD_OR_FAIR_SHARE").actual_value).toBe((((118 + 258) / 975) * 100).toFixed(2));
    expect(Number(target("GOOD_OR_FAIR_SHARE").actual_value)).toBeLessThan(Number(target("GOOD_OR_FAIR_SHARE").target_value));
    const trained2024 = rows.beneficiaries.filter((b) => (b.approved_on as string).startsWith("2024")).reduce((a, b) => a + (b.managers_trained as number), 0);
    expect(trained2024).toBeGreaterThan(0);
    expect(Number(target("TRAINED_MANAGERS").actual_value)).toBe(trained2024);
    expect(trained2024).toBeLessThan(Number(target("TRAINED_MANAGERS").target_value));
    const plan2025 = rows.plans.find((p) => p.year === 2025)!;
    expect(rows.targets.filter((t) => t.plan_id === plan2025.id).every((t) => t.actual_value === null && t.actual_amount === null)).toBe(true);
  });

  it("approves support only for organisations as membership's seed records them: that kind and unit, not yet dissolved", () => {
    // recordBeneficiary would refuse anything else (it asks membership); the seed must not hold it either.
    const recorded = new Map(demoOrganizations().map((o) => [o.id, o]));
    const unlike = rows.beneficiaries.filter((b) => {
      const o = recorded.get(b.organization_id as string);
      return (
        !o ||
        o.kind !== b.organization_kind ||
        !unitsShareGround(b.admin_unit_code as string, o.adminUnitCode) ||
        (o.dissolvedOn !== null && o.dissolvedOn <= (b.approved_on as string))
      );
    });
    expect(rows.beneficiaries.length).toBeGreaterThan(1000);
    expect(unlike).toEqual([]);
  });

  it("has illustrative support in 2025 and the first half of 2026, registered under the communes after 2025-07-01", () => {
    const after = rows.beneficiaries.filter((b) => (b.approved_on as string) >= "2025-07-01");
    const in2026 = rows.beneficiaries.filter((b) => (b.approved_on as string).startsWith("2026"));
    expect(in2026.length).toBeGreaterThan(100);
    expect(rows.programmes.filter((p) => (p.starts_on as string).startsWith("2026")).every((p) => /minh họa/u.test(p.name as string))).toBe(true);
    // Marked as OCOP's and trade promotion's illustrative rows are: the programmes of 2026, and only they.
    expect(rows.programmes.filter((p) => p.illustrative).map((p) => p.code)).toEqual(
      rows.programmes.filter((p) => (p.starts_on as string).startsWith("2026")).map((p) => p.code),
    );
    expect(rows.programmes.filter((p) => p.illustrative)).toHaveLength(9);
    expect(rows.disbursements.filter((d) => (d.disbursed_on as string) >= "2026-01-01").length).toBeGreaterThan(50);
    expect(rows.disbursements.every((d) => (d.disbursed_on as string) <= "2026-06-30")).toBe(true);
    expect(after.length).toBe(in2026.length);
    for (const b of after) expect(unitOn(b.admin_unit_code as string, b.approved_on as string)?.level).toBe("COMMUNE");
  });
});
