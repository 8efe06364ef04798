/**
 * Generates membership's demo rows from the shared catalogue. The 2024 figures of the 975
 * cooperatives add up exactly to the provincial review's: charter capital 1,951,950,000,000,
 * revenue 1,267,500,000,000, profit 280,800,000,000 VND (averages 2,002,000,000 / 1,300,000,000 /
 * 288,000,000 per HTX) and a worker-weighted income of 4,000,000 VND per month.
 */
import { allocate, DEMO_FIGURES, demoOcopCatalogue, demoOrganizations, personName, Random, stableUuid, type DemoOrganization } from "@kttt/demo";
import { TWO_TIER_FROM, unitsOn } from "@kttt/reference";
import { sizeClassUnderDecree113 } from "../domain/classification";
import { Sector } from "../domain/enums";

export const SEED_TOTALS = {
  charterCapital: 1_951_950_000_000n,
  revenue: 1_267_500_000_000n,
  profit: 280_800_000_000n,
  averageMonthlyIncome: 4_000_000n,
};

/** Rating counts of 2024 over the 975 cooperatives, in the shape of the province's breakdown. */
export const RATING_COUNTS_2024 = { GOOD: 118, FAIR: 258, AVERAGE: 343, WEAK: 224, NOT_RATED: 32 } as const;

export interface SeedRows {
  organizations: Record<string, unknown>[];
  members: Record<string, unknown>[];
  allianceMemberships: Record<string, unknown>[];
  financialReports: Record<string, unknown>[];
  classifications: Record<string, unknown>[];
}

const MILLION = 1_000_000n;

function workersFor(rng: Random, sector: string): number {
  switch (sector) {
    case "ENVIRONMENT":
      return rng.int(4, 30);
    case "TRANSPORT":
      return rng.int(5, 40);
    case "PEOPLES_CREDIT_FUND":
      return rng.int(3, 9);
    case "CONSTRUCTION":
      return rng.int(6, 45);
    default:
      return rng.int(1, 16);
  }
}

function baseIncome(rng: Random, sector: string): number {
  switch (sector) {
    case "PEOPLES_CREDIT_FUND":
      return rng.int(60, 90) * 100_000;
    case "AGRICULTURE":
      return rng.int(25, 45) * 100_000;
    default:
      return rng.int(32, 62) * 100_000;
  }
}

function scoreIn(rng: Random, rating: string): number {
  const [lo, hi] = rating === "GOOD" ? [80, 96] : rating === "FAIR" ? [65, 79.5] : rating === "AVERAGE" ? [50, 64.5] : [28, 49.5];
  return Math.round((lo + rng.next() * (hi - lo)) * 2) / 2;
}

/** Splits a charter capital over the contributing members, in multiples of 100,000 đồng. */
function splitCapital(rng: Random, capital: bigint, contributors: number): bigint[] {
  const weights = Array.from({ length: contributors }, () => rng.int(1, 5));
  return allocate(capital, weights, 100_000n, 0n);
}

