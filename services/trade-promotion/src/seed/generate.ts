/**
 * The demo trade-promotion data, pure and deterministic: the two events the sources report (the
 * OCOP and specialties fair of 21–25/1/2022 and the North-Central collective-economy conference of
 * 2/11/2022) and invented ones through 2024-06-30, marked illustrative; then illustrative events of 2025 and the
 * first half of 2026 (`DEMO_TRADE_EVENTS_2025`), drawn after everything else from their own random stream so the
 * earlier rows stay exactly as they were. Participants and their products come from the shared OCOP catalogue, so
 * every participant shows only products it owns; each participant lies in the mid-2024 commune the shared demo
 * gives it (`demoCommuneIdOf`, the same as membership's for an organisation), registered under the unit a write would
 * name on the day (`demoRegisteredUnitOn`: its district before 2025-07-01, its commune after).
 */
import { demoCommuneIdOf, demoOcopCatalogue, demoOrganizations, demoRegisteredUnitOn, Random, stableUuid, type DemoOcopProduct } from "@kttt/demo";
import { ADMIN_UNITS, TWO_TIER_FROM, unitOn } from "@kttt/reference";
import { EcommercePlatform, TradeEventFormat, TradeEventScope, TradeEventType, TradeParticipantKind } from "../domain/enums";

type Row = Record<string, unknown>;

export interface TradeSeedRows {
  events: Row[];
  participations: Row[];
  products: Row[];
  listings: Row[];
  links: Row[];
}

interface EventSpec {
  key: string;
  name: string;
  type: TradeEventType;
  format: TradeEventFormat;
  scope: TradeEventScope;
  organiser: string;
  place: string;
  unit: string | null;
  startsOn: string;
  endsOn: string;
  booths: number | null;
  budgetMillions: number | null;
  /** Key of policy support's programme that funds it (same stable-id convention). */
  programme: string | null;
  illustrative: boolean;
  note: string;
  participants: number;
  /** Words in product names preferred for this event (e.g. bưởi for a pomelo campaign). */
  prefer?: string[];
}

const ILLUSTRATIVE = "Sự kiện minh họa của dữ liệu mẫu (không phải số liệu thực tế).";
const SO_CT = "Sở Công Thương Hà Tĩnh";
const ALLIANCE = "Liên minh Hợp tác xã tỉnh Hà Tĩnh";

/** A place in a district before the two-tier reform (TWO_TIER_FROM) and in a commune after it. */
interface Venue {
  before: { place: string; unit: string };
  after: { place: string; unit: string };
}
const venueOn = (venue: Venue, date: string) => (date < TWO_TIER_FROM ? venue.before : venue.after);

/** Quảng trường 26/3, where the spring fair is held: in Hà Tĩnh city, then in Phường Thành Sen. */
const SQUARE_26_3: Venue = {
  before: { place: "Quảng trường 26/3, Thành phố Hà Tĩnh", unit: "436" },
  after: { place: "Quảng trường 26/3, Phường Thành Sen", unit: "18073" },
};
/** The Alliance's supply-demand conference, held in Thạch Hà and online: Thị trấn Thạch Hà (district), then Xã Thạch Hà. */
const THACH_HA_ONLINE: Venue = {
  before: { place: "Thị trấn Thạch Hà và trực tuyến", unit: "445" },
  after: { place: "Xã Thạch Hà và trực tuyến", unit: "18562" },
};

/**
 * The province's spring fair before Tết (Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh Xuân …), held each year by the
 * Department of Industry and Trade; illustrative from 2023 on. `funded`: by that year's trade-promotion programme.
 */
