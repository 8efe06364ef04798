/**
 * The demo OCOP catalogue: products of Hà Tĩnh with their owners and certification histories.
 * Pure (no database): the ocop subgraph seeds from it and the trade-promotion subgraph will pick
 * fair exhibitors from it, both by the same stable ids.
 *
 * As of 2024-07-15 (the Alliance meeting the seed text reports) exactly 239 products hold an
 * ACTIVE certificate; 66 of them belong to 65 distinct cooperatives (HTX) and cooperative groups
 * (THT) — one HTX has two — and 173 to enterprises and household businesses. Besides them:
 * products whose certificates lapsed before that date, one revoked, and products first certified
 * later. Some active certificates lapse within 90 and 180 days of that date; some were renewed
 * afterwards, some not (the lapse problem the province reports), and some products carry an
 * earlier certificate superseded by a re-assessment (upgrade, downgrade, renewal).
 */
import {
  OCOP_SUBGROUPS,
  OCOP_THREE_STAR_PROVINCE_FROM,
  addDays,
  ocopLevelFor,
  ocopValidUntil,
  OCOP_STAR_BANDS,
  TWO_TIER_FROM,
  unitsOn,
  type OcopGroupCode,
  type OcopLevel,
} from "@kttt/reference";
import { DEMO_ADMIN_UNITS, demoCommuneCode } from "./places";
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE } from "./names";
import { demoOrganizations, personName, type DemoOrganization } from "./organizations";
import { Random, stableUuid } from "./random";

export type DemoOcopGroup = OcopGroupCode;
export type DemoOcopOwnerType = "COOPERATIVE" | "COOPERATIVE_GROUP" | "COOPERATIVE_UNION" | "ENTERPRISE" | "HOUSEHOLD_BUSINESS";

export interface DemoOcopOwner {
  id: string;
  type: "ENTERPRISE" | "HOUSEHOLD_BUSINESS";
  name: string;
  /** Tax code (mã số thuế): 10 digits for an enterprise; the household head's for a household business. */
  registrationNumber: string;
  adminUnitCode: string;
  /** The commune (a unit version id: for mid-2024 communes, the commune's code) where it lies since `communeSince`. */
  communeId: string;
  /** The registration date of its first product: the demo does not know when it settled there. */
  communeSince: string;
  address: string;
  representative: string;
}

export interface DemoOcopCertification {
  id: string;
  /** 1 for the first certificate of the product, then 2, 3… */
  sequence: number;
  scoreA: number;
  scoreB: number;
  scoreC: number;
  stars: 3 | 4 | 5;
  level: OcopLevel;
  decisionNumber: string;
  decidedOn: string;
  validUntil: string;
  revokedOn: string | null;
  revocationReason: string | null;
  revocationDecisionNumber: string | null;
  /** True for every decision after the seed text's date (2024-07-15): illustrative, not published. */
  illustrative: boolean;
}

export interface DemoOcopProduct {
  id: string;
  name: string;
  group: DemoOcopGroup;
  subgroup: string;
  adminUnitCode: string;
  /** The commune (a unit version id) where it is made since `communeSince` (its registration): its owner's commune. */
  communeId: string;
  communeSince: string;
  ownerType: DemoOcopOwnerType;
  /** A membership organisation (HTX, THT) for collective owners, else null. */
  ownerOrganizationId: string | null;
  /** A local owner (enterprise, household business) of this catalogue, else null. */
  ownerId: string | null;
  registeredOn: string;
  description: string;
  /** True for products registered after the seed text's date (2024-07-15): illustrative, not published. */
  illustrative: boolean;
  /** Oldest first; each later one supersedes the one before (re-assessment). */
  certifications: DemoOcopCertification[];
}

export interface DemoOcopCatalogue {
  products: DemoOcopProduct[];
  owners: DemoOcopOwner[];
}

/** The figures the catalogue reproduces, as of the date of the seed text. */
export const DEMO_OCOP_FIGURES = {
  asOf: "2024-07-15",
  activeProducts: 239,
  collectiveProducts: 66,
  collectiveOwners: 65,
  otherProducts: 173,
  expiredProducts: 18,
  revokedProducts: 1,
  /** Products registered and first certified after 2024-07-15. */
  laterProducts: 9,
  /** Active certificates (as of 2024-07-15) ending within 90 days, and within 91–180 days. */
  expiringWithin90Days: 14,
  expiringWithin91To180Days: 16,
  fourStarActive: 38,
  /** No new decision is dated after this day. */
  horizon: "2026-10-31",
} as const;

