/**
 * The demo organisations: exactly 975 existing cooperatives (HTX), 3 unions (LHHTX) and 2,538
 * groups (THT) as the mid-2024 provincial review states, plus 12 cooperatives dissolved before
 * 2024 for history. Every subgraph's seed reads this list, so they all refer to the same ids.
 */
import { DEMO_ADMIN_UNITS, demoCommuneCode } from "./places";
import {
  COOPERATIVE_NAME_PATTERNS,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  GROUP_ACTIVITIES,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  VILLAGES,
} from "./names";
import { Random, stableUuid } from "./random";

export type DemoKind = "COOPERATIVE" | "COOPERATIVE_UNION" | "COOPERATIVE_GROUP";
export type DemoSector = "AGRICULTURE" | "INDUSTRY_HANDICRAFT" | "TRADE_SERVICES" | "CONSTRUCTION" | "TRANSPORT" | "ENVIRONMENT" | "PEOPLES_CREDIT_FUND";

export interface DemoOrganization {
  id: string;
  kind: DemoKind;
  name: string;
  registrationNumber: string | null;
  /** The mid-2024 district-level unit. */
  adminUnitCode: string;
  commune: string;
  /** Official code of the mid-2024 commune it lies in (since it was established); the district follows from it. */
  communeCode: string;
  sector: DemoSector;
  status: "ACTIVE" | "SUSPENDED" | "DISSOLVED";
  establishedOn: string;
  dissolvedOn: string | null;
  address: string;
  representative: string;
}

/** The seed's figures. */
export const DEMO_FIGURES = {
  cooperatives: 975,
  unions: 3,
  groups: 2538,
  dissolvedCooperatives: 12,
  suspendedCooperatives: 8,
  /** Cooperatives established in the 12 months before the review: too young to be rated. */
  newCooperatives: 24,
  reportingYear: 2024,
} as const;

/** Sector counts over the 975 cooperatives, in the shape of the province's breakdown of 1,020. */
export const COOPERATIVE_SECTORS: Record<DemoSector, number> = {
  AGRICULTURE: 554,
  INDUSTRY_HANDICRAFT: 85,
  TRADE_SERVICES: 123,
  CONSTRUCTION: 18,
  TRANSPORT: 23,
  ENVIRONMENT: 141,
  PEOPLES_CREDIT_FUND: 31,
};

const GROUP_SECTOR_WEIGHTS: [DemoSector, number][] = [
  ["AGRICULTURE", 0.7],
  ["INDUSTRY_HANDICRAFT", 0.15],
  ["TRADE_SERVICES", 0.1],
  ["CONSTRUCTION", 0.015],
  ["TRANSPORT", 0.015],
  ["ENVIRONMENT", 0.02],
];

export function personName(rng: Random): string {
  const female = rng.chance(0.45);
  return [rng.pick(FAMILY_NAMES), rng.pick(female ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE), rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE)].join(
    " ",
  );
}