function springFair(
  year: number,
  lunarYear: string,
  held: { startsOn: string; endsOn: string; booths: number; budgetMillions: number; participants: number; funded: boolean },
): EventSpec {
  const square = venueOn(SQUARE_26_3, held.startsOn);
  return {
    key: `${year}-spring-fair`,
    name: `Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh Xuân ${lunarYear} ${year}`,
    type: TradeEventType.FAIR,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.PROVINCIAL,
    organiser: SO_CT,
    place: square.place,
    unit: square.unit,
    startsOn: held.startsOn,
    endsOn: held.endsOn,
    booths: held.booths,
    budgetMillions: held.budgetMillions,
    programme: held.funded ? `support-programme/${year}/SO-CT/CS-XTTM` : null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: held.participants,
  };
}

/** The Alliance's yearly one-day conference connecting supply and demand of farm and OCOP products (illustrative). */
function supplyDemandConference(year: number, on: string): EventSpec {
  const venue = venueOn(THACH_HA_ONLINE, on);
  return {
    key: `${year}-supply-demand`,
    name: `Hội nghị kết nối cung cầu nông sản, sản phẩm OCOP Hà Tĩnh năm ${year}`,
    type: TradeEventType.SUPPLY_DEMAND_CONNECTION,
    format: TradeEventFormat.HYBRID,
    scope: TradeEventScope.PROVINCIAL,
    organiser: ALLIANCE,
    place: venue.place,
    unit: venue.unit,
    startsOn: on,
    endsOn: on,
    booths: 30,
    budgetMillions: 300,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 20,
  };
}

