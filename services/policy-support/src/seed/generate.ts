/**
 * Generates policy support's demo rows: the catalogue's documents, agencies and policies, then
 * programmes for 2023–2025 per agency with budgets by funding source, beneficiaries drawn from the
 * shared demo organisations (by id only) and their disbursements, and the 2024 and 2025 plans.
 * Disbursement follows a rate per kind of support and per year, so the overall rate is low and the
 * credit and land rates lower still, as the mid-2024 review says ("kết quả thực hiện chính sách hỗ
 * trợ KTTT, HTX đạt thấp"). 2025 and the first half of 2026 are illustrative. Each beneficiary lies in the mid-2024
 * commune membership's seed gives it (since it was established), registered under the unit a write would name on the
 * approval date: its district before 2025-07-01 (Lộc Hà's under the district that took its commune), its commune after.
 */
import { allocate, DEMO_FIGURES, demoCommuneIdOf, demoOrganizations, demoRegisteredUnitOn, Random, stableUuid, type DemoOrganization } from "@kttt/demo";
import { recordCommuneOn, TWO_TIER_FROM } from "@kttt/reference";
import { addDays } from "@kttt/core";
import { AgencyKind, FundingSource, PlanIndicator, PolicyKind } from "../domain/enums";
import { AGENCIES, DOCUMENTS, documentId, POLICIES, POLICY_OF_KIND, type CatalogueAgency, type CataloguePolicy } from "./catalogue";

/** 2026 is illustrative and covers the first half only: approvals and payments end on `DEMO_HORIZON`. */
export const DEMO_YEARS = [2023, 2024, 2025, 2026] as const;
/** The last day of the demo's payments (the first half of 2026). */
export const DEMO_HORIZON = "2026-06-30";

/** Share of the approved money paid out, per kind of support (before the year's factor). */
export const DISBURSEMENT_RATE: Record<PolicyKind, number> = {
  HUMAN_RESOURCES: 0.62,
  SCIENCE_TECHNOLOGY_DIGITAL: 0.38,
  TRADE_PROMOTION_MARKET: 0.55,
  CREDIT_DEVELOPMENT_FUND: 0.14,
  LAND: 0.09,
  INFRASTRUCTURE_EQUIPMENT: 0.3,
  CONSULTING_INFORMATION: 0.58,
  AGRICULTURE_SPECIFIC: 0.42,
  TAX_FEES: 0.5,
};
/** 2025 lags: district committees wound up mid-year when the district level was abolished. */
const YEAR_FACTOR: Record<number, number> = { 2023: 1.1, 2024: 1.0, 2025: 0.8, 2026: 0.45 };

/** Budget of a provincial programme, in million đồng, by kind; district programmes get 35%. */
const BASE_BUDGET_MILLIONS: Record<PolicyKind, number> = {
  HUMAN_RESOURCES: 1800,
  SCIENCE_TECHNOLOGY_DIGITAL: 2000,
  TRADE_PROMOTION_MARKET: 2000,
  CREDIT_DEVELOPMENT_FUND: 3000,
  LAND: 2000,
  INFRASTRUCTURE_EQUIPMENT: 3000,
  CONSULTING_INFORMATION: 600,
  AGRICULTURE_SPECIFIC: 1800,
  TAX_FEES: 500,
};

/** Share of each funding source in a provincial programme's budget, by kind (each adds up to 1). */
const PROVINCIAL_SHARES: Record<PolicyKind, Partial<Record<FundingSource, number>>> = {
  HUMAN_RESOURCES: { CENTRAL: 0.5, PROVINCIAL: 0.5 },
  SCIENCE_TECHNOLOGY_DIGITAL: { CENTRAL: 0.4, PROVINCIAL: 0.6 },
  TRADE_PROMOTION_MARKET: { PROVINCIAL: 0.8, OTHER: 0.2 },
  CREDIT_DEVELOPMENT_FUND: { PROVINCIAL: 0.6, OTHER: 0.4 },
  LAND: { PROVINCIAL: 1 },
  INFRASTRUCTURE_EQUIPMENT: { CENTRAL: 0.5, PROVINCIAL: 0.5 },
  CONSULTING_INFORMATION: { PROVINCIAL: 1 },
  AGRICULTURE_SPECIFIC: { CENTRAL: 0.3, PROVINCIAL: 0.7 },
  TAX_FEES: { PROVINCIAL: 1 },
};
/** The same for a district programme, whatever its kind. */
const DISTRICT_SHARES: Partial<Record<FundingSource, number>> = { PROVINCIAL: 0.3, DISTRICT: 0.5, COMMUNE: 0.2 };
const DISTRICT_KINDS = [PolicyKind.HUMAN_RESOURCES, PolicyKind.INFRASTRUCTURE_EQUIPMENT, PolicyKind.LAND];

