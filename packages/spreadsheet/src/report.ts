/**
 * `npm run export -- --report <period>`: the collective-economy report of a period as the Alliance
 * writes it, one formatted workbook: the province's figures ("Tổng quan"), by unit of the period's map
 * or of today's communes ("Theo đơn vị"), the plan's targets against results ("Kế hoạch"), OCOP and
 * support disbursement. Every figure is a number the graph answers (the overview `collectiveEconomy`,
 * `collectiveEconomyByAdminUnit` and the statistics queries behind it), written as served: money in
 * whole đồng with the exporter's number format, shares 0 to 1 as percentages. A figure the graph does
 * not know is written "Chưa có số liệu", never 0.
 */
import { HA_TINH_TIME_ZONE } from "@kttt/core";
import ExcelJS from "exceljs";
import { CELL_FORMATS, vndCell } from "./exporter";
import { callGraph, type Credential } from "./importer";

export const NOT_KNOWN = "Chưa có số liệu";

export interface ReportPeriod {
  year: number;
  half: "H1" | "H2" | null;
  asOf: string | null;
}

/** "2024", "2025-H2", "2024-H1@2024-07-15" (the ids `ReportingPeriod.id` answers). */
export function parseReportPeriod(text: string): ReportPeriod {
  const match = /^(\d{4})(?:-(H1|H2))?(?:@(\d{4}-\d{2}-\d{2}))?$/u.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a reporting period: write 2024, 2025-H2 or 2024-H1@2024-07-15 (year, half, report date).`);
  return { year: Number(match[1]), half: (match[2] as "H1" | "H2" | undefined) ?? null, asOf: match[3] ?? null };
}

export type UnitMap = "PERIOD" | "TODAY";

/** "period" or "today" (any case) → the map the "Theo đơn vị" sheet follows. */
export function parseUnitMap(text: string | undefined): UnitMap {
  const value = (text ?? "PERIOD").trim().toUpperCase();
  if (value !== "PERIOD" && value !== "TODAY")
    throw new Error(`The unit map is PERIOD (the units of the period's own map) or TODAY (today's 69 communes, re-cut), not "${text}".`);
  return value;
}

const MEMBERSHIP_FIGURES = `cooperativeCount unionCount groupCount reportingCooperativeCount
  charterCapital { total average } revenue { total average } profit { total average }
  regularWorkers averageWorkerMonthlyIncome managersTotal managersTrained managersTrainedShare goodOrFairShare
  ratingCounts { good fair average weak notRated unclassified }`;
const OCOP_FIGURES = `activeProducts threeStarProducts fourStarProducts fiveStarProducts collectiveOwnedProducts collectiveOwners otherOwnedProducts
  expiredProducts revokedProducts expiringWithin90Days expiringWithin180Days`;
const SUPPORT_FIGURES = "planned disbursed implementationRate beneficiaryCount allocationCount managersTrained";
const UNIT_MEMBERSHIP =
  "cooperativeCount unionCount groupCount regularWorkers charterCapital { total } revenue { total average } profit { total } goodOrFairShare";
const UNIT_OCOP = "activeProducts threeStarProducts fourStarProducts fiveStarProducts collectiveOwnedProducts";
const UNIT_SUPPORT = "planned disbursed implementationRate beneficiaryCount";

/** The overview of the period, its plan and the support by policy kind and by funding source: one request. */
export const REPORT_OVERVIEW_QUERY = `query CollectiveEconomyReport($period: ReportingPeriodInput!, $year: Int!, $byPeriodMap: Boolean!) {
  collectiveEconomy(period: $period) {
    period { id label startDate endDate asOf }
    membership { ${MEMBERSHIP_FIGURES} }
    ocop { ${OCOP_FIGURES} }
    policySupport { ${SUPPORT_FIGURES} }
    tradePromotion { events participations participants booths sales contracts contractValue onlineSellingShare }
  }
  byUnit: collectiveEconomyByAdminUnit(period: $period) @include(if: $byPeriodMap) {
    adminUnit { code name }
    membership { ${UNIT_MEMBERSHIP} }
    ocop { ${UNIT_OCOP} }
    policySupport { ${UNIT_SUPPORT} }
  }
  supportByKind: policySupportStatistics(year: $year, groupBy: POLICY_KIND) { groups { key label figures { ${SUPPORT_FIGURES} } } }
  supportBySource: policySupportStatistics(year: $year, groupBy: FUNDING_SOURCE) { groups { key label figures { ${SUPPORT_FIGURES} } } }
  plan: developmentPlan(year: $year) {
    title note
    targets { indicatorLabel unit target targetAmount actual actualAmount achievementRate achieved note }
  }
}`;

/** What needs the period's date (OCOP as it stood then, the period's trade events) and the re-cut by today's communes. */
export const REPORT_DETAIL_QUERY = `query CollectiveEconomyReportDetail($year: Int!, $asOf: LocalDate!, $from: LocalDate!, $recut: Boolean!) {
  ocopByStars: ocopStatistics(asOf: $asOf, groupBy: STARS) { groups { key label figures { ${OCOP_FIGURES} } } }
  ocopByOwner: ocopStatistics(asOf: $asOf, groupBy: OWNER_TYPE) { groups { key label figures { ${OCOP_FIGURES} } } }
  ocopByUnit: ocopStatistics(asOf: $asOf, groupBy: ADMIN_UNIT) { unitMapDate groups { key label figures { ${OCOP_FIGURES} } } }
  tradeEvents(filter: { from: $from, to: $asOf }, first: 100) { totalCount nodes { illustrative } }
  membershipToday: membershipStatistics(year: $year, asOf: $asOf, groupBy: ADMIN_UNIT, unitMap: TODAY) @include(if: $recut) {
    unitMapDate groups { key label figures { ${UNIT_MEMBERSHIP} } }
  }
  ocopToday: ocopStatistics(asOf: $asOf, groupBy: ADMIN_UNIT, unitMap: TODAY) @include(if: $recut) { groups { key label figures { ${UNIT_OCOP} } } }
  supportToday: policySupportStatistics(year: $year, groupBy: ADMIN_UNIT, unitMap: TODAY) @include(if: $recut) { groups { key label figures { ${UNIT_SUPPORT} } } }
}`;

type Money = string | null;
interface MoneyAggregate {
  total: Money;
  average?: Money;
}
interface MembershipFigures {
  cooperativeCount: number;
  unionCount: number;
  groupCount: number;
  reportingCooperativeCount?: number;
  charterCapital: MoneyAggregate;
  revenue: MoneyAggregate;
  profit: MoneyAggregate;
  regularWorkers: number;
  averageWorkerMonthlyIncome?: Money;
  managersTotal?: number;
  managersTrained?: number;
  managersTrainedShare?: number | null;
  goodOrFairShare: number | null;
  ratingCounts?: Record<"good" | "fair" | "average" | "weak" | "notRated" | "unclassified", number>;
}
type OcopFigures = Record<string, number>;
interface SupportFigures {
  planned: Money;
  disbursed: Money;
  implementationRate: number | null;
  beneficiaryCount: number;
  allocationCount?: number;
  managersTrained?: number;
}
interface Group<F> {
  key: string | null;
  label: string;
  figures: F;
}
interface PlanTarget {
  indicatorLabel: string;
  unit: "COUNT" | "PERCENT" | "VND";
  target: number | null;
  targetAmount: Money;
  actual: number | null;
  actualAmount: Money;
  achievementRate: number | null;
  achieved: boolean | null;
  note: string | null;
}
export interface ReportOverview {
  collectiveEconomy: {
    period: { id: string; label: string; startDate: string; endDate: string; asOf: string };
    membership: MembershipFigures | null;
    ocop: OcopFigures | null;
    policySupport: SupportFigures | null;
    tradePromotion: Record<string, number | string | null> | null;
  } | null;
  byUnit?: {
    adminUnit: { code: string; name: string };
    membership: MembershipFigures | null;
    ocop: OcopFigures | null;
    policySupport: SupportFigures | null;
  }[];
  supportByKind: { groups: Group<SupportFigures>[] } | null;
  supportBySource: { groups: Group<SupportFigures>[] } | null;
  plan: { title: string; note: string | null; targets: PlanTarget[] } | null;
}
export interface ReportDetail {
  ocopByStars: { groups: Group<OcopFigures>[] } | null;
  ocopByOwner: { groups: Group<OcopFigures>[] } | null;
  ocopByUnit: { unitMapDate: string | null; groups: Group<OcopFigures>[] } | null;
  tradeEvents: { totalCount: number; nodes: { illustrative: boolean }[] } | null;
  membershipToday?: { unitMapDate: string | null; groups: Group<MembershipFigures>[] } | null;
  ocopToday?: { groups: Group<OcopFigures>[] } | null;
  supportToday?: { groups: Group<SupportFigures>[] } | null;
}

/** How a cell is written: its number format, or text. */
type Kind = "count" | "money" | "share" | "percentPoints" | "text";
interface Cell {
  value: string | number | null | undefined;
  kind: Kind;
}
const count = (value: number | null | undefined): Cell => ({ value, kind: "count" });
const money = (value: Money | undefined): Cell => ({ value: vndCell(value), kind: "money" });
const share = (value: number | null | undefined): Cell => ({ value, kind: "share" });
const text = (value: string | null | undefined): Cell => ({ value: value ?? "", kind: "text" });

interface Table {
  /** The table's title (a row above its header). */
  caption: string;
  headers: string[];
  rows: Cell[][];
}
interface SheetPlan {
  name: string;
  title: string;
  tables: Table[];
  notes?: string[];
}

export const UNPLACED_LABEL = "Chưa xác định được xã, phường hiện nay";

function overviewSheet(o: NonNullable<ReportOverview["collectiveEconomy"]>): SheetPlan {
  const m = o.membership;
  const ocop = o.ocop;
  const s = o.policySupport;
  const t = o.tradePromotion;
  const rows: Cell[][] = [];
  const row = (label: string, unit: string, cell: Cell) => rows.push([text(label), text(unit), cell]);
  if (m) {
    row("Số hợp tác xã (HTX)", "HTX", count(m.cooperativeCount));
    row("Số liên hiệp hợp tác xã (LHHTX)", "LHHTX", count(m.unionCount));
    row("Số tổ hợp tác (THT)", "THT", count(m.groupCount));
    row("Số HTX có báo cáo tài chính (cơ sở tính bình quân)", "HTX", count(m.reportingCooperativeCount));
    row("Lao động thường xuyên của các HTX có báo cáo", "người", count(m.regularWorkers));
    // Each money figure twice: the province's total and the average over the cooperatives that reported.
    for (const [what, figure] of [
      ["vốn điều lệ", m.charterCapital],
      ["doanh thu", m.revenue],
      ["lợi nhuận", m.profit],
    ] as const) {
      row(`Tổng ${what}`, "đồng", money(figure.total));
      row(`${what[0].toUpperCase()}${what.slice(1)} bình quân/HTX`, "đồng", money(figure.average));
    }
    row("Thu nhập bình quân lao động thường xuyên (bình quân theo số lao động)", "đồng/người/tháng", money(m.averageWorkerMonthlyIncome));
    row("Cán bộ quản lý HTX", "người", count(m.managersTotal));
    row("Cán bộ quản lý đã qua đào tạo", "người", count(m.managersTrained));
    row("Tỷ lệ cán bộ quản lý đã qua đào tạo", "%", share(m.managersTrainedShare));
    row("Tỷ lệ HTX xếp loại tốt, khá", "%", share(m.goodOrFairShare));
    if (m.ratingCounts) {
      const ratings = m.ratingCounts;
      for (const [label, key] of [
        ["HTX xếp loại tốt", "good"],
        ["HTX xếp loại khá", "fair"],
        ["HTX xếp loại trung bình", "average"],
        ["HTX xếp loại yếu", "weak"],
        ["HTX chưa xếp loại", "notRated"],
        ["HTX chưa có dữ liệu xếp loại", "unclassified"],
      ] as const)
        row(label, "HTX", count(ratings[key]));
    }
  }
  if (ocop) {
    row("Sản phẩm OCOP còn hiệu lực", "sản phẩm", count(ocop.activeProducts));
    row("Sản phẩm OCOP của HTX, THT, LHHTX", "sản phẩm", count(ocop.collectiveOwnedProducts));
    row("Số HTX, THT có sản phẩm OCOP", "tổ chức", count(ocop.collectiveOwners));
    row("Sản phẩm OCOP của doanh nghiệp, hộ kinh doanh", "sản phẩm", count(ocop.otherOwnedProducts));
  }
  if (s) {
    row("Kinh phí hỗ trợ được duyệt trong năm", "đồng", money(s.planned));
    row("Kinh phí hỗ trợ đã giải ngân", "đồng", money(s.disbursed));
    row("Tỷ lệ giải ngân", "%", share(s.implementationRate));
    row("Số tổ chức được hỗ trợ", "tổ chức", count(s.beneficiaryCount));
  }
  if (t) {
    row("Sự kiện xúc tiến thương mại", "sự kiện", count(t.events as number));
    row("Lượt tham gia hội chợ, sự kiện", "lượt", count(t.participations as number));
    row("Doanh số bán tại sự kiện", "đồng", money(t.sales as Money));
    row("Giá trị hợp đồng ký kết", "đồng", money(t.contractValue as Money));
    row("Tỷ lệ chủ thể OCOP bán hàng trên sàn TMĐT", "%", share(t.onlineSellingShare as number | null));
  }
  return {
    name: "Tổng quan",
    title: "Số liệu toàn tỉnh",
    tables: [{ caption: "Toàn tỉnh", headers: ["Chỉ tiêu", "Đơn vị tính", "Số liệu"], rows }],
  };
}

const UNIT_HEADERS = [
  "Mã đơn vị",
  "Đơn vị hành chính",
  "Số HTX",
  "Số LHHTX",
  "Số THT",
  "Lao động thường xuyên",
  "Tổng vốn điều lệ (đồng)",
  "Tổng doanh thu (đồng)",
  "Doanh thu bình quân/HTX (đồng)",
  "Tổng lợi nhuận (đồng)",
  "Tỷ lệ HTX tốt, khá",
  "Sản phẩm OCOP",
  "Sản phẩm OCOP của HTX, THT",
  "Hỗ trợ được duyệt (đồng)",
  "Hỗ trợ đã giải ngân (đồng)",
  "Tỷ lệ giải ngân",
];

function unitRow(code: string | null, name: string, m: MembershipFigures | null, ocop: OcopFigures | null, s: SupportFigures | null): Cell[] {
  return [
    text(code),
    text(name),
    count(m?.cooperativeCount),
    count(m?.unionCount),
    count(m?.groupCount),
    count(m?.regularWorkers),
    money(m?.charterCapital.total),
    money(m?.revenue.total),
    money(m?.revenue.average),
    money(m?.profit.total),
    share(m?.goodOrFairShare),
    count(ocop?.activeProducts),
    count(ocop?.collectiveOwnedProducts),
    money(s?.planned),
    money(s?.disbursed),
    share(s?.implementationRate),
  ];
}

function byUnitSheet(overview: ReportOverview, detail: ReportDetail, unitMap: UnitMap): SheetPlan {
  if (unitMap === "PERIOD") {
    const units = overview.byUnit ?? [];
    return {
      name: "Theo đơn vị",
      title: "Số liệu theo đơn vị hành chính của kỳ báo cáo",
      tables: [
        {
          caption: "Theo đơn vị hành chính (bản đồ hành chính của kỳ báo cáo)",
          headers: UNIT_HEADERS,
          rows: units.map((u) => unitRow(u.adminUnit.code, u.adminUnit.name, u.membership, u.ocop, u.policySupport)),
        },
      ],
    };
  }
  // Today's communes: each subgraph's figures re-cut through the crosswalk, joined by the commune's code.
  const membership = detail.membershipToday?.groups ?? [];
  const ocop = new Map((detail.ocopToday?.groups ?? []).map((g) => [g.key, g]));
  const support = new Map((detail.supportToday?.groups ?? []).map((g) => [g.key, g]));
  const keys = [...new Set([...membership.map((g) => g.key), ...ocop.keys(), ...support.keys()])].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const label = (key: string | null) => (key === null ? UNPLACED_LABEL : (membership.find((g) => g.key === key) ?? ocop.get(key) ?? support.get(key))!.label);
  return {
    name: "Theo đơn vị",
    title: "Số liệu của kỳ chia lại theo 69 xã, phường hiện nay",
    notes: [
      `Bản đồ hành chính ngày ${formatDate(detail.membershipToday?.unitMapDate ?? null)}: mỗi hồ sơ được chia theo xã nơi đặt trụ sở và bảng chuyển đổi đơn vị; hồ sơ của xã bị chia tách hoặc chưa rõ nơi sáp nhập ghi ở dòng "${UNPLACED_LABEL}".`,
    ],
    tables: [
      {
        caption: "Theo xã, phường hiện nay (chia lại)",
        headers: UNIT_HEADERS,
        rows: keys.map((key) =>
          unitRow(key, label(key), membership.find((g) => g.key === key)?.figures ?? null, ocop.get(key)?.figures ?? null, support.get(key)?.figures ?? null),
        ),
      },
    ],
  };
}

function planSheet(plan: ReportOverview["plan"], year: number): SheetPlan {
  const value = (t: PlanTarget, which: "target" | "actual"): Cell => {
    if (t.unit === "VND") return money(which === "target" ? t.targetAmount : t.actualAmount);
    const v = which === "target" ? t.target : t.actual;
    return { value: v, kind: t.unit === "PERCENT" ? "percentPoints" : "count" };
  };
  const unitLabel = { COUNT: "số lượng", PERCENT: "%", VND: "đồng" };
  return {
    name: "Kế hoạch",
    title: plan ? `${plan.title}: chỉ tiêu và kết quả thực hiện` : `Kế hoạch phát triển kinh tế tập thể năm ${year}`,
    notes: plan ? [plan.note ? `Ghi chú của kế hoạch: ${plan.note}` : ""].filter(Boolean) : [`Chưa có kế hoạch năm ${year} trong hệ thống: ${NOT_KNOWN}.`],
    tables: [
      {
        caption: "Chỉ tiêu kế hoạch và thực hiện",
        headers: ["Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá", "Ghi chú"],
        rows: (plan?.targets ?? []).map((t) => [
          text(t.indicatorLabel),
          text(unitLabel[t.unit]),
          value(t, "target"),
          value(t, "actual"),
          share(t.achievementRate),
          text(t.achieved === null ? NOT_KNOWN : t.achieved ? "Đạt" : "Chưa đạt"),
          text(t.note),
        ]),
      },
    ],
  };
}

const OCOP_HEADERS = ["Nhóm", "Sản phẩm còn hiệu lực", "3 sao", "4 sao", "5 sao", "Của HTX, THT", "Của doanh nghiệp, hộ kinh doanh"];
const ocopRow = (label: string, f: OcopFigures): Cell[] => [
  text(label),
  count(f.activeProducts),
  count(f.threeStarProducts),
  count(f.fourStarProducts),
  count(f.fiveStarProducts),
  count(f.collectiveOwnedProducts),
  count(f.otherOwnedProducts),
];

function ocopSheet(detail: ReportDetail, asOf: string): SheetPlan {
  const table = (caption: string, groups: Group<OcopFigures>[] | undefined): Table => ({
    caption,
    headers: OCOP_HEADERS,
    rows: (groups ?? []).map((g) => ocopRow(g.key === null ? "Chưa xác định được đơn vị" : g.label, g.figures)),
  });
  return {
    name: "OCOP",
    title: `Sản phẩm OCOP tính đến ngày ${formatDate(asOf)}`,
    tables: [
      table("Theo hạng sao", detail.ocopByStars?.groups),
      table("Theo đơn vị hành chính nơi sản xuất", detail.ocopByUnit?.groups),
      table("Theo loại chủ thể", detail.ocopByOwner?.groups),
    ],
  };
}

const SUPPORT_HEADERS = ["Nhóm", "Kinh phí được duyệt (đồng)", "Đã giải ngân (đồng)", "Tỷ lệ giải ngân", "Số tổ chức được hỗ trợ", "Lượt hỗ trợ"];
function supportSheet(overview: ReportOverview, year: number): SheetPlan {
  const table = (caption: string, groups: Group<SupportFigures>[] | undefined): Table => ({
    caption,
    headers: SUPPORT_HEADERS,
    rows: (groups ?? []).map((g) => [
      text(g.label),
      money(g.figures.planned),
      money(g.figures.disbursed),
      share(g.figures.implementationRate),
      count(g.figures.beneficiaryCount),
      count(g.figures.allocationCount),
    ]),
  });
  return {
    name: "Hỗ trợ",
    title: `Kinh phí hỗ trợ kinh tế tập thể được duyệt năm ${year} và đã giải ngân`,
    tables: [table("Theo loại chính sách hỗ trợ", overview.supportByKind?.groups), table("Theo nguồn kinh phí", overview.supportBySource?.groups)],
  };
}

function formatDate(date: string | null): string {
  if (!date) return NOT_KNOWN;
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

const HA_TINH_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: HA_TINH_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "30/11/2026 03:30": the instant as a clock in Hà Tĩnh shows it. */
export function haTinhDateTime(now: Date): string {
  const part = Object.fromEntries(HA_TINH_CLOCK.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** Where the graph itself marks part of the period's data as illustrative demo data (minh họa), in words. */
export function illustrativeParts(overview: ReportOverview, detail: ReportDetail): string[] {
  const parts: string[] = [];
  const events = detail.tradeEvents?.nodes.filter((n) => n.illustrative).length ?? 0;
  if (events > 0) parts.push(`${events} sự kiện xúc tiến thương mại trong kỳ`);
  if (/minh họa/iu.test(overview.plan?.note ?? "") || overview.plan?.targets.some((t) => /minh họa/iu.test(t.note ?? ""))) parts.push("chỉ tiêu kế hoạch");
  return parts;
}

export interface ReportOptions {
  period: string;
  unitMap?: UnitMap;
  gatewayUrl: string;
  token: Credential;
  now?: Date;
}

export interface ReportData {
  overview: ReportOverview;
  detail: ReportDetail;
}

/** Asks the graph for the report's figures: two requests through the gateway. */
export async function fetchReport(options: ReportOptions): Promise<ReportData> {
  const period = parseReportPeriod(options.period);
  const unitMap = options.unitMap ?? "PERIOD";
  const overview = await callGraph<ReportOverview>(options.gatewayUrl, options.token, REPORT_OVERVIEW_QUERY, {
    period,
    year: period.year,
    byPeriodMap: unitMap === "PERIOD",
  });
  if (!overview.collectiveEconomy) throw new Error(`The graph has no collective-economy overview for ${options.period}.`);
  const { startDate, asOf } = overview.collectiveEconomy.period;
  const detail = await callGraph<ReportDetail>(options.gatewayUrl, options.token, REPORT_DETAIL_QUERY, {
    year: period.year,
    asOf,
    from: startDate,
    recut: unitMap === "TODAY",
  });
  return { overview, detail };
}

/** The workbook of a report's figures (the Alliance's shape), with title rows, source and time of writing. */
export function buildReportWorkbook(data: ReportData, options: { unitMap?: UnitMap; now?: Date } = {}): ExcelJS.Workbook {
  const { overview, detail } = data;
  const ce = overview.collectiveEconomy!;
  const year = Number(ce.period.id.slice(0, 4));
  const illustrative = illustrativeParts(overview, detail);
  const sheets = [
    overviewSheet(ce),
    byUnitSheet(overview, detail, options.unitMap ?? "PERIOD"),
    planSheet(overview.plan, year),
    ocopSheet(detail, ce.period.asOf),
    supportSheet(overview, year),
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KTTT Graph";
  workbook.created = options.now ?? new Date();
  for (const plan of sheets) {
    const sheet = workbook.addWorksheet(plan.name);
    const width = Math.max(...plan.tables.map((t) => t.headers.length), 3);
    const line = (value: string, font: Partial<ExcelJS.Font> = {}) => {
      const row = sheet.addRow([value]);
      row.font = font;
      if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
    };
    line("BÁO CÁO KINH TẾ TẬP THỂ TỈNH HÀ TĨNH", { bold: true, size: 14 });
    line(plan.title.toUpperCase(), { bold: true, size: 12 });
    line(`Kỳ báo cáo: ${ce.period.label} (số liệu tính đến ngày ${formatDate(ce.period.asOf)})`);
    line("Nguồn: KTTT Graph — số liệu của Liên minh Hợp tác xã tỉnh Hà Tĩnh và các sở, ngành (truy vấn tổng quan collectiveEconomy).", { italic: true });
    line(`Lập lúc: ${haTinhDateTime(options.now ?? new Date())} (giờ Hà Tĩnh)`, { italic: true });
    if (illustrative.length > 0)
      line(`Có dữ liệu minh họa, không phải số liệu công bố: ${illustrative.join("; ")}.`, { bold: true, color: { argb: "FFC00000" } });
    for (const note of plan.notes ?? []) line(note, { italic: true });
    for (const table of plan.tables) {
      sheet.addRow([]);
      sheet.addRow([table.caption]).font = { bold: true };
      const header = sheet.addRow(table.headers);
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: "middle" };
      header.eachCell((c) => {
        c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
        c.border = { bottom: { style: "thin" } };
      });
      if (table.rows.length === 0) sheet.addRow([NOT_KNOWN]);
      for (const cells of table.rows) {
        const row = sheet.addRow(cells.map((c) => (c.kind !== "text" && (c.value === null || c.value === undefined) ? NOT_KNOWN : c.value)));
        cells.forEach((c, i) => {
          if (c.kind !== "text" && typeof c.value === "number") row.getCell(i + 1).numFmt = CELL_FORMATS[c.kind];
          if (c.kind !== "text") row.getCell(i + 1).alignment = { horizontal: "right" };
        });
      }
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 48 : 20;
    });
  }
  return workbook;
}

/** Fetches a period's figures and writes the report workbook to `out` (an .xlsx). */
export async function runReport(options: ReportOptions & { out: string }): Promise<ReportData> {
  if (!/\.xlsx$/iu.test(options.out)) throw new Error(`The report is an .xlsx workbook: --out must end in .xlsx (got ${options.out}).`);
  const data = await fetchReport(options);
  await buildReportWorkbook(data, options).xlsx.writeFile(options.out);
  return data;
}