function weightedPick<T>(rng: Random, weighted: [T, number][]): T {
  let r = rng.next() * weighted.reduce((a, [, w]) => a + w, 0);
  for (const [value, w] of weighted) {
    r -= w;
    if (r <= 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/** Largest-remainder split of `total` over the units in proportion to their cooperative counts. */
function spreadOverUnits(total: number): string[] {
  const base = DEMO_ADMIN_UNITS.reduce((a, u) => a + u.cooperatives, 0);
  const exact = DEMO_ADMIN_UNITS.map((u) => (u.cooperatives * total) / base);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < total; k++) counts[order[k][1]] += 1;
  return DEMO_ADMIN_UNITS.flatMap((u, i) => Array<string>(counts[i]).fill(u.code));
}

let cached: DemoOrganization[] | undefined;

export function demoOrganizations(): DemoOrganization[] {
  if (cached) return cached;
  const rng = new Random(20240715);
  const usedNames = new Set<string>();
  const unitByCode = new Map(DEMO_ADMIN_UNITS.map((u) => [u.code, u]));
  const out: Omit<DemoOrganization, "communeCode">[] = [];

  const uniqueName = (base: string) => {
    let name = base;
    for (let i = 0; usedNames.has(name); i++)
      name = `${base} thôn ${VILLAGES[i % VILLAGES.length]}${i >= VILLAGES.length ? ` ${Math.floor(i / VILLAGES.length) + 1}` : ""}`;
    usedNames.add(name);
    return name;
  };

  // Cooperatives: 975 existing, then the dissolved ones.
  const total = DEMO_FIGURES.cooperatives + DEMO_FIGURES.dissolvedCooperatives;
  const units = rng.shuffle([...spreadOverUnits(DEMO_FIGURES.cooperatives), ...spreadOverUnits(DEMO_FIGURES.dissolvedCooperatives)].slice(0, total));
  const sectors = rng.shuffle(Object.entries(COOPERATIVE_SECTORS).flatMap(([sector, n]) => Array<DemoSector>(n).fill(sector as DemoSector)));
  for (let i = 0; i < total; i++) {
    const existing = i < DEMO_FIGURES.cooperatives;
    const unit = unitByCode.get(units[i])!;
    const sector: DemoSector = existing ? sectors[i] : rng.pick(["AGRICULTURE", "TRADE_SERVICES", "ENVIRONMENT"] as DemoSector[]);
    const commune = rng.pick(unit.communes);
    const isNew = existing && i >= DEMO_FIGURES.cooperatives - DEMO_FIGURES.newCooperatives;
    const establishedOn = isNew
      ? rng.date("2023-07-01", "2024-06-30")
      : rng.chance(0.45)
        ? rng.date("1997-01-01", "2000-12-31")
        : rng.date("2001-01-01", "2023-06-30");
    const suspended = existing && !isNew && i < DEMO_FIGURES.suspendedCooperatives;
    const dissolvedOn = existing ? null : rng.date("2021-01-01", "2023-12-31");
    out.push({
      id: stableUuid(`organization/COOPERATIVE/${i + 1}`),
      kind: "COOPERATIVE",
      name: uniqueName(`${rng.pick(COOPERATIVE_NAME_PATTERNS[sector])} ${commune}`),
      registrationNumber: `3001${String(i + 1).padStart(6, "0")}`,
      adminUnitCode: unit.code,
      commune,
      sector,
      status: existing ? (suspended ? "SUSPENDED" : "ACTIVE") : "DISSOLVED",
      establishedOn: dissolvedOn && dissolvedOn < establishedOn ? "2005-03-15" : establishedOn,
      dissolvedOn,
      address: `Xã ${commune}, ${unit.name}, tỉnh Hà Tĩnh`,
      representative: personName(rng),
    });
  }

  const unions: [string, string, DemoSector, string][] = [
    ["Liên hiệp Hợp tác xã Dịch vụ Nông nghiệp Hà Tĩnh", "436", "AGRICULTURE", "Thạch Trung"],
    ["Liên hiệp Hợp tác xã Bưởi Phúc Trạch Hương Khê", "444", "AGRICULTURE", "Phúc Trạch"],
    ["Liên hiệp Hợp tác xã Môi trường Kỳ Anh", "449", "ENVIRONMENT", "Kỳ Trinh"],
  ];
  unions.forEach(([name, code, sector, commune], i) => {
    const unit = unitByCode.get(code)!;
    usedNames.add(name);
    out.push({
      id: stableUuid(`organization/COOPERATIVE_UNION/${i + 1}`),
      kind: "COOPERATIVE_UNION",
      name,
      registrationNumber: `3009${String(i + 1).padStart(6, "0")}`,
      adminUnitCode: code,
      commune,
      sector,
      status: "ACTIVE",
      establishedOn: rng.date("2016-01-01", "2021-12-31"),
      dissolvedOn: null,
      address: `${commune}, ${unit.name}, tỉnh Hà Tĩnh`,
      representative: personName(rng),
    });
  });

  const groupUnits = rng.shuffle(spreadOverUnits(DEMO_FIGURES.groups));
  for (let i = 0; i < DEMO_FIGURES.groups; i++) {
    const unit = unitByCode.get(groupUnits[i])!;
    const sector = weightedPick(rng, GROUP_SECTOR_WEIGHTS);
    const commune = rng.pick(unit.communes);
    out.push({
      id: stableUuid(`organization/COOPERATIVE_GROUP/${i + 1}`),
      kind: "COOPERATIVE_GROUP",
      name: uniqueName(`Tổ hợp tác ${rng.pick(GROUP_ACTIVITIES[sector])} ${commune}`),
      registrationNumber: null,
      adminUnitCode: unit.code,
      commune,
      sector,
      status: "ACTIVE",
      establishedOn: rng.date("2012-01-01", "2024-06-30"),
      dissolvedOn: null,
      address: `Xã ${commune}, ${unit.name}, tỉnh Hà Tĩnh`,
      representative: personName(rng),
    });
  }
  cached = out.map((o) => ({ ...o, communeCode: demoCommuneCode(o.adminUnitCode, o.commune, o.id) }));
  return cached;
}