const SUPPORT_TEXT: Record<PolicyKind, string> = {
  HUMAN_RESOURCES: "Đào tạo, bồi dưỡng cán bộ quản lý hợp tác xã",
  SCIENCE_TECHNOLOGY_DIGITAL: "Hỗ trợ phần mềm quản lý, kế toán và chuyển đổi số",
  TRADE_PROMOTION_MARKET: "Gian hàng hội chợ, kết nối cung cầu và đưa sản phẩm lên sàn thương mại điện tử",
  CREDIT_DEVELOPMENT_FUND: "Vay ưu đãi từ Quỹ hỗ trợ phát triển hợp tác xã",
  LAND: "Hỗ trợ tiền thuê đất làm trụ sở, cơ sở sản xuất",
  INFRASTRUCTURE_EQUIPMENT: "Đầu tư nhà xưởng, kho bãi, máy móc, trang thiết bị",
  CONSULTING_INFORMATION: "Tư vấn tổ chức lại, đăng ký theo Luật Hợp tác xã năm 2023",
  AGRICULTURE_SPECIFIC: "Hỗ trợ giống, vật tư và chế biến nông sản",
  TAX_FEES: "Hỗ trợ phí, lệ phí",
};

/** Mid-2024 review figures the 2024 plan's results repeat (seed text; membership's 2024 ratings 118 tốt + 258 khá of 975). */
const REVIEW_2024 = {
  goodOrFairPercent: "38.56",
  ocopProducts: 239,
  averageWorkerIncome: 4_000_000n,
};

export type Row = Record<string, unknown>;
export interface PolicySeedRows {
  documents: Row[];
  agencies: Row[];
  policies: Row[];
  basis: Row[];
  programmes: Row[];
  funding: Row[];
  beneficiaries: Row[];
  disbursements: Row[];
  plans: Row[];
  targets: Row[];
}

const MILLION = 1_000_000n;

const minDate = (a: string, b: string) => (a < b ? a : b);

/** The unit an organisation is registered under on a date, as a write would name it (`demoRegisteredUnitOn`). */
function unitOn(org: DemoOrganization, date: string): string {
  const unit = demoRegisteredUnitOn(org.id, org.adminUnitCode, date);
  if (!unit) throw new Error(`No unit holds the commune of ${org.name} on ${date}`);
  return unit;
}

function existsThroughout(o: DemoOrganization, from: string, to: string): boolean {
  return o.status === "ACTIVE" && o.establishedOn <= from && (o.dissolvedOn === null || o.dissolvedOn > to);
}

interface ProgrammePlan {
  id: string;
  year: number;
  agency: CatalogueAgency;
  policy: CataloguePolicy;
  startsOn: string;
  endsOn: string;
}

function programmesOf(year: number): ProgrammePlan[] {
  const plans: ProgrammePlan[] = [];
  AGENCIES.forEach((agency, index) => {
    if (agency.kind === AgencyKind.DISTRICT_COMMITTEE) {
      const startsOn = `${year}-02-01`;
      if (agency.validTo !== null && agency.validTo < startsOn) return; // the unit no longer existed
      const kind = DISTRICT_KINDS[(index + year) % DISTRICT_KINDS.length];
      const endsOn = agency.validTo ? minDate(`${year}-11-30`, agency.validTo) : `${year}-11-30`;
      plans.push({ id: "", year, agency, policy: POLICY_OF_KIND.get(kind)!, startsOn, endsOn });
    } else {
      for (const kind of agency.responsibleKinds) {
        const policy = POLICY_OF_KIND.get(kind);
        if (policy) plans.push({ id: "", year, agency, policy, startsOn: `${year}-03-01`, endsOn: `${year}-12-15` });
      }
    }
  });
  return plans.map((p) => ({ ...p, id: stableUuid(`support-programme/${p.year}/${p.agency.code}/${p.policy.code}`) }));
}