interface Template {
  name: string;
  group: DemoOcopGroup;
  subgroup: string;
  units: string[];
  /** Words in the name of a fitting HTX/THT (e.g. "ong" for honey). */
  keywords: string[];
  weight: number;
  description: string;
}

const [FRESH, RAW, PROCESSED, SPICE, TEA] = OCOP_SUBGROUPS.FOOD;
const TEMPLATES: Template[] = [
  {
    name: "Bưởi Phúc Trạch",
    group: "FOOD",
    subgroup: FRESH,
    units: ["444"],
    keywords: ["Bưởi"],
    weight: 8,
    description: "Bưởi đặc sản vùng chỉ dẫn địa lý Phúc Trạch, múi giòn, vị ngọt thanh.",
  },
  {
    name: "Cam bù Hương Sơn",
    group: "FOOD",
    subgroup: FRESH,
    units: ["439"],
    keywords: ["Cam"],
    weight: 6,
    description: "Cam bù trồng trên đất đồi Hương Sơn, thu hoạch dịp Tết.",
  },
  {
    name: "Cam chanh Thượng Lộc",
    group: "FOOD",
    subgroup: FRESH,
    units: ["443"],
    keywords: ["Cam"],
    weight: 3,
    description: "Cam chanh vỏ mỏng, mọng nước của xã Thượng Lộc.",
  },
  { name: "Cam Khe Mây", group: "FOOD", subgroup: FRESH, units: ["444"], keywords: ["Cam"], weight: 2, description: "Cam trồng vùng Khe Mây, Hương Khê." },
  {
    name: "Mật ong",
    group: "FOOD",
    subgroup: RAW,
    units: ["439", "441", "444", "440"],
    keywords: ["ong"],
    weight: 8,
    description: "Mật ong hoa rừng, hoa cam, hoa keo, lọc và đóng chai tại cơ sở.",
  },
  {
    name: "Nước mắm",
    group: "FOOD",
    subgroup: SPICE,
    units: ["447", "442", "449", "446", "448"],
    keywords: ["Nước mắm", "Hải sản", "Thủy sản"],
    weight: 7,
    description: "Nước mắm cá cơm ủ chượp truyền thống trong thùng gỗ.",
  },
  {
    name: "Ruốc",
    group: "FOOD",
    subgroup: SPICE,
    units: ["442", "448", "446"],
    keywords: ["Hải sản", "Thủy sản"],
    weight: 3,
    description: "Ruốc (mắm tôm) làm từ moi biển.",
  },
  {
    name: "Mực khô",
    group: "FOOD",
    subgroup: RAW,
    units: ["442", "449", "447"],
    keywords: ["Thủy sản", "Hải sản"],
    weight: 3,
    description: "Mực câu phơi một nắng, hút chân không.",
  },
  { name: "Muối sạch", group: "FOOD", subgroup: SPICE, units: ["448", "442"], keywords: ["Muối"], weight: 2, description: "Muối phơi cát sạch, đóng gói." },
  {
    name: "Bánh đa vừng",
    group: "FOOD",
    subgroup: PROCESSED,
    units: ["443", "440", "445"],
    keywords: ["Bánh đa"],
    weight: 5,
    description: "Bánh đa gạo trộn vừng đen, tráng tay, phơi nắng.",
  },
  {
    name: "Giò bột",
    group: "FOOD",
    subgroup: PROCESSED,
    units: ["445", "436"],
    keywords: ["Giò bột", "Chế biến Thực phẩm"],
    weight: 3,
    description: "Giò bột nếp nhân thịt gói lá chuối.",
  },
  {
    name: "Kẹo cu đơ",
    group: "FOOD",
    subgroup: PROCESSED,
    units: ["436", "445"],
    keywords: ["Chế biến Thực phẩm", "Chế biến Nông sản"],
    weight: 4,
    description: "Kẹo lạc mật mía kẹp bánh đa, đặc sản Hà Tĩnh.",
  },
  {
    name: "Gạo",
    group: "FOOD",
    subgroup: RAW,
    units: ["443", "445", "446", "440", "448"],
    keywords: ["Nông nghiệp"],
    weight: 6,
    description: "Gạo chất lượng cao sản xuất theo chuỗi liên kết.",
  },
  {
    name: "Nấm sò",
    group: "FOOD",
    subgroup: FRESH,
    units: ["443", "445", "436"],
    keywords: ["Nấm"],
    weight: 2,
    description: "Nấm sò tươi trồng trong nhà màng.",
  },
  {
    name: "Rau an toàn",
    group: "FOOD",
    subgroup: FRESH,
    units: ["436", "437", "445"],
    keywords: ["Rau"],
    weight: 2,
    description: "Rau ăn lá sản xuất theo quy trình VietGAP.",
  },
  { name: "Chè xanh", group: "FOOD", subgroup: TEA, units: ["441", "444", "439"], keywords: ["Chè"], weight: 3, description: "Chè xanh búp sao khô." },
  {
    name: "Trà mướp đắng",
    group: "FOOD",
    subgroup: TEA,
    units: ["446"],
    keywords: ["Dược liệu", "Nông nghiệp"],
    weight: 2,
    description: "Trà túi lọc từ mướp đắng rừng sấy khô.",
  },
  {
    name: "Rượu nếp",
    group: "BEVERAGE",
    subgroup: "Đồ uống có cồn",
    units: ["440", "446", "445"],
    keywords: ["Chế biến"],
    weight: 4,
    description: "Rượu nấu từ gạo nếp cái hoa vàng, hạ độ, lọc độc tố.",
  },
  {
    name: "Nước ép cam",
    group: "BEVERAGE",
    subgroup: "Đồ uống không cồn",
    units: ["439", "443"],
    keywords: ["Cam"],
    weight: 2,
    description: "Nước cam ép thanh trùng, không đường.",
  },
  {
    name: "Tinh bột nghệ",
    group: "HERBAL",
    subgroup: "Thực phẩm chức năng, thuốc từ dược liệu",
    units: ["440", "437", "441"],
    keywords: ["Dược liệu"],
    weight: 3,
    description: "Tinh bột nghệ vàng lọc thủ công.",
  },
  {
    name: "Tinh dầu sả",
    group: "HERBAL",
    subgroup: "Mỹ phẩm, tinh dầu từ dược liệu",
    units: ["447", "441"],
    keywords: ["Dược liệu"],
    weight: 2,
    description: "Tinh dầu sả chanh chưng cất.",
  },
  {
    name: "Đồ gỗ Thái Yên",
    group: "HANDICRAFT",
    subgroup: "Đồ gia dụng",
    units: ["440"],
    keywords: ["Mộc"],
    weight: 3,
    description: "Đồ gỗ mỹ nghệ của làng nghề mộc Thái Yên.",
  },
  {
    name: "Chổi đót",
    group: "HANDICRAFT",
    subgroup: "Đồ gia dụng",
    units: ["441", "446", "444"],
    keywords: ["Chổi đót"],
    weight: 2,
    description: "Chổi đót bện tay.",
  },
  {
    name: "Mây tre đan",
    group: "HANDICRAFT",
    subgroup: "Thủ công mỹ nghệ, trang trí",
    units: ["443", "440"],
    keywords: ["Mây tre", "Đan lát"],
    weight: 2,
    description: "Giỏ, làn, khay mây tre đan.",
  },
  {
    name: "Hương trầm",
    group: "HANDICRAFT",
    subgroup: "Thủ công mỹ nghệ, trang trí",
    units: ["442", "445"],
    keywords: ["Hương trầm"],
    weight: 2,
    description: "Hương trầm se tay từ bột trầm tự nhiên.",
  },
  {
    name: "Cây cảnh",
    group: "ORNAMENTAL",
    subgroup: "Hoa, cây cảnh",
    units: ["436", "437"],
    keywords: [],
    weight: 3,
    description: "Cây cảnh bonsai dáng thế.",
  },
  {
    name: "Hoa lan",
    group: "ORNAMENTAL",
    subgroup: "Hoa, cây cảnh",
    units: ["436"],
    keywords: [],
    weight: 2,
    description: "Lan hồ điệp trồng trong nhà kính.",
  },
  {
    name: "Du lịch cộng đồng",
    group: "TOURISM",
    subgroup: OCOP_SUBGROUPS.TOURISM[0],
    units: ["442", "439", "444"],
    keywords: ["Du lịch"],
    weight: 2,
    description: "Tour trải nghiệm đời sống làng quê, homestay.",
  },
  {
    name: "Điểm du lịch sinh thái",
    group: "TOURISM",
    subgroup: OCOP_SUBGROUPS.TOURISM[0],
    units: ["439", "441", "446"],
    keywords: ["Du lịch"],
    weight: 1,
    description: "Khu du lịch sinh thái suối, rừng.",
  },
];