export function generateSeedRows(): SeedRows {
  const rng = new Random(975_2538_3);
  const orgs = demoOrganizations();
  const existingCoops = orgs.filter((o) => o.kind === "COOPERATIVE" && o.status !== "DISSOLVED");
  const year = DEMO_FIGURES.reportingYear;

  const rows: SeedRows = {
    organizations: orgs.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      registration_number: o.registrationNumber,
      admin_unit_code: o.adminUnitCode,
      commune_id: o.communeCode,
      commune_since: o.establishedOn,
      sector: o.sector,
      status: o.status,
      established_on: o.establishedOn,
      dissolved_on: o.dissolvedOn,
      address: o.address,
      representative: o.representative,
      version: 1,
    })),
    members: [],
    allianceMemberships: [],
    financialReports: [],
    classifications: [],
  };

  // 2024 money: skewed weights, exact totals.
  const n = existingCoops.length;
  const capitalWeights = existingCoops.map((o) => rng.skewed(0.8) * (o.sector === "PEOPLES_CREDIT_FUND" ? 3 : 1));
  const charterCapital = allocate(SEED_TOTALS.charterCapital, capitalWeights, MILLION, 100n * MILLION);
  const revenueWeights = existingCoops.map((o, i) => capitalWeights[i] * 0.5 + rng.skewed(0.9) * (o.status === "SUSPENDED" ? 0.1 : 1));
  const revenue = allocate(SEED_TOTALS.revenue, revenueWeights, MILLION, 20n * MILLION);
  // Profit: a margin per cooperative, a few losses, scaled so the total is exact.
  const margins = existingCoops.map((o) => (o.status === "SUSPENDED" || rng.chance(0.08) ? -rng.next() * 0.1 : 0.03 + rng.next() * 0.3));
  const losses = margins.map((m, i) => (m < 0 ? ((revenue[i] * BigInt(Math.round(m * 10_000))) / 10_000n / 1000n) * 1000n : 0n));
  const lossTotal = losses.reduce((a, b) => a + b, 0n);
  const positiveWeights = margins.map((m, i) => (m > 0 ? m * Number(revenue[i]) : 0));
  const positiveIndexes = positiveWeights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  const positives = allocate(
    SEED_TOTALS.profit - lossTotal,
    positiveIndexes.map((i) => positiveWeights[i]),
    1000n,
    0n,
  );
  const profit = losses.slice();
  positiveIndexes.forEach((idx, k) => (profit[idx] = positives[k]));
  // Keep profit ≤ revenue: move any excess to the cooperative with the most room.
  for (let i = 0; i < n; i++) {
    if (profit[i] > revenue[i]) {
      const excess = profit[i] - revenue[i] / 2n;
      profit[i] -= excess;
      let best = 0;
      for (let j = 0; j < n; j++) if (revenue[j] - profit[j] > revenue[best] - profit[best]) best = j;
      profit[best] += excess;
    }
  }

  // Workers and a worker-weighted average income of exactly 4,000,000 đồng.
  const workers = existingCoops.map((o) => workersFor(rng, o.sector));
  workers[0] = 1; // one single-worker cooperative absorbs the last đồng of rounding below
  const totalWorkers = BigInt(workers.reduce((a, b) => a + b, 0));
  const target = SEED_TOTALS.averageMonthlyIncome * totalWorkers;
  const raw = existingCoops.map((o) => baseIncome(rng, o.sector));
  const rawTotal = raw.reduce((a, r, i) => a + BigInt(r) * BigInt(workers[i]), 0n);
  const income = raw.map((r) => ((BigInt(r) * target) / rawTotal / 1000n) * 1000n);
  let residual = target - income.reduce((a, v, i) => a + v * BigInt(workers[i]), 0n);
  const byWorkers = workers.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [w, i] of byWorkers) {
    if (residual === 0n) break;
    const delta = residual / BigInt(w);
    income[i] += delta;
    residual -= delta * BigInt(w);
  }
  if (residual !== 0n) throw new Error("seed: worker income did not balance");

  // Ratings of 2024: suspended and young cooperatives are not rated.
  const notRated = new Set(existingCoops.map((o, i) => (o.status === "SUSPENDED" || o.establishedOn > "2023-06-30" ? i : -1)).filter((i) => i >= 0));
  if (notRated.size !== RATING_COUNTS_2024.NOT_RATED)
    throw new Error(`seed: ${notRated.size} cooperatives not rated, expected ${RATING_COUNTS_2024.NOT_RATED}`);
  const ratings = rng.shuffle((["GOOD", "FAIR", "AVERAGE", "WEAK"] as const).flatMap((r) => Array<string>(RATING_COUNTS_2024[r]).fill(r)));

  let rated = 0;
  existingCoops.forEach((o, i) => {
    const itReadiness = rng.next() < 0.45 ? "NONE" : rng.next() < 0.64 ? "BASIC" : rng.next() < 0.75 ? "SOFTWARE" : "ONLINE";
    const managersTotal = rng.int(3, 7);
    const managersTrained = Math.min(managersTotal, rng.chance(0.7) ? rng.int(0, 1) : rng.int(1, managersTotal));
    rows.financialReports.push({
      organization_id: o.id,
      year,
      charter_capital: charterCapital[i].toString(),
      revenue: revenue[i].toString(),
      profit: profit[i].toString(),
      regular_workers: workers[i],
      average_monthly_income: income[i].toString(),
      managers_total: managersTotal,
      managers_trained: managersTrained,
      it_readiness: itReadiness,
      version: 1,
    });
    // The year before, for those that existed: a little smaller, nothing exact.
    if (o.establishedOn <= "2023-06-30") {
      const f = (v: bigint, lo: number) => ((v * BigInt(Math.round((lo + rng.next() * (1 - lo)) * 1000))) / 1000n / MILLION) * MILLION;
      const rev2023 = f(revenue[i], 0.85);
      const prof2023 = profit[i] < 0n ? profit[i] : f(profit[i], 0.7);
      rows.financialReports.push({
        organization_id: o.id,
        year: year - 1,
        charter_capital: f(charterCapital[i], 0.9).toString(),
        revenue: rev2023.toString(),
        profit: (prof2023 > rev2023 ? rev2023 : prof2023).toString(),
        regular_workers: Math.max(1, workers[i] - rng.int(0, 2)),
        average_monthly_income: (((income[i] * 93n) / 100n / 1000n) * 1000n).toString(),
        managers_total: managersTotal,
        managers_trained: Math.max(0, managersTrained - (rng.chance(0.2) ? 1 : 0)),
        it_readiness: itReadiness === "ONLINE" && rng.chance(0.5) ? "SOFTWARE" : itReadiness,
        version: 1,
      });
    }
    const rating = notRated.has(i) ? "NOT_RATED" : ratings[rated++];
    rows.classifications.push({
      organization_id: o.id,
      year,
      scheme: "CIRCULAR_01_2020",
      assessed_on: RATED_2024_ON,
      score: rating === "NOT_RATED" ? null : scoreIn(rng, rating),
      rating,
      size_class: null,
      scheme_name: null,
      grade: null,
      not_rated_reason:
        rating === "NOT_RATED" ? (o.status === "SUSPENDED" ? "Tạm ngừng hoạt động trên 3 tháng trong năm" : "Hoạt động chưa đủ 12 tháng") : null,
      version: 1,
    });
    if (o.establishedOn <= "2022-12-31") {
      // 2023 was a little worse: the share of good and fair cooperatives is below target.
      const worse =
        rating === "GOOD" && rng.chance(0.2) ? "FAIR" : rating === "FAIR" && rng.chance(0.15) ? "AVERAGE" : rating === "NOT_RATED" ? "AVERAGE" : rating;
      rows.classifications.push({
        organization_id: o.id,
        year: year - 1,
        scheme: "CIRCULAR_01_2020",
        assessed_on: RATED_2023_ON,
        score: scoreIn(rng, worse),
        rating: worse,
        size_class: null,
        scheme_name: null,
        grade: null,
        not_rated_reason: null,
        version: 1,
      });
    }
  });

  // Members: official members contribute the charter capital; groups have 2–12 members.
  const capitalOf = new Map(existingCoops.map((o, i) => [o.id, charterCapital[i]]));
  const memberCount = new Map<string, number>();
  for (const o of orgs) {
    if (o.kind === "COOPERATIVE_UNION") continue;
    const isCoop = o.kind === "COOPERATIVE";
    const official = isCoop ? (o.sector === "AGRICULTURE" ? rng.int(15, 80) : rng.int(5, 25)) : rng.int(2, 12);
    const associatesWithCapital = isCoop && rng.chance(0.3) ? rng.int(1, 3) : 0;
    const associatesWithout = isCoop && rng.chance(0.25) ? rng.int(1, 4) : 0;
    const capital = capitalOf.get(o.id) ?? (isCoop ? 300n * MILLION : BigInt(rng.int(2, 40)) * 10n * MILLION);
    const shares = splitCapital(rng, capital, official + associatesWithCapital);
    const joinedFrom = o.establishedOn;
    const joinedTo = o.dissolvedOn ?? "2024-06-30";
    const types = [
      ...Array<string>(official).fill("OFFICIAL"),
      ...Array<string>(associatesWithCapital).fill("ASSOCIATE_WITH_CAPITAL"),
      ...Array<string>(associatesWithout).fill("ASSOCIATE_WITHOUT_CAPITAL"),
    ];
    memberCount.set(o.id, official);
    types.forEach((type, k) => {
      const founder = k < Math.min(official, isCoop ? 7 : 2);
      rows.members.push({
        id: stableUuid(`member/${o.id}/${k + 1}`),
        organization_id: o.id,
        kind: isCoop && o.sector === "AGRICULTURE" ? "HOUSEHOLD" : "INDIVIDUAL",
        membership_type: type,
        full_name: personName(rng),
        member_organization_id: null,
        capital_contributed: type === "ASSOCIATE_WITHOUT_CAPITAL" ? "0" : shares[k].toString(),
        joined_on: founder ? joinedFrom : rng.date(joinedFrom, joinedTo < joinedFrom ? joinedFrom : joinedTo),
        left_on: null,
        version: 1,
      });
    });
  }
  // Unions: their official members are cooperatives of the same sector.
  const unions = orgs.filter((o) => o.kind === "COOPERATIVE_UNION");
  unions.forEach((u, ui) => {
    const candidates = existingCoops.filter((c) => c.sector === u.sector && c.status === "ACTIVE" && c.establishedOn < u.establishedOn);
    const chosen = candidates.filter((_, k) => k % (7 + ui) === ui).slice(0, 3 + ui * 2);
    chosen.forEach((c: DemoOrganization, k) => {
      rows.members.push({
        id: stableUuid(`member/${u.id}/${k + 1}`),
        organization_id: u.id,
        kind: "LEGAL_ENTITY",
        membership_type: "OFFICIAL",
        full_name: c.name,
        member_organization_id: c.id,
        capital_contributed: (BigInt(rng.int(5, 30)) * 10n * MILLION).toString(),
        joined_on: u.establishedOn,
        left_on: null,
        version: 1,
      });
    });
  });

  // Alliance membership: about 40% of cooperatives, every union, a few groups.
  for (const o of orgs) {
    if (o.status === "DISSOLVED") continue;
    const p = o.kind === "COOPERATIVE_UNION" ? 1 : o.kind === "COOPERATIVE" ? 0.4 : 0.03;
    if (!rng.chance(p)) continue;
    const joined = rng.date(o.establishedOn > "2015-01-01" ? o.establishedOn : "2015-01-01", "2024-06-30");
    rows.allianceMemberships.push({
      organization_id: o.id,
      joined_on: joined < o.establishedOn ? o.establishedOn : joined,
      left_on: null,
      decision_number: `${rng.int(10, 250)}/QĐ-LMHTX`,
    });
  }

  // Size class of 2024 under Decree 113/2024, assessed after it came into force: the decree's known thresholds applied to
  // the official members and the 2024 revenue; NOT_DETERMINED where they are not known (total capital is not recorded).
  existingCoops.forEach((o, i) => {
    rows.classifications.push(
      sizeRow(
        o.id,
        year,
        SIZED_2024_ON,
        sizeClassUnderDecree113({ sector: o.sector as Sector, officialMembers: memberCount.get(o.id) ?? 0, revenue: revenue[i], totalCapital: null }),
      ),
    );
  });
  addIllustrative2025(rows, memberCount);
  return rows;
}