function pickBeneficiaries(rng: Random, orgs: DemoOrganization[], plan: ProgrammePlan, count: number): DemoOrganization[] {
  const eligible = (o: DemoOrganization) =>
    plan.policy.eligibleKinds.includes(o.kind) &&
    existsThroughout(o, plan.startsOn, plan.endsOn) &&
    // A district committee supports the organisations registered in its district on the day (Lộc Hà's under the districts that took its communes).
    (plan.agency.adminUnitCode === null || unitOn(o, plan.startsOn) === plan.agency.adminUnitCode) &&
    (plan.policy.kind !== PolicyKind.AGRICULTURE_SPECIFIC || o.sector === "AGRICULTURE") &&
    // After 2025-07-01 an organisation is registered under its commune: one whose commune was split or lost (only its
    // address could tell where it lies) is left out. No earlier programme starts after that day, so their picks stay.
    (plan.startsOn < TWO_TIER_FROM || recordCommuneOn(demoCommuneIdOf(o.id), plan.startsOn) !== null);
  const candidates = orgs.filter(eligible);
  const byKind = (kind: string) => rng.shuffle(candidates.filter((o) => o.kind === kind));
  const coops = byKind("COOPERATIVE");
  const groups = byKind("COOPERATIVE_GROUP");
  const unions = byKind("COOPERATIVE_UNION");
  const nGroups = Math.min(groups.length, Math.round(count * 0.25));
  const nUnions = Math.min(unions.length, rng.chance(0.3) ? 1 : 0);
  const nCoops = Math.min(coops.length, count - nGroups - nUnions);
  return [...coops.slice(0, nCoops), ...groups.slice(0, nGroups), ...unions.slice(0, nUnions)];
}