/** The events, oldest first. The first and fourth are reported by the sources [S46][S47]. */
export const DEMO_TRADE_EVENTS: EventSpec[] = [
  {
    key: "2022-ocop-fair",
    name: "Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022",
    type: TradeEventType.FAIR,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.PROVINCIAL,
    organiser: "UBND tỉnh Hà Tĩnh",
    place: "Thành phố Hà Tĩnh",
    unit: "436",
    startsOn: "2022-01-21",
    endsOn: "2022-01-25",
    booths: 100,
    budgetMillions: null,
    programme: null,
    illustrative: false,
    note: "Theo baohatinh.vn: 100 gian hàng của 13 địa phương và 7 sở, ngành cấp tỉnh. Đơn vị tổ chức và kinh phí chưa đối chiếu; các chủ thể tham gia trong dữ liệu mẫu là minh họa.",
    participants: 40,
  },
  {
    key: "2022-hanoi-week",
    name: "Tuần hàng nông sản, sản phẩm OCOP Hà Tĩnh tại Hà Nội",
    type: TradeEventType.FAIR,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.NATIONAL,
    organiser: SO_CT,
    place: "Hà Nội",
    unit: null,
    startsOn: "2022-06-10",
    endsOn: "2022-06-12",
    booths: 40,
    budgetMillions: 450,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 18,
  },
  {
    key: "2022-pomelo-online",
    name: "Chiến dịch bán bưởi Phúc Trạch trên sàn thương mại điện tử",
    type: TradeEventType.ONLINE_CAMPAIGN,
    format: TradeEventFormat.ONLINE,
    scope: TradeEventScope.NATIONAL,
    organiser: ALLIANCE,
    place: "postmart.vn, voso.vn",
    unit: null,
    startsOn: "2022-09-15",
    endsOn: "2022-09-30",
    booths: null,
    budgetMillions: 120,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 8,
    prefer: ["Bưởi"],
  },
  {
    key: "2022-north-central-conference",
    name: "Hội nghị xúc tiến thương mại kinh tế tập thể khu vực Bắc Trung Bộ năm 2022",
    type: TradeEventType.TRADE_CONFERENCE,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.REGIONAL,
    organiser: `${ALLIANCE} và Liên minh Hợp tác xã các tỉnh Bắc Trung Bộ`,
    place: "Thành phố Hà Tĩnh",
    unit: "436",
    startsOn: "2022-11-02",
    endsOn: "2022-11-02",
    booths: null,
    budgetMillions: null,
    programme: null,
    illustrative: false,
    note: "Theo nhandan.vn: hơn 200 sản phẩm OCOP của 5 tỉnh; Liên minh HTX các tỉnh ký biên bản ghi nhớ hợp tác; hội nghị tổ chức hằng năm. Chỉ ghi nhận chủ thể của Hà Tĩnh; các chủ thể tham gia trong dữ liệu mẫu là minh họa.",
    participants: 25,
  },
  springFair(2023, "Quý Mão", { startsOn: "2023-01-06", endsOn: "2023-01-10", booths: 120, budgetMillions: 1200, participants: 45, funded: true }),
  {
    key: "2023-handicraft-exhibition",
    name: "Triển lãm sản phẩm thủ công mỹ nghệ và làng nghề Hà Tĩnh",
    type: TradeEventType.EXHIBITION,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.PROVINCIAL,
    organiser: SO_CT,
    place: "Thị trấn Đức Thọ",
    unit: "440",
    startsOn: "2023-04-20",
    endsOn: "2023-04-22",
    booths: 50,
    budgetMillions: 350,
    programme: "support-programme/2023/SO-CT/CS-XTTM",
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 16,
    prefer: ["gỗ", "Chổi", "Nón", "mây", "tre"],
  },
  supplyDemandConference(2023, "2023-08-18"),
  {
    key: "2023-north-central-conference",
    name: "Hội nghị xúc tiến thương mại kinh tế tập thể khu vực Bắc Trung Bộ năm 2023",
    type: TradeEventType.TRADE_CONFERENCE,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.REGIONAL,
    organiser: "Liên minh Hợp tác xã các tỉnh Bắc Trung Bộ",
    place: "Thành phố Vinh, Nghệ An",
    unit: null,
    startsOn: "2023-11-09",
    endsOn: "2023-11-09",
    booths: null,
    budgetMillions: null,
    programme: null,
    illustrative: true,
    note: `Hội nghị tổ chức hằng năm; địa điểm và ngày của năm 2023 là giả định. ${ILLUSTRATIVE}`,
    participants: 15,
  },
  {
    key: "2023-vung-ang-fair",
    name: "Hội chợ Thương mại quốc tế Việt – Lào – Thái Lan tại Vũng Áng",
    type: TradeEventType.FAIR,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.INTERNATIONAL,
    organiser: SO_CT,
    place: "Khu kinh tế Vũng Áng, Thị xã Kỳ Anh",
    unit: "449",
    startsOn: "2023-12-01",
    endsOn: "2023-12-05",
    booths: 200,
    budgetMillions: 900,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 22,
  },
  springFair(2024, "Giáp Thìn", { startsOn: "2024-01-18", endsOn: "2024-01-22", booths: 150, budgetMillions: 1500, participants: 50, funded: true }),
  {
    key: "2024-online-week",
    name: "Tuần lễ bán hàng trực tuyến sản phẩm OCOP Hà Tĩnh trên voso.vn và postmart.vn",
    type: TradeEventType.ONLINE_CAMPAIGN,
    format: TradeEventFormat.ONLINE,
    scope: TradeEventScope.NATIONAL,
    organiser: ALLIANCE,
    place: "voso.vn, postmart.vn",
    unit: null,
    startsOn: "2024-03-15",
    endsOn: "2024-03-31",
    booths: null,
    budgetMillions: 150,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 14,
  },
  {
    key: "2024-hcmc-connection",
    name: "Hội nghị kết nối cung cầu, giới thiệu sản phẩm HTX Hà Tĩnh tại Thành phố Hồ Chí Minh",
    type: TradeEventType.SUPPLY_DEMAND_CONNECTION,
    format: TradeEventFormat.HYBRID,
    scope: TradeEventScope.NATIONAL,
    organiser: ALLIANCE,
    place: "Thành phố Hồ Chí Minh",
    unit: null,
    startsOn: "2024-05-23",
    endsOn: "2024-05-25",
    booths: 25,
    budgetMillions: 600,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 15,
  },
  {
    key: "2024-collective-exhibition",
    name: "Triển lãm sản phẩm kinh tế tập thể tiêu biểu tỉnh Hà Tĩnh năm 2024",
    type: TradeEventType.EXHIBITION,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.PROVINCIAL,
    organiser: ALLIANCE,
    place: "Thị trấn Nghèn, Can Lộc",
    unit: "443",
    startsOn: "2024-06-14",
    endsOn: "2024-06-16",
    booths: 60,
    budgetMillions: 400,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 24,
  },
];