type State = "ACTIVE" | "EXPIRED" | "REVOKED" | "LATER";
type History = "NONE" | "UPGRADE" | "DOWNGRADE" | "RENEWAL";

interface Spec {
  state: State;
  collective: boolean;
  /** For fixed products: the template, brand and owner wishes. */
  fixed?: {
    template: string;
    brand: string;
    unit: string;
    kind?: "COOPERATIVE" | "COOPERATIVE_GROUP" | "HOUSEHOLD_BUSINESS";
    commune?: string;
    sameOwnerAs?: number;
  };
}

/** Named products of the source texts, all active on 2024-07-15. */
const FIXED: NonNullable<Spec["fixed"]>[] = [
  { template: "Mật ong", brand: "Cường Nga", unit: "439", kind: "COOPERATIVE" },
  { template: "Nước mắm", brand: "Đỉnh Miện", unit: "447", kind: "COOPERATIVE", commune: "Kỳ Phú" },
  { template: "Ruốc", brand: "Đỉnh Miện", unit: "447", sameOwnerAs: 1 },
  { template: "Giò bột", brand: "Thắm Thanh", unit: "445", kind: "COOPERATIVE_GROUP" },
  { template: "Trà mướp đắng", brand: "Mai Hương", unit: "446", kind: "COOPERATIVE_GROUP" },
  { template: "Đồ gỗ Thái Yên", brand: "", unit: "440", kind: "COOPERATIVE" },
  { template: "Bưởi Phúc Trạch", brand: "", unit: "444", kind: "COOPERATIVE", commune: "Phúc Trạch" },
  { template: "Nhung hươu Hương Sơn", brand: "", unit: "439", kind: "COOPERATIVE" },
  { template: "Bánh đa vừng", brand: "Nguyên Lâm", unit: "443", kind: "HOUSEHOLD_BUSINESS" },
  { template: "Cam bù Hương Sơn", brand: "Sơn Kim", unit: "439", kind: "HOUSEHOLD_BUSINESS" },
];