/** Dates of the demo's assessments (illustrative): the 2023 and 2024 ratings before Circular 01/2020 was repealed, the size classes after Decree 113/2024 came in. */
export const RATED_2023_ON = "2024-03-29";
export const RATED_2024_ON = "2025-03-31";
export const SIZED_2024_ON = "2025-03-31";
export const SIZED_2025_ON = "2026-03-31";

function sizeRow(organizationId: string, year: number, assessedOn: string, sizeClass: string): Record<string, unknown> {
  return {
    organization_id: organizationId,
    year,
    scheme: "DECREE_113_2024",
    assessed_on: assessedOn,
    score: null,
    rating: null,
    size_class: sizeClass,
    scheme_name: null,
    grade: null,
    not_rated_reason: null,
    version: 1,
  };
}

/**
 * What the illustrative data of 2025 and the first half of 2026 adds (not published figures: marked so in the README).
 * Cooperatives dissolved, and cooperatives and groups registered under today's communes, in that window.
 */
export const ILLUSTRATIVE_2025 = {
  dissolvedCooperatives: 6,
  newCooperatives: 8,
  newGroups: 6,
  /** The window of the illustrative data. */
  from: "2025-01-01",
  to: "2026-06-30",
  /** Registrations of the window: all under the 69 communes in force from 2025-07-01. */
  registeredFrom: TWO_TIER_FROM,
} as const;