/**
 * Illustrative events of 2025 and the first half of 2026 (none is reported by the sources): before 2025-07-01 held in
 * a district, after in one of the 69 communes, so today's map and the current period have data.
 */
export const DEMO_TRADE_EVENTS_2025: EventSpec[] = [
  springFair(2025, "Ất Tỵ", { startsOn: "2025-01-08", endsOn: "2025-01-12", booths: 150, budgetMillions: 1500, participants: 40, funded: true }),
  {
    key: "2025-vcamart-week",
    name: "Tuần lễ giới thiệu sản phẩm hợp tác xã Hà Tĩnh trên VCAMart",
    type: TradeEventType.ONLINE_CAMPAIGN,
    format: TradeEventFormat.ONLINE,
    scope: TradeEventScope.NATIONAL,
    organiser: ALLIANCE,
    place: "vcamart.vn",
    unit: null,
    startsOn: "2025-05-12",
    endsOn: "2025-05-25",
    booths: null,
    budgetMillions: 120,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 12,
  },
  supplyDemandConference(2025, "2025-09-18"),
  {
    key: "2025-north-central-conference",
    name: "Hội nghị xúc tiến thương mại kinh tế tập thể khu vực Bắc Trung Bộ năm 2025",
    type: TradeEventType.TRADE_CONFERENCE,
    format: TradeEventFormat.IN_PERSON,
    scope: TradeEventScope.REGIONAL,
    organiser: `${ALLIANCE} và Liên minh Hợp tác xã các tỉnh Bắc Trung Bộ`,
    place: "Phường Thành Sen, tỉnh Hà Tĩnh",
    unit: "18073",
    startsOn: "2025-11-06",
    endsOn: "2025-11-06",
    booths: null,
    budgetMillions: null,
    programme: null,
    illustrative: true,
    note: `Hội nghị tổ chức hằng năm; địa điểm và ngày của năm 2025 là giả định. ${ILLUSTRATIVE}`,
    participants: 18,
  },
  springFair(2026, "Bính Ngọ", { startsOn: "2026-01-28", endsOn: "2026-02-01", booths: 150, budgetMillions: 1600, participants: 40, funded: false }),
  {
    key: "2026-pomelo-week",
    name: "Tuần lễ bưởi Phúc Trạch và nông sản Hương Khê năm 2026",
    type: TradeEventType.FAIR,
    format: TradeEventFormat.HYBRID,
    scope: TradeEventScope.PROVINCIAL,
    organiser: ALLIANCE,
    place: "Xã Phúc Trạch và trực tuyến",
    unit: "18547",
    startsOn: "2026-05-20",
    endsOn: "2026-05-22",
    booths: 40,
    budgetMillions: 350,
    programme: null,
    illustrative: true,
    note: ILLUSTRATIVE,
    participants: 16,
    prefer: ["Bưởi"],
  },
];

const BUYERS = [
  "Công ty TNHH Thương mại Nông sản Sạch Hà Nội",
  "Công ty CP Phân phối Thực phẩm Miền Trung",
  "Hệ thống cửa hàng đặc sản vùng miền Sen Vàng",
  "Công ty TNHH Xuất nhập khẩu Hồng Lam",
  "Chuỗi siêu thị mini Bắc Trung Bộ",
  "Công ty CP Thương mại Dịch vụ Kỳ Anh",
  "Hợp tác xã Dịch vụ Thương mại Nghệ Tĩnh",
  "Công ty TNHH Nông sản Việt Xanh (TP Hồ Chí Minh)",
];