const DEER: Template = {
  name: "Nhung hươu Hương Sơn",
  group: "HERBAL",
  subgroup: "Thực phẩm chức năng, thuốc từ dược liệu",
  units: ["439"],
  keywords: ["hươu"],
  weight: 3,
  description: "Nhung hươu sấy, ngâm mật ong của nghề nuôi hươu Hương Sơn.",
};
TEMPLATES.push(DEER);

const AS_OF = DEMO_OCOP_FIGURES.asOf;

function weighted(rng: Random, items: Template[]): Template {
  let r = rng.next() * items.reduce((a, t) => a + t.weight, 0);
  for (const t of items) {
    r -= t.weight;
    if (r <= 0) return t;
  }
  return items[items.length - 1];
}

function scoreParts(rng: Random, stars: 3 | 4 | 5): { scoreA: number; scoreB: number; scoreC: number } {
  const [lo, hi] = OCOP_STAR_BANDS[stars];
  const total = rng.int(lo, hi);
  // Split the total in proportion to the parts' maxima, kept inside each maximum.
  let scoreA = Math.min(40, Math.round((total * 40) / 100) + rng.int(-2, 2));
  const scoreB = Math.min(25, Math.round((total * 25) / 100) + rng.int(-2, 2));
  let scoreC = total - scoreA - scoreB;
  if (scoreC > 35) {
    scoreA += scoreC - 35;
    scoreC = 35;
  }
  return { scoreA, scoreB, scoreC };
}

const DISTRICT_OF = new Map(DEMO_ADMIN_UNITS.map((u) => [u.code, u]));

/** Decisions of one authority on one day share a number, as batch decisions do. */
function decisionNumber(level: OcopLevel, unit: string, decidedOn: string): string {
  const seed = [...`${level}/${unit}/${decidedOn}`].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  const n = 100 + (seed % 4800);
  return level === "CENTRAL" ? `${n}/QĐ-TTg` : `${n}/QĐ-UBND`;
}

function between(rng: Random, from: string, to: string): string {
  return rng.date(from, to);
}

let cached: DemoOcopCatalogue | undefined;