const ILLUSTRATIVE_NAMES = [
  "Nông nghiệp",
  "Dịch vụ Nông nghiệp",
  "Chăn nuôi",
  "Thủy sản",
  "Dịch vụ Môi trường",
  "Sản xuất và Kinh doanh",
  "Dược liệu",
  "Du lịch Cộng đồng",
];
const { AGRICULTURE, ENVIRONMENT, TRADE_SERVICES } = Sector;
const ILLUSTRATIVE_SECTORS: Sector[] = [AGRICULTURE, AGRICULTURE, AGRICULTURE, AGRICULTURE, ENVIRONMENT, TRADE_SERVICES, AGRICULTURE, TRADE_SERVICES];
const GROUP_ACTIVITIES_2025 = ["trồng rau an toàn", "nuôi ong", "làm nón lá", "chăn nuôi bò", "trồng dược liệu", "nuôi cá lồng"];

/**
 * Illustrative 2025–2026 rows, from their own random stream so the mid-2024 rows stay exactly as they are: the
 * 2025 figures of the cooperatives still open at the end of 2025, their 2025 size classes (assessed in 2026, so
 * no Circular 01/2020 rating: it was repealed on 2025-09-18), a few dissolutions, and new cooperatives and groups
 * registered in today's communes.
 */
function addIllustrative2025(rows: SeedRows, memberCount: Map<string, number>): void {
  const rng = new Random(2025_0701);
  const ocopIds = new Set(JSON.stringify(demoOcopCatalogue()).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gu) ?? []);
  const unionMembers = new Set(rows.members.map((m) => m.member_organization_id).filter(Boolean));
  const orgs = rows.organizations;
  // Dissolutions: active cooperatives no other record speaks of, dissolved between 2025-10 and 2026-05.
  const candidates = orgs.filter((o) => o.kind === "COOPERATIVE" && o.status === "ACTIVE" && !ocopIds.has(o.id as string) && !unionMembers.has(o.id));
  const dissolved = new Map<string, string>();
  for (let k = 0; k < ILLUSTRATIVE_2025.dissolvedCooperatives; k++) {
    const o = candidates[Math.floor(((k + 0.5) * candidates.length) / ILLUSTRATIVE_2025.dissolvedCooperatives)];
    const on = rng.date("2025-10-01", "2026-05-31");
    Object.assign(o, { status: "DISSOLVED", dissolved_on: on, illustrative: true });
    dissolved.set(o.id as string, on);
  }
  for (const a of rows.allianceMemberships) {
    const on = dissolved.get(a.organization_id as string);
    if (on) a.left_on = on;
  }

  // 2025 figures: the 2024 report grown or shrunk a little, for every cooperative open on 2025-12-31.
  const reports2024 = new Map(rows.financialReports.filter((f) => f.year === 2024).map((f) => [f.organization_id as string, f]));
  const byId = new Map(orgs.map((o) => [o.id as string, o]));
  const scale = (v: string, lo: number, hi: number) =>
    ((BigInt(v) * BigInt(Math.round((lo + rng.next() * (hi - lo)) * 1000))) / 1000n / 1_000_000n) * 1_000_000n;
  for (const [id, f] of reports2024) {
    const o = byId.get(id)!;
    if (o.dissolved_on && (o.dissolved_on as string) <= "2025-12-31") continue;
    const revenue = scale(f.revenue as string, 0.9, 1.25);
    const profit = BigInt(f.profit as string) < 0n ? scale(f.profit as string, 0.5, 1) : scale(f.profit as string, 0.8, 1.3);
    rows.financialReports.push({
      ...f,
      year: 2025,
      charter_capital: scale(f.charter_capital as string, 1, 1.1).toString(),
      revenue: revenue.toString(),
      profit: (profit > revenue ? revenue : profit).toString(),
      average_monthly_income: (((BigInt(f.average_monthly_income as string) * BigInt(rng.int(103, 110))) / 100n / 1000n) * 1000n).toString(),
      managers_trained: Math.min(f.managers_total as number, (f.managers_trained as number) + (rng.chance(0.25) ? 1 : 0)),
      version: 1,
    });
    rows.classifications.push(
      sizeRow(
        id,
        2025,
        SIZED_2025_ON,
        sizeClassUnderDecree113({ sector: o.sector as Sector, officialMembers: memberCount.get(id) ?? 0, revenue, totalCapital: null }),
      ),
    );
  }

  // New registrations under today's communes, spread over the communes' list.
  const communes = unitsOn(ILLUSTRATIVE_2025.registeredFrom).filter((u) => u.level === "COMMUNE");
  const usedNames = new Set(orgs.map((o) => o.name as string));
  const register = (kind: "COOPERATIVE" | "COOPERATIVE_GROUP", k: number, sector: Sector, baseName: string) => {
    const unit = communes[(k * 17 + (kind === "COOPERATIVE" ? 3 : 11)) % communes.length];
    const place = unit.name.replace(/^(Xã|Phường) /u, "");
    let name = `${baseName} ${place}`;
    for (let n = 2; usedNames.has(name); n++) name = `${baseName} ${place} ${n}`;
    usedNames.add(name);
    const establishedOn = rng.date(ILLUSTRATIVE_2025.registeredFrom, ILLUSTRATIVE_2025.to);
    const id = stableUuid(`organization/${kind}/2025/${k + 1}`);
    orgs.push({
      id,
      kind,
      name,
      registration_number: kind === "COOPERATIVE" ? `3010${String(k + 1).padStart(6, "0")}` : null,
      admin_unit_code: unit.code,
      commune_id: unit.id,
      commune_since: establishedOn,
      sector,
      status: "ACTIVE",
      established_on: establishedOn,
      dissolved_on: null,
      address: `${unit.name}, tỉnh Hà Tĩnh`,
      illustrative: true,
      representative: personName(rng),
      version: 1,
    });
    const official = kind === "COOPERATIVE" ? rng.int(7, 20) : rng.int(2, 8);
    const capital = kind === "COOPERATIVE" ? BigInt(rng.int(3, 20)) * 100_000_000n : BigInt(rng.int(2, 20)) * 10_000_000n;
    const shares = allocate(
      capital,
      Array.from({ length: official }, () => rng.int(1, 5)),
      100_000n,
      0n,
    );
    for (let m = 0; m < official; m++) {
      rows.members.push({
        id: stableUuid(`member/${id}/${m + 1}`),
        organization_id: id,
        kind: kind === "COOPERATIVE" && sector === Sector.AGRICULTURE ? "HOUSEHOLD" : "INDIVIDUAL",
        membership_type: "OFFICIAL",
        full_name: personName(rng),
        member_organization_id: null,
        capital_contributed: shares[m].toString(),
        joined_on: establishedOn,
        left_on: null,
        version: 1,
      });
    }
    if (kind === "COOPERATIVE" && establishedOn <= "2025-12-31") {
      const revenue = BigInt(rng.int(2, 12)) * 50_000_000n;
      rows.financialReports.push({
        organization_id: id,
        year: 2025,
        charter_capital: capital.toString(),
        revenue: revenue.toString(),
        profit: (((revenue * BigInt(rng.int(2, 15))) / 100n / 1000n) * 1000n).toString(),
        regular_workers: rng.int(1, 8),
        average_monthly_income: (BigInt(rng.int(38, 55)) * 100_000n).toString(),
        managers_total: 3,
        managers_trained: rng.int(0, 2),
        it_readiness: rng.pick(["NONE", "BASIC", "SOFTWARE"]),
        version: 1,
      });
    }
  };
  for (let k = 0; k < ILLUSTRATIVE_2025.newCooperatives; k++) register("COOPERATIVE", k, ILLUSTRATIVE_SECTORS[k], `Hợp tác xã ${ILLUSTRATIVE_NAMES[k]}`);
  for (let k = 0; k < ILLUSTRATIVE_2025.newGroups; k++) register("COOPERATIVE_GROUP", k, Sector.AGRICULTURE, `Tổ hợp tác ${GROUP_ACTIVITIES_2025[k]}`);
}