export function generatePolicySeedRows(): PolicySeedRows {
  const rng = new Random(2024_0715);
  const orgs = demoOrganizations();
  const rows: PolicySeedRows = {
    documents: [],
    agencies: [],
    policies: [],
    basis: [],
    programmes: [],
    funding: [],
    beneficiaries: [],
    disbursements: [],
    plans: [],
    targets: [],
  };

  for (const d of DOCUMENTS) {
    rows.documents.push({
      id: documentId(d.number),
      number: d.number,
      type: d.type,
      title: d.title,
      issuer: d.issuer,
      issued_on: d.issuedOn,
      effective_on: d.effectiveOn,
      supersedes_id: d.supersedes ? documentId(d.supersedes) : null,
      note: d.note,
      version: 1,
    });
  }
  for (const a of AGENCIES) {
    rows.agencies.push({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      admin_unit_code: a.adminUnitCode,
      valid_to: a.validTo,
      responsible_kinds: a.responsibleKinds,
    });
  }
  for (const p of POLICIES) {
    rows.policies.push({ id: p.id, code: p.code, name: p.name, kind: p.kind, description: p.description, eligible_kinds: p.eligibleKinds, version: 1 });
    for (const number of p.basis) rows.basis.push({ policy_id: p.id, document_id: documentId(number) });
  }

  const trainedByYear = new Map<number, number>();
  const moneyByYear = new Map<number, { planned: bigint; disbursed: bigint }>();

  for (const year of DEMO_YEARS) {
    for (const plan of programmesOf(year)) {
      const kind = plan.policy.kind;
      const district = plan.agency.kind === AgencyKind.DISTRICT_COMMITTEE;
      rows.programmes.push({
        id: plan.id,
        code: `CT-${year}-${plan.agency.code}-${plan.policy.code}`,
        name: `${plan.policy.name} năm ${year} (${plan.agency.name})${year >= 2026 ? " – dữ liệu minh họa" : ""}`,
        policy_id: plan.policy.id,
        agency_id: plan.agency.id,
        starts_on: plan.startsOn,
        ends_on: plan.endsOn,
        // Earlier years' books are closed; 2025 and 2026 programmes can still record late payments.
        status: year < 2025 ? "CLOSED" : "OPEN",
        version: 1,
        illustrative: year >= 2026,
      });

      const budget = BigInt(Math.round(BASE_BUDGET_MILLIONS[kind] * (district ? 0.35 : 1) * (0.8 + rng.next() * 0.5))) * MILLION;
      const shares = Object.entries(district ? DISTRICT_SHARES : PROVINCIAL_SHARES[kind]) as [FundingSource, number][];
      const lines = allocate(
        budget,
        shares.map(([, w]) => w),
        MILLION,
        MILLION,
      ).map((amount, i) => ({ source: shares[i][0], amount }));
      for (const line of lines) rows.funding.push({ programme_id: plan.id, source: line.source, planned_amount: line.amount.toString() });

      const bigTickets = ([PolicyKind.CREDIT_DEVELOPMENT_FUND, PolicyKind.INFRASTRUCTURE_EQUIPMENT, PolicyKind.LAND] as PolicyKind[]).includes(kind);
      const count = district ? rng.int(6, 16) : bigTickets ? rng.int(8, 16) : rng.int(18, 40);
      const chosen = pickBeneficiaries(rng, orgs, plan, count);
      if (chosen.length === 0) continue;

      // Each beneficiary is charged to one budget line; every line with beneficiaries is mostly allocated.
      const sourceOf = chosen.map(() => {
        let r = rng.next() * Number(budget);
        for (const line of lines) {
          r -= Number(line.amount);
          if (r <= 0) return line;
        }
        return lines[lines.length - 1];
      });
      const planned: bigint[] = new Array(chosen.length).fill(0n);
      for (const line of lines) {
        const members = chosen.map((_, i) => i).filter((i) => sourceOf[i] === line);
        if (members.length === 0) continue;
        const total = ((line.amount * BigInt(Math.round((0.85 + rng.next() * 0.15) * 1000))) / 1000n / MILLION) * MILLION;
        const minimum = (total / BigInt(members.length) / MILLION) * MILLION < 5n * MILLION ? MILLION : 5n * MILLION;
        const parts = allocate(
          total,
          members.map(() => rng.skewed(0.6)),
          MILLION,
          minimum,
        );
        members.forEach((i, k) => (planned[i] = parts[k]));
      }

      const plannedTotal = planned.reduce((a, b) => a + b, 0n);
      const rate = DISBURSEMENT_RATE[kind] * YEAR_FACTOR[year] * (0.9 + rng.next() * 0.2);
      let toPay = ((plannedTotal * BigInt(Math.round(rate * 10_000))) / 10_000n / MILLION) * MILLION;
      const order = rng.shuffle(chosen.map((_, i) => i));
      const paid: bigint[] = new Array(chosen.length).fill(0n);
      for (const i of order) {
        if (toPay <= 0n || planned[i] === 0n) break;
        paid[i] = toPay >= planned[i] ? planned[i] : toPay;
        toPay -= paid[i];
      }

      const money = moneyByYear.get(year) ?? { planned: 0n, disbursed: 0n };
      chosen.forEach((org, i) => {
        if (planned[i] === 0n) return;
        const id = stableUuid(`support-beneficiary/${plan.id}/${org.id}`);
        const approvedOn = rng.date(plan.startsOn, minDate(addDays(plan.startsOn, 60), plan.endsOn));
        const lastPayment = minDate(plan.endsOn, DEMO_HORIZON);
        const trained = kind === PolicyKind.HUMAN_RESOURCES && paid[i] > 0n ? (org.kind === "COOPERATIVE_GROUP" ? 1 : rng.int(1, 3)) : 0;
        rows.beneficiaries.push({
          id,
          programme_id: plan.id,
          organization_id: org.id,
          organization_kind: org.kind,
          admin_unit_code: unitOn(org, approvedOn),
          commune_id: demoCommuneIdOf(org.id),
          commune_since: org.establishedOn,
          funding_source: sourceOf[i].source,
          support: SUPPORT_TEXT[kind],
          planned_amount: planned[i].toString(),
          disbursed_amount: paid[i].toString(),
          managers_trained: trained,
          approved_on: approvedOn,
          over_plan_reason: null,
          version: 1,
        });
        trainedByYear.set(year, (trainedByYear.get(year) ?? 0) + trained);
        money.planned += planned[i];
        money.disbursed += paid[i];
        if (paid[i] === 0n) return;
        // Larger payments come in two instalments (tạm ứng, thanh toán).
        const first = paid[i] >= 20n * MILLION && rng.chance(0.5) ? (paid[i] / 2n / MILLION) * MILLION : paid[i];
        const firstOn = rng.date(minDate(addDays(approvedOn, 15), lastPayment), lastPayment);
        rows.disbursements.push({
          id: stableUuid(`disbursement/${id}/1`),
          beneficiary_id: id,
          amount: first.toString(),
          disbursed_on: firstOn,
          override_reason: null,
          note: null,
        });
        if (first < paid[i]) {
          rows.disbursements.push({
            id: stableUuid(`disbursement/${id}/2`),
            beneficiary_id: id,
            amount: (paid[i] - first).toString(),
            disbursed_on: rng.date(firstOn, lastPayment),
            override_reason: null,
            note: null,
          });
        }
      });
      moneyByYear.set(year, money);
    }
  }

  // Plans: targets are illustrative (the plans' texts are not in the sources); 2024 results are
  // the mid-2024 review's figures and this subgraph's own training and disbursement records.
  const money2024 = moneyByYear.get(2024)!;
  const rate2024 = Number((money2024.disbursed * 10_000n) / money2024.planned) / 100;
  const targets: Record<number, [PlanIndicator, number | bigint, number | bigint | string | null][]> = {
    2024: [
      [PlanIndicator.NEW_COOPERATIVES, 40, DEMO_FIGURES.newCooperatives],
      [PlanIndicator.COOPERATIVE_COUNT, 1000, DEMO_FIGURES.cooperatives],
      [PlanIndicator.COOPERATIVE_GROUP_COUNT, 2600, DEMO_FIGURES.groups],
      [PlanIndicator.GOOD_OR_FAIR_SHARE, 45, REVIEW_2024.goodOrFairPercent],
      [PlanIndicator.OCOP_PRODUCTS, 250, REVIEW_2024.ocopProducts],
      [PlanIndicator.TRAINED_MANAGERS, 300, trainedByYear.get(2024) ?? 0],
      [PlanIndicator.AVERAGE_WORKER_INCOME, 4_200_000n, REVIEW_2024.averageWorkerIncome],
      [PlanIndicator.SUPPORT_DISBURSEMENT_RATE, 80, rate2024.toFixed(2)],
    ],
    2025: [
      [PlanIndicator.NEW_COOPERATIVES, 35, null],
      [PlanIndicator.COOPERATIVE_COUNT, 1010, null],
      [PlanIndicator.COOPERATIVE_GROUP_COUNT, 2600, null],
      [PlanIndicator.GOOD_OR_FAIR_SHARE, 45, null],
      [PlanIndicator.OCOP_PRODUCTS, 260, null],
      [PlanIndicator.TRAINED_MANAGERS, 300, null],
      [PlanIndicator.AVERAGE_WORKER_INCOME, 4_500_000n, null],
      [PlanIndicator.SUPPORT_DISBURSEMENT_RATE, 80, null],
    ],
  };
  for (const year of [2024, 2025]) {
    const planId = stableUuid(`development-plan/${year}`);
    rows.plans.push({
      id: planId,
      year,
      document_id: documentId(`KH-KTTT-${year}/UBND`),
      title: `Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh Hà Tĩnh năm ${year}`,
      note:
        year === 2024
          ? "Chỉ tiêu minh họa. Kết quả: số liệu đánh giá 6 tháng đầu năm 2024 của Liên minh HTX tỉnh; cán bộ được đào tạo và tỷ lệ giải ngân theo số liệu chương trình hỗ trợ."
          : "Chỉ tiêu minh họa; kết quả thực hiện chưa được báo cáo.",
      version: 1,
    });
    for (const [indicator, target, actual] of targets[year]) {
      const money = typeof target === "bigint";
      rows.targets.push({
        plan_id: planId,
        indicator,
        target_value: money ? null : String(target),
        target_amount: money ? target.toString() : null,
        actual_value: money || actual === null ? null : String(actual),
        actual_amount: money && actual !== null ? actual.toString() : null,
        note: null,
      });
    }
  }
  return rows;
}