export function demoOcopCatalogue(): DemoOcopCatalogue {
  if (cached) return cached;
  const rng = new Random(20240716);
  const F = DEMO_OCOP_FIGURES;

  // 1. What each product is as of 2024-07-15 and who owns it (collective or not).
  const specs: Spec[] = FIXED.map((fixed): Spec => ({ state: "ACTIVE", collective: fixed.kind !== "HOUSEHOLD_BUSINESS", fixed }));
  const fixedCollective = specs.filter((s) => s.collective).length;
  const rest: Spec[] = [
    ...Array.from({ length: F.collectiveProducts - fixedCollective }, (): Spec => ({ state: "ACTIVE", collective: true })),
    ...Array.from({ length: F.otherProducts - (specs.length - fixedCollective) }, (): Spec => ({ state: "ACTIVE", collective: false })),
    ...Array.from({ length: F.expiredProducts }, (_, i): Spec => ({ state: "EXPIRED", collective: i < 3 })),
    { state: "REVOKED", collective: false },
    ...Array.from({ length: F.laterProducts }, (_, i): Spec => ({ state: "LATER", collective: i < 2 })),
  ];
  specs.push(...rng.shuffle(rest));

  // 2. Dates and stars of the certificate in force on 2024-07-15, for the active products.
  const activeIndexes = specs.map((s, i) => (s.state === "ACTIVE" ? i : -1)).filter((i) => i >= 0);
  const bands = rng.shuffle([
    ...Array<string>(F.expiringWithin90Days).fill("90"),
    ...Array<string>(F.expiringWithin91To180Days).fill("180"),
    ...Array<string>(activeIndexes.length - F.expiringWithin90Days - F.expiringWithin91To180Days).fill("LATER"),
  ]);
  const stars = rng.shuffle([...Array<3 | 4>(F.fourStarActive).fill(4), ...Array<3 | 4>(activeIndexes.length - F.fourStarActive).fill(3)]);
  // Re-assessment histories among the active products decided from 2022 on.
  const histories = new Map<number, History>();
  const want: [History, 3 | 4, number][] = [
    ["UPGRADE", 4, 10],
    ["DOWNGRADE", 3, 3],
    ["RENEWAL", 3, 12],
  ];
  for (const [history, latestStars, count] of want) {
    let found = 0;
    for (let k = 0; k < activeIndexes.length && found < count; k++) {
      if (bands[k] === "LATER" && stars[k] === latestStars && !histories.has(k) && specs[activeIndexes[k]].fixed === undefined) {
        histories.set(k, history);
        found++;
      }
    }
  }

  const organizations = demoOrganizations().filter((o) => o.status === "ACTIVE" && (o.kind === "COOPERATIVE" || o.kind === "COOPERATIVE_GROUP"));
  const usedOrganizations = new Set<string>();
  const owners: DemoOcopOwner[] = [];
  const products: DemoOcopProduct[] = [];
  const usedNames = new Set<string>();

  const pickOrganization = (template: Template, unit: string, before: string, kind?: string, commune?: string): DemoOrganization => {
    const free = organizations.filter((o) => !usedOrganizations.has(o.id) && o.establishedOn < before && (!kind || o.kind === kind));
    const fits = (o: DemoOrganization) => template.keywords.some((k) => o.name.toLowerCase().includes(k.toLowerCase()));
    const sectorFits = (o: DemoOrganization) =>
      template.group === "TOURISM" ? o.sector === "TRADE_SERVICES" : o.sector === "AGRICULTURE" || o.sector === "INDUSTRY_HANDICRAFT";
    const choices = [
      free.filter((o) => o.adminUnitCode === unit && fits(o) && (!commune || o.commune === commune)),
      free.filter((o) => o.adminUnitCode === unit && fits(o)),
      free.filter((o) => o.adminUnitCode === unit && sectorFits(o)),
      free.filter((o) => o.adminUnitCode === unit),
    ].find((list) => list.length > 0)!;
    const org = rng.pick(choices);
    usedOrganizations.add(org.id);
    return org;
  };

  const newOwner = (unit: string, household: boolean): DemoOcopOwner => {
    const n = owners.length + 1;
    const district = DISTRICT_OF.get(unit)!;
    const commune = rng.pick(district.communes);
    const representative = personName(rng);
    const brand = `${rng.pick(GIVEN_NAMES_MALE)} ${rng.pick(GIVEN_NAMES_FEMALE)}`;
    const id = stableUuid(`ocop/owner/${n}`);
    const owner: DemoOcopOwner = {
      id,
      type: household ? "HOUSEHOLD_BUSINESS" : "ENTERPRISE",
      name: household
        ? `Hộ kinh doanh ${representative}`
        : `${rng.pick(["Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân"])} ${brand} ${commune}`,
      registrationNumber: household
        ? `8${String(100_000_000 + n * 7919).slice(0, 9)}`
        : `30${String(10_000_000 + n * 104_729)
            .padStart(8, "0")
            .slice(0, 8)}`,
      adminUnitCode: unit,
      // Membership's rule for its organisations: the named commune, or one the name list leaves out, by id.
      communeId: demoCommuneCode(unit, commune, id),
      communeSince: "",
      address: `Xã ${commune}, ${district.name}, tỉnh Hà Tĩnh`,
      representative,
    };
    owners.push(owner);
    return owner;
  };

  const uniqueName = (base: string, brands: string[]): string => {
    for (const brand of brands) {
      const name = brand ? `${base} ${brand}` : base;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    for (let i = 2; ; i++) {
      const name = `${base} ${brands[0]} ${i}`.replace(/\s+/gu, " ");
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const ownerOfProduct: { org?: DemoOrganization; owner?: DemoOcopOwner }[] = [];
  let activeCursor = 0;

  specs.forEach((spec, index) => {
    const n = index + 1;
    const template = spec.fixed ? TEMPLATES.find((t) => t.name === spec.fixed!.template)! : weighted(rng, TEMPLATES);
    const unit = spec.fixed?.unit ?? rng.pick(template.units);

    // Certificate dates (oldest first) as [decidedOn, stars].
    const plan: { decidedOn: string; stars: 3 | 4 | 5 }[] = [];
    let revoked: { on: string; reason: string } | null = null;
    if (spec.state === "ACTIVE") {
      const k = activeCursor++;
      const band = bands[k];
      const latestStars = stars[k];
      const decidedOn =
        band === "90"
          ? between(rng, addDays(AS_OF, -1095 + 2), addDays(AS_OF, -1095 + 88)) // validUntil within 90 days
          : band === "180"
            ? between(rng, addDays(AS_OF, -1095 + 92), addDays(AS_OF, -1095 + 178))
            : between(rng, "2022-01-20", "2024-06-28");
      const history = histories.get(k) ?? "NONE";
      if (history === "UPGRADE") plan.push({ decidedOn: addDays(decidedOn, -rng.int(400, 900)), stars: 3 });
      if (history === "DOWNGRADE") plan.push({ decidedOn: addDays(decidedOn, -rng.int(400, 900)), stars: 4 });
      if (history === "RENEWAL") plan.push({ decidedOn: addDays(decidedOn, -rng.int(980, 1080)), stars: 3 });
      plan.push({ decidedOn, stars: latestStars });
    } else if (spec.state === "EXPIRED") {
      plan.push({ decidedOn: between(rng, "2019-03-01", "2021-07-10"), stars: rng.chance(0.15) ? 4 : 3 });
    } else if (spec.state === "REVOKED") {
      plan.push({ decidedOn: "2022-05-20", stars: 3 });
      revoked = { on: "2023-09-12", reason: "Chủ thể ngừng sản xuất, không duy trì điều kiện bảo đảm an toàn thực phẩm theo kết quả kiểm tra." };
    } else {
      plan.push({ decidedOn: between(rng, "2024-09-01", "2026-06-30"), stars: rng.chance(0.2) ? 4 : 3 });
    }
    // What happened after 2024-07-15: some renewals in time, some late, many none (the lapse problem).
    const last = plan[plan.length - 1];
    const lastUntil = ocopValidUntil(last.decidedOn);
    if (!revoked && spec.state !== "LATER") {
      const renewChance = spec.state === "EXPIRED" ? 0.25 : 0.4;
      if (lastUntil < "2026-08-31" && rng.chance(renewChance)) {
        let renewal = spec.state === "EXPIRED" ? between(rng, "2024-09-01", "2025-12-15") : addDays(lastUntil, -rng.int(0, 75));
        if (renewal <= AS_OF) renewal = addDays(AS_OF, rng.int(20, 60));
        if (renewal <= F.horizon) plan.push({ decidedOn: renewal, stars: last.stars === 3 && rng.chance(0.15) ? 4 : last.stars });
      }
    }
    const first = plan[0].decidedOn;
    const registeredOn =
      spec.state === "LATER"
        ? between(rng, addDays(AS_OF, 1), addDays(first, -30) > addDays(AS_OF, 1) ? addDays(first, -30) : addDays(AS_OF, 1))
        : addDays(first, -rng.int(60, 240));

    // Owner.
    let ownerType: DemoOcopOwnerType;
    let ownerOrganizationId: string | null = null;
    let ownerId: string | null = null;
    let brands: string[];
    if (spec.fixed?.sameOwnerAs !== undefined) {
      const org = ownerOfProduct[spec.fixed.sameOwnerAs].org!;
      ownerOfProduct.push({ org });
      ownerType = org.kind;
      ownerOrganizationId = org.id;
      brands = [spec.fixed.brand];
    } else if (spec.collective) {
      const wantKind = spec.fixed?.kind ?? (rng.chance(0.2) ? "COOPERATIVE_GROUP" : "COOPERATIVE");
      const org = pickOrganization(template, unit, registeredOn, wantKind, spec.fixed?.commune);
      ownerOfProduct.push({ org });
      ownerType = org.kind;
      ownerOrganizationId = org.id;
      brands = spec.fixed ? [spec.fixed.brand] : [org.commune, `${org.commune} ${rng.pick(FAMILY_NAMES)}`];
    } else {
      const household = spec.fixed?.kind === "HOUSEHOLD_BUSINESS" || rng.chance(0.45);
      const reuse = !spec.fixed && rng.chance(0.25) ? owners.filter((o) => o.adminUnitCode === unit && (o.type === "HOUSEHOLD_BUSINESS") === household) : [];
      const owner = reuse.length > 0 ? rng.pick(reuse) : newOwner(unit, household);
      ownerOfProduct.push({ owner });
      ownerType = owner.type;
      ownerId = owner.id;
      const brandFromName = owner.name.split(" ").slice(-2).join(" ");
      brands = spec.fixed ? [spec.fixed.brand] : [brandFromName, `${brandFromName} ${DISTRICT_OF.get(unit)!.communes[0]}`];
    }

    const certifications = plan.map((p, i): DemoOcopCertification => {
      // 1–5 July 2025: the district committees had ended and Decision 1489 was not yet signed; no 3★ decision then.
      if (p.stars === 3 && p.decidedOn >= TWO_TIER_FROM && p.decidedOn < OCOP_THREE_STAR_PROVINCE_FROM) p.decidedOn = OCOP_THREE_STAR_PROVINCE_FROM;
      const level = ocopLevelFor(p.stars, p.decidedOn);
      const isLast = i === plan.length - 1;
      return {
        id: stableUuid(`ocop/certification/${n}/${i + 1}`),
        sequence: i + 1,
        ...scoreParts(rng, p.stars),
        stars: p.stars,
        level,
        decisionNumber: decisionNumber(level, unit, p.decidedOn),
        decidedOn: p.decidedOn,
        validUntil: ocopValidUntil(p.decidedOn),
        revokedOn: isLast && revoked ? revoked.on : null,
        revocationReason: isLast && revoked ? revoked.reason : null,
        revocationDecisionNumber: isLast && revoked ? decisionNumber("PROVINCE", unit, revoked.on) : null,
        illustrative: p.decidedOn > AS_OF,
      };
    });
    const placed = ownerOfProduct[ownerOfProduct.length - 1];

    products.push({
      id: stableUuid(`ocop/product/${n}`),
      name: uniqueName(template.name, brands),
      group: template.group,
      subgroup: template.subgroup,
      adminUnitCode: unit,
      communeId: placed.org ? placed.org.communeCode : placed.owner!.communeId,
      communeSince: registeredOn,
      ownerType,
      ownerOrganizationId,
      ownerId,
      registeredOn,
      description: template.description,
      illustrative: registeredOn > AS_OF,
      certifications,
    });
  });

  for (const owner of owners) {
    owner.communeSince = products.filter((p) => p.ownerId === owner.id).reduce((first, p) => (p.registeredOn < first ? p.registeredOn : first), "9999-12-31");
  }
  cached = { products, owners };
  return cached;
}

/** Provincial OCOP council rounds of the illustrative data (the 22/08/2025 4★ round is reported; the other dates are illustrative). */
const PROVINCE_ROUNDS = ["2025-08-22", "2025-10-16", "2025-12-18", "2026-03-19", "2026-06-11"];
/** The illustrative period: from Decision 1489/QĐ-TTg to the end of the first half of 2026. */
export const DEMO_OCOP_ILLUSTRATIVE = { from: OCOP_THREE_STAR_PROVINCE_FROM, to: "2026-06-30", newProducts: 14 } as const;

export interface DemoOcopIllustrative {
  /** New certificates of catalogue products (re-assessments by the province), by product id. */
  reassessments: { productId: string; certification: DemoOcopCertification }[];
  /** New products of new owners in today's communes, each with its first certificate. */
  products: DemoOcopProduct[];
  owners: DemoOcopOwner[];
}

let illustrativeCache: DemoOcopIllustrative | undefined;

/**
 * Illustrative, not published: re-assessments by the province (Decision 1489/QĐ-TTg) of catalogue products whose
 * certificate lapsed or was about to lapse, and new products of owners in today's communes, certified at the
 * province's council rounds of the second half of 2025 and the first half of 2026, so that today's map and the public
 * catalogue today have current stars. Apart from `demoOcopCatalogue()`, which other subgraphs' demo data draw on
 * unchanged; the ocop seed loads both.
 */
export function demoOcopIllustrative(): DemoOcopIllustrative {
  if (illustrativeCache) return illustrativeCache;
  const catalogue = demoOcopCatalogue();
  const out: DemoOcopIllustrative = { reassessments: [], products: [], owners: [] };
  const usedNames = new Set(catalogue.products.map((p) => p.name));
  const rng = new Random(20250706);
  const I = DEMO_OCOP_ILLUSTRATIVE;
  const roundFrom = (date: string): string | undefined => PROVINCE_ROUNDS.find((r) => r >= date && r <= I.to);
  catalogue.products.forEach((product, index) => {
    const latest = product.certifications[product.certifications.length - 1];
    if (latest.revokedOn !== null || latest.decidedOn >= I.from || latest.validUntil > I.to || !rng.chance(0.6)) return;
    const due = addDays(latest.validUntil, -rng.int(0, 90));
    const round = roundFrom(due > I.from ? due : I.from);
    if (!round) return;
    const stars: 3 | 4 = latest.stars === 3 && rng.chance(0.15) ? 4 : latest.stars === 5 ? 4 : latest.stars;
    const sequence = product.certifications.length + 1;
    out.reassessments.push({
      productId: product.id,
      certification: provinceCertificate(rng, `ocop/certification/${index + 1}/${sequence}`, sequence, stars, round),
    });
  });
  const communes = unitsOn(TWO_TIER_FROM).filter((u) => u.level === "COMMUNE");
  for (let k = 1; k <= I.newProducts; k++) {
    const template = weighted(rng, TEMPLATES);
    const commune = rng.pick(communes);
    const household = rng.chance(0.5);
    const registeredOn = rng.date(I.from, "2026-03-31");
    const round = roundFrom(addDays(registeredOn, 30));
    if (!round) continue;
    const n = catalogue.owners.length + out.owners.length + 1;
    const representative = personName(rng);
    const place = commune.name.replace(/^(Xã|Phường) /u, "");
    const owner: DemoOcopOwner = {
      id: stableUuid(`ocop/owner/${n}`),
      type: household ? "HOUSEHOLD_BUSINESS" : "ENTERPRISE",
      name: household ? `Hộ kinh doanh ${representative}` : `Công ty TNHH ${rng.pick(GIVEN_NAMES_MALE)} ${place}`,
      registrationNumber: household
        ? `8${String(100_000_000 + n * 7919).slice(0, 9)}`
        : `30${String(10_000_000 + n * 104_729)
            .padStart(8, "0")
            .slice(0, 8)}`,
      adminUnitCode: commune.code,
      communeId: commune.id,
      communeSince: registeredOn,
      address: `${commune.name}, tỉnh Hà Tĩnh`,
      representative,
    };
    out.owners.push(owner);
    let name = `${template.name} ${place}`;
    for (let i = 2; usedNames.has(name); i++) name = `${template.name} ${place} ${i}`;
    usedNames.add(name);
    const id = `ocop/product/illustrative/${k}`;
    out.products.push({
      id: stableUuid(id),
      name,
      group: template.group,
      subgroup: template.subgroup,
      adminUnitCode: commune.code,
      communeId: commune.id,
      communeSince: registeredOn,
      ownerType: owner.type,
      ownerOrganizationId: null,
      ownerId: owner.id,
      registeredOn,
      description: template.description,
      illustrative: true,
      certifications: [provinceCertificate(rng, `ocop/certification/illustrative/${k}/1`, 1, rng.chance(0.2) ? 4 : 3, round)],
    });
  }
  illustrativeCache = out;
  return out;
}

function provinceCertificate(rng: Random, key: string, sequence: number, stars: 3 | 4, decidedOn: string): DemoOcopCertification {
  const level = ocopLevelFor(stars, decidedOn);
  return {
    id: stableUuid(key),
    sequence,
    ...scoreParts(rng, stars),
    stars,
    level,
    decisionNumber: decisionNumber(level, "42", decidedOn),
    decidedOn,
    validUntil: ocopValidUntil(decidedOn),
    revokedOn: null,
    revocationReason: null,
    revocationDecisionNumber: null,
    illustrative: true,
  };
}