const MILLION = 1_000_000n;
const HORIZON = "2024-06-30";

interface Owner {
  id: string;
  kind: TradeParticipantKind;
  unit: string;
  /** The mid-2024 commune (unit version id) it lies in, and since when. */
  communeId: string;
  communeSince: string;
  /** Membership's dissolution date of an organisation; null for a local owner or one not dissolved. */
  dissolvedOn: string | null;
  products: DemoOcopProduct[];
}

/** Every OCOP owner of the catalogue with its unit and products. */
function ocopOwners(): Owner[] {
  const catalogue = demoOcopCatalogue();
  const orgs = new Map(demoOrganizations().map((o) => [o.id, o]));
  const locals = new Map(catalogue.owners.map((o) => [o.id, o]));
  const owners = new Map<string, Owner>();
  for (const product of catalogue.products) {
    const id = product.ownerOrganizationId ?? product.ownerId!;
    let owner = owners.get(id);
    if (!owner) {
      const org = product.ownerOrganizationId ? orgs.get(product.ownerOrganizationId)! : null;
      const kind = org ? (org.kind as TradeParticipantKind) : TradeParticipantKind.OCOP_LOCAL_OWNER;
      // A local owner's arrival is not recorded: it lay there by its earliest certification (set below) at the latest.
      owner = {
        id,
        kind,
        unit: org ? org.adminUnitCode : locals.get(id)!.adminUnitCode,
        communeId: demoCommuneIdOf(id),
        communeSince: org?.establishedOn ?? "",
        dissolvedOn: org?.dissolvedOn ?? null,
        products: [],
      };
      owners.set(id, owner);
    }
    owner.products.push(product);
  }
  for (const owner of owners.values()) {
    if (owner.communeSince) continue;
    owner.communeSince = owner.products
      .map((p) => p.certifications[0]?.decidedOn)
      .filter((d): d is string => d !== undefined)
      .sort()[0];
  }
  return [...owners.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Certified (first decision) by the date, so it can be shown as an OCOP product. */
const certifiedBy = (product: DemoOcopProduct, date: string) => product.certifications.length > 0 && product.certifications[0].decidedOn <= date;

/** The columns of a seller's commune on a listing or link: where the participant lies, as its participations record it (the demo's mid-2024 commune). */
const sellerCommune = (owner: Owner) => ({ commune_id: owner.communeId, commune_since: owner.communeSince });

function unitValidOn(code: string, date: string): boolean {
  const unit = ADMIN_UNITS.find((u) => u.code === code)!;
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

const money = (rng: Random, minMillions: number, maxMillions: number) => BigInt(rng.int(minMillions * 10, maxMillions * 10)) * 100_000n;

let cached: TradeSeedRows | undefined;

export function generateTradeSeedRows(): TradeSeedRows {
  if (cached) return cached;
  const rng = new Random(2022_0121);
  const owners = ocopOwners();
  const rows: TradeSeedRows = { events: [], participations: [], products: [], listings: [], links: [] };
  const participated = new Set<string>();
  /** Participations at events where supply-demand links are agreed. */
  const linkable: { eventId: string; date: string; owner: Owner; products: DemoOcopProduct[] }[] = [];

  /** The events of `specs`, drawn from `rng`; `unitOf` is the unit a participant is registered under on a day, null when it cannot take part. */
  const addEvents = (specs: EventSpec[], rng: Random, unitOf: (owner: Owner, date: string) => string | null): void => {
    for (const spec of specs) {
      const eventId = stableUuid(`trade-event/${spec.key}`);
      // Held in a commune (the illustrative events after 2025-07-01): that commune since the first day; a district only: none recorded.
      const held = spec.unit ? unitOn(spec.unit, spec.startsOn) : null;
      const communeId = held?.level === "COMMUNE" ? held.id : null;
      rows.events.push({
        id: eventId,
        name: spec.name,
        type: spec.type,
        format: spec.format,
        scope: spec.scope,
        organiser: spec.organiser,
        place: spec.place,
        admin_unit_code: spec.unit,
        commune_id: communeId,
        commune_since: communeId ? spec.startsOn : null,
        starts_on: spec.startsOn,
        ends_on: spec.endsOn,
        booth_count: spec.booths,
        budget: spec.budgetMillions === null ? null : (BigInt(spec.budgetMillions) * MILLION).toString(),
        funding_programme_id: spec.programme ? stableUuid(spec.programme) : null,
        illustrative: spec.illustrative,
        note: spec.note,
        version: 1,
      });

      const eligible = owners.filter((o) => unitOf(o, spec.startsOn) !== null && o.products.some((p) => certifiedBy(p, spec.startsOn)));
      const preferred = (o: Owner) =>
        (spec.prefer ?? []).some((w) => o.products.some((p) => certifiedBy(p, spec.startsOn) && p.name.toLowerCase().includes(w.toLowerCase())));
      const shuffled = rng.shuffle([...eligible]);
      let picked = [...shuffled.filter(preferred), ...shuffled.filter((o) => !preferred(o))];
      if (spec.key === "2022-ocop-fair") {
        // The fair gathered all 13 localities: one exhibitor of each unit first.
        const firstOfUnit = ADMIN_UNITS.map((u) => picked.find((o) => o.unit === u.code)).filter((o): o is Owner => o !== undefined);
        picked = [...firstOfUnit, ...picked.filter((o) => !firstOfUnit.includes(o))];
      }
      picked = picked.slice(0, spec.participants);

      let boothsLeft = spec.booths ?? 0;
      const online = spec.format === TradeEventFormat.ONLINE;
      const conference = spec.type === TradeEventType.TRADE_CONFERENCE || spec.type === TradeEventType.SUPPLY_DEMAND_CONNECTION;
      for (const [i, owner] of picked.entries()) {
        const id = stableUuid(`trade-participation/${spec.key}/${owner.id}`);
        const wanted = spec.booths === null ? 0 : rng.int(1, 2);
        const booths = Math.min(wanted, boothsLeft);
        boothsLeft -= booths;
        let attendedFrom = spec.startsOn;
        let attendedTo = spec.endsOn;
        if (spec.startsOn !== spec.endsOn && rng.chance(0.2)) {
          attendedFrom = rng.date(spec.startsOn, spec.endsOn);
          attendedTo = rng.date(attendedFrom, spec.endsOn);
        }
        const contracts = rng.chance(conference ? 0.5 : 0.25) ? rng.int(1, 3) : 0;
        const mous = conference && rng.chance(0.6) ? rng.int(1, 2) : 0;
        const products = rng.shuffle(owner.products.filter((p) => certifiedBy(p, spec.startsOn))).slice(0, rng.int(1, 3));
        rows.participations.push({
          id,
          event_id: eventId,
          participant_id: owner.id,
          participant_kind: owner.kind,
          admin_unit_code: unitOf(owner, attendedFrom),
          commune_id: owner.communeId,
          commune_since: owner.communeSince,
          attended_from: attendedFrom,
          attended_to: attendedTo,
          booths,
          sales_amount: (conference ? money(rng, 0, 20) : online ? money(rng, 10, 250) : money(rng, 5, 150)).toString(),
          contract_count: contracts,
          contract_value: (contracts === 0 ? 0n : money(rng, 50 * contracts, 400 * contracts)).toString(),
          mou_count: mous,
          mou_value: (mous === 0 ? 0n : money(rng, 100 * mous, 1000 * mous)).toString(),
          note: i === 0 && spec.key === "2022-ocop-fair" ? "Gian hàng chung của địa phương." : null,
          version: 1,
        });
        for (const product of products) rows.products.push({ participation_id: id, product_id: product.id });
        participated.add(owner.id);
        if (conference) linkable.push({ eventId, date: spec.startsOn, owner, products });
      }
    }
  };
  addEvents(DEMO_TRADE_EVENTS, rng, (o, date) => (unitValidOn(o.unit, date) ? o.unit : null));

  // E-commerce: fewer than half of the OCOP owners active in trade promotion sell online, as the
  // province reports (target at least 50%).
  const platforms = Object.values(EcommercePlatform);
  for (const owner of owners) {
    if (!rng.chance(participated.has(owner.id) ? 0.25 : 0.04)) continue;
    const products = owner.products.filter((p) => certifiedBy(p, HORIZON));
    for (const product of rng.shuffle([...products]).slice(0, rng.int(1, 2))) {
      const from = product.certifications[0].decidedOn > "2021-06-01" ? product.certifications[0].decidedOn : "2021-06-01";
      const listedOn = rng.date(from, HORIZON);
      const delistedOn = rng.chance(0.2) ? rng.date(listedOn, HORIZON) : null;
      const platform = rng.pick(platforms);
      rows.listings.push({
        id: stableUuid(`ecommerce-listing/${owner.id}/${product.id}/${platform}`),
        owner_id: owner.id,
        owner_kind: owner.kind,
        admin_unit_code: owner.unit,
        ...sellerCommune(owner),
        platform,
        product_id: product.id,
        product_name: product.name,
        url: platform === EcommercePlatform.OTHER ? null : `https://${platform.toLowerCase()}.example/san-pham/${product.id.slice(0, 8)}`,
        listed_on: listedOn,
        delisted_on: delistedOn,
        version: 1,
      });
    }
  }
  // Duplicate platform picks for one product collapse to one listing.
  rows.listings = [...new Map(rows.listings.map((l) => [l.id as string, l])).values()];

  // Supply-demand links: most agreed at conferences and connection meetings, some on their own.
  const VOLUME_UNITS: Record<string, string> = { FOOD: "tấn", BEVERAGE: "lít", HERBAL: "hộp", HANDICRAFT: "bộ", ORNAMENTAL: "cây", TOURISM: "lượt khách" };
  const link = (key: string, owner: Owner, product: DemoOcopProduct, agreedOn: string, eventId: string | null) =>
    rows.links.push({
      id: stableUuid(`supply-demand-link/${key}`),
      seller_id: owner.id,
      seller_kind: owner.kind,
      admin_unit_code: owner.unit,
      ...sellerCommune(owner),
      buyer: rng.pick(BUYERS),
      product_id: product.id,
      product_name: product.name,
      volume: rng.int(2, 200),
      volume_unit: VOLUME_UNITS[product.group],
      value: money(rng, 30, 900).toString(),
      agreed_on: agreedOn,
      event_id: eventId,
      note: null,
    });
  for (const [i, p] of linkable.entries()) {
    if (i % 2 === 0) link(`event/${i}`, p.owner, p.products[0], p.date, p.eventId);
  }
  for (let i = 0; i < 12; i++) {
    const owner = rng.pick(owners);
    const agreedOn = rng.date("2022-03-01", HORIZON);
    const product = owner.products.find((p) => certifiedBy(p, agreedOn));
    if (product && unitValidOn(owner.unit, agreedOn)) link(`direct/${i}`, owner, product, agreedOn, null);
  }

  // 2025 and the first half of 2026, after everything else and from their own stream: the rows above stay as they were.
  // A participant is registered under the unit a write would name on the day; one whose commune was split or lost,
  // or that was dissolved by then, does not take part.
  addEvents(DEMO_TRADE_EVENTS_2025, new Random(2025_0108), (o, date) =>
    o.dissolvedOn !== null && o.dissolvedOn <= date ? null : demoRegisteredUnitOn(o.id, o.unit, date),
  );

  cached = rows;
  return rows;
}
