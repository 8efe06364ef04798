/**
 * The collective-economy report workbook (`npm run export -- --report`, `/files/report`) against the real
 * graph: read back, every figure cell of every sheet equals what the overview queries answer through
 * the gateway (the dashboard's own operations, and the statistics queries the report's sheets cut by),
 * for the mid-2024 review, for a period after the reform (69 communes), and re-cut by today's communes.
 */
import { TEST_ADMIN, tokenFor } from "@kttt/testkit";
import { callGraph, NOT_KNOWN, runReport } from "@kttt/spreadsheet";
import ExcelJS from "exceljs";
import fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTestGraph, type TestGraph } from "./graph";

const provinceOverview = fs.readFileSync(path.join(__dirname, "../../packages/dashboard/operations/province-overview.graphql"), "utf8");

let graph: TestGraph;
let token: string;
let dir: string;
beforeAll(async () => {
  token = await tokenFor(TEST_ADMIN, 3600);
  graph = await startTestGraph();
  dir = await mkdtemp(path.join(tmpdir(), "kttt-report-"));
}, 120_000);
afterAll(async () => {
  await graph?.stop();
  await rm(dir, { recursive: true, force: true });
}, 120_000);

const ask = <T>(query: string, variables: Record<string, unknown>) => callGraph<T>(graph.gateway.url, token, query, variables);

type Value = string | number | null;
interface Table {
  caption: string;
  headers: string[];
  rows: Value[][];
  /** The number formats of the first data row. */
  formats: string[];
}

/** The sheet's tables as a reader sees them: a caption, a header row, data rows up to the next blank row. */
function tablesOf(sheet: ExcelJS.Worksheet, firstHeaders: string[]): Table[] {
  const tables: Table[] = [];
  const texts = (row: ExcelJS.Row, width: number) =>
    Array.from({ length: width }, (_, i) => {
      const v = row.getCell(i + 1).value;
      return v === null || v === undefined ? null : (v as string | number);
    });
  for (let r = 1; r <= sheet.rowCount; r++) {
    const header = sheet.getRow(r);
    if (!firstHeaders.includes(header.getCell(1).text)) continue;
    const headers = (texts(header, header.cellCount) as string[]).filter((h) => h !== null);
    const rows: Value[][] = [];
    let formats: string[] = [];
    for (let d = r + 1; d <= sheet.rowCount && texts(sheet.getRow(d), headers.length).some((v) => v !== null && v !== ""); d++) {
      if (rows.length === 0) formats = headers.map((_, i) => sheet.getRow(d).getCell(i + 1).numFmt ?? "");
      rows.push(texts(sheet.getRow(d), headers.length));
    }
    tables.push({ caption: sheet.getRow(r - 1).getCell(1).text, headers, rows, formats });
  }
  return tables;
}

/** A figure as the workbook must hold it: VND and counts as numbers, unknowns in words. */
const vnd = (v: string | null | undefined): Value => (v === null || v === undefined ? NOT_KNOWN : Number(v));
const num = (v: number | null | undefined): Value => (v === null || v === undefined ? NOT_KNOWN : v);

async function report(period: string, unitMap: "PERIOD" | "TODAY" = "PERIOD") {
  const out = path.join(dir, `${period.replace(/\W/gu, "-")}-${unitMap}.xlsx`);
  await runReport({ period, unitMap, out, gatewayUrl: graph.gateway.url, token, now: new Date("2026-11-29T20:30:00Z") });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return workbook;
}

const firstColumn = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1).getCell(1).text);

interface Overview {
  collectiveEconomy: {
    period: { label: string; asOf: string };
    membership: {
      cooperativeCount: number;
      unionCount: number;
      groupCount: number;
      reportingCooperativeCount: number;
      regularWorkers: number;
      charterCapital: { total: string; average: string | null };
      revenue: { total: string; average: string | null };
      profit: { total: string; average: string | null };
      averageWorkerMonthlyIncome: string | null;
      managersTotal: number;
      managersTrained: number;
      managersTrainedShare: number | null;
      goodOrFairShare: number | null;
      ratingCounts: Record<string, number>;
    };
    ocop: Record<string, number>;
    policySupport: { planned: string; disbursed: string; implementationRate: number | null; beneficiaryCount: number };
    tradePromotion: { events: number; participations: number; sales: string; contractValue: string; onlineSellingShare: number | null };
  };
  plan: {
    targets: {
      indicatorLabel: string;
      unit: string;
      target: number | null;
      targetAmount: string | null;
      actual: number | null;
      actualAmount: string | null;
      achieved: boolean | null;
      achievementRate: number | null;
    }[];
  } | null;
}

/** The "Tổng quan" rows the overview query's answer gives, label by label. */
function expectedOverview(o: Overview["collectiveEconomy"]): [string, Value][] {
  const m = o.membership;
  const r = m.ratingCounts;
  return [
    ["Số hợp tác xã (HTX)", m.cooperativeCount],
    ["Số liên hiệp hợp tác xã (LHHTX)", m.unionCount],
    ["Số tổ hợp tác (THT)", m.groupCount],
    ["Số HTX có báo cáo tài chính (cơ sở tính bình quân)", m.reportingCooperativeCount],
    ["Lao động thường xuyên của các HTX có báo cáo", m.regularWorkers],
    ["Tổng vốn điều lệ", vnd(m.charterCapital.total)],
    ["Vốn điều lệ bình quân/HTX", vnd(m.charterCapital.average)],
    ["Tổng doanh thu", vnd(m.revenue.total)],
    ["Doanh thu bình quân/HTX", vnd(m.revenue.average)],
    ["Tổng lợi nhuận", vnd(m.profit.total)],
    ["Lợi nhuận bình quân/HTX", vnd(m.profit.average)],
    ["Thu nhập bình quân lao động thường xuyên (bình quân theo số lao động)", vnd(m.averageWorkerMonthlyIncome)],
    ["Cán bộ quản lý HTX", m.managersTotal],
    ["Cán bộ quản lý đã qua đào tạo", m.managersTrained],
    ["Tỷ lệ cán bộ quản lý đã qua đào tạo", num(m.managersTrainedShare)],
    ["Tỷ lệ HTX xếp loại tốt, khá", num(m.goodOrFairShare)],
    ["HTX xếp loại tốt", r.good],
    ["HTX xếp loại khá", r.fair],
    ["HTX xếp loại trung bình", r.average],
    ["HTX xếp loại yếu", r.weak],
    ["HTX chưa xếp loại", r.notRated],
    ["HTX chưa có dữ liệu xếp loại", r.unclassified],
    ["Sản phẩm OCOP còn hiệu lực", o.ocop.activeProducts],
    ["Sản phẩm OCOP của HTX, THT, LHHTX", o.ocop.collectiveOwnedProducts],
    ["Số HTX, THT có sản phẩm OCOP", o.ocop.collectiveOwners],
    ["Sản phẩm OCOP của doanh nghiệp, hộ kinh doanh", o.ocop.otherOwnedProducts],
    ["Kinh phí hỗ trợ được duyệt trong năm", vnd(o.policySupport.planned)],
    ["Kinh phí hỗ trợ đã giải ngân", vnd(o.policySupport.disbursed)],
    ["Tỷ lệ giải ngân", num(o.policySupport.implementationRate)],
    ["Số tổ chức được hỗ trợ", o.policySupport.beneficiaryCount],
    ["Sự kiện xúc tiến thương mại", o.tradePromotion.events],
    ["Lượt tham gia hội chợ, sự kiện", o.tradePromotion.participations],
    ["Doanh số bán tại sự kiện", vnd(o.tradePromotion.sales)],
    ["Giá trị hợp đồng ký kết", vnd(o.tradePromotion.contractValue)],
    ["Tỷ lệ chủ thể OCOP bán hàng trên sàn TMĐT", num(o.tradePromotion.onlineSellingShare)],
  ];
}

const UNIT_FIELDS = `membership { cooperativeCount unionCount groupCount regularWorkers charterCapital { total } revenue { total average } profit { total } goodOrFairShare }
  ocop { activeProducts collectiveOwnedProducts } policySupport { planned disbursed implementationRate }`;
interface UnitFigures {
  membership: {
    cooperativeCount: number;
    unionCount: number;
    groupCount: number;
    regularWorkers: number;
    charterCapital: { total: string };
    revenue: { total: string; average: string | null };
    profit: { total: string };
    goodOrFairShare: number | null;
  } | null;
  ocop: { activeProducts: number; collectiveOwnedProducts: number } | null;
  policySupport: { planned: string; disbursed: string; implementationRate: number | null } | null;
}
const unitFigures = (u: UnitFigures): Value[] => [
  num(u.membership?.cooperativeCount),
  num(u.membership?.unionCount),
  num(u.membership?.groupCount),
  num(u.membership?.regularWorkers),
  vnd(u.membership?.charterCapital.total),
  vnd(u.membership?.revenue.total),
  vnd(u.membership?.revenue.average),
  vnd(u.membership?.profit.total),
  num(u.membership?.goodOrFairShare),
  num(u.ocop?.activeProducts),
  num(u.ocop?.collectiveOwnedProducts),
  vnd(u.policySupport?.planned),
  vnd(u.policySupport?.disbursed),
  num(u.policySupport?.implementationRate),
];

const OCOP_FIELDS = "activeProducts threeStarProducts fourStarProducts fiveStarProducts collectiveOwnedProducts otherOwnedProducts";
type OcopGroups = { groups: { key: string | null; label: string; figures: Record<string, number> }[] };
const ocopRows = (s: OcopGroups): Value[][] =>
  s.groups.map((g) => [g.key === null ? "Chưa xác định được đơn vị" : g.label, ...OCOP_FIELDS.split(" ").map((f) => g.figures[f])]);
type SupportGroups = {
  groups: {
    label: string;
    figures: { planned: string; disbursed: string; implementationRate: number | null; beneficiaryCount: number; allocationCount: number };
  }[];
};
const supportRows = (s: SupportGroups): Value[][] =>
  s.groups.map((g) => [
    g.label,
    vnd(g.figures.planned),
    vnd(g.figures.disbursed),
    num(g.figures.implementationRate),
    g.figures.beneficiaryCount,
    g.figures.allocationCount,
  ]);

/** Reads back the report of `period` and compares every figure cell with the graph's own answers. */
async function checkReport(period: { year: number; half: "H1" | "H2" | null; asOf?: string }, name: string) {
  const workbook = await report(name);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổng quan", "Theo đơn vị", "Kế hoạch", "OCOP", "Hỗ trợ"]);
  const overview = await ask<Overview>(provinceOverview, { period, year: period.year, asOf: period.asOf ?? null });
  const ce = overview.collectiveEconomy;
  const asOf = ce.period.asOf;

  // Title rows: the period, the source, the time in Hà Tĩnh, illustrative data said so (the graph's plan says its targets are).
  const top = firstColumn(workbook.getWorksheet("Tổng quan")!);
  expect(top[0]).toBe("BÁO CÁO KINH TẾ TẬP THỂ TỈNH HÀ TĨNH");
  expect(top).toContain(`Kỳ báo cáo: ${ce.period.label} (số liệu tính đến ngày ${asOf.split("-").reverse().join("/")})`);
  expect(top.some((l) => l.startsWith("Nguồn: KTTT Graph"))).toBe(true);
  expect(top).toContain("Lập lúc: 30/11/2026 03:30 (giờ Hà Tĩnh)");
  expect(top.find((l) => l.startsWith("Có dữ liệu minh họa"))).toMatch(/chỉ tiêu kế hoạch/u);

  // Tổng quan: every row, in order, as the overview answers it.
  const [province] = tablesOf(workbook.getWorksheet("Tổng quan")!, ["Chỉ tiêu"]);
  expect(province.rows.map((r) => [r[0], r[2]])).toEqual(expectedOverview(ce));
  const sheet = workbook.getWorksheet("Tổng quan")!;
  const cellOf = (label: string) => {
    for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === label) return sheet.getRow(r).getCell(3);
    throw new Error(label);
  };
  expect(cellOf("Tổng doanh thu").numFmt).toBe('#,##0 "đ"');
  if (ce.membership.goodOrFairShare !== null) expect(cellOf("Tỷ lệ HTX xếp loại tốt, khá").numFmt).toBe("0.00%");

  // Theo đơn vị: the overview by unit of the period's map.
  const byUnit = await ask<{ collectiveEconomyByAdminUnit: ({ adminUnit: { code: string; name: string } } & UnitFigures)[] }>(
    `query ($period: ReportingPeriodInput!) { collectiveEconomyByAdminUnit(period: $period) { adminUnit { code name } ${UNIT_FIELDS} } }`,
    { period },
  );
  const [units] = tablesOf(workbook.getWorksheet("Theo đơn vị")!, ["Mã đơn vị"]);
  expect(units.rows).toEqual(byUnit.collectiveEconomyByAdminUnit.map((u) => [u.adminUnit.code, u.adminUnit.name, ...unitFigures(u)]));

  // Kế hoạch: targets and results, "Chưa có số liệu" where the plan has none (never 0).
  const [plan] = tablesOf(workbook.getWorksheet("Kế hoạch")!, ["Chỉ tiêu"]);
  expect(plan.rows.map((r) => r.slice(0, 6))).toEqual(
    (overview.plan?.targets ?? []).map((t) => [
      t.indicatorLabel,
      { COUNT: "số lượng", PERCENT: "%", VND: "đồng" }[t.unit],
      t.unit === "VND" ? vnd(t.targetAmount) : num(t.target),
      t.unit === "VND" ? vnd(t.actualAmount) : num(t.actual),
      num(t.achievementRate),
      t.achieved === null ? NOT_KNOWN : t.achieved ? "Đạt" : "Chưa đạt",
    ]),
  );

  // OCOP as it stood on the period's date: by stars, by unit, by owner type; and the province's total is the overview's.
  const ocop = await ask<{ stars: OcopGroups; unit: OcopGroups; owner: OcopGroups }>(
    `query ($asOf: LocalDate!) {
      stars: ocopStatistics(asOf: $asOf, groupBy: STARS) { groups { key label figures { ${OCOP_FIELDS} } } }
      unit: ocopStatistics(asOf: $asOf, groupBy: ADMIN_UNIT) { groups { key label figures { ${OCOP_FIELDS} } } }
      owner: ocopStatistics(asOf: $asOf, groupBy: OWNER_TYPE) { groups { key label figures { ${OCOP_FIELDS} } } }
    }`,
    { asOf },
  );
  const ocopTables = tablesOf(workbook.getWorksheet("OCOP")!, ["Nhóm"]);
  expect(ocopTables.map((t) => t.caption)).toEqual(["Theo hạng sao", "Theo đơn vị hành chính nơi sản xuất", "Theo loại chủ thể"]);
  expect(ocopTables.map((t) => t.rows)).toEqual([ocopRows(ocop.stars), ocopRows(ocop.unit), ocopRows(ocop.owner)]);
  expect(ocopTables[0].rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(ce.ocop.activeProducts);

  // Support approved in the year and paid out, by policy kind and by funding source; each adds up to the overview's.
  const support = await ask<{ kind: SupportGroups; source: SupportGroups }>(
    `query ($year: Int!) {
      kind: policySupportStatistics(year: $year, groupBy: POLICY_KIND) { groups { label figures { planned disbursed implementationRate beneficiaryCount allocationCount } } }
      source: policySupportStatistics(year: $year, groupBy: FUNDING_SOURCE) { groups { label figures { planned disbursed implementationRate beneficiaryCount allocationCount } } }
    }`,
    { year: period.year },
  );
  const supportTables = tablesOf(workbook.getWorksheet("Hỗ trợ")!, ["Nhóm"]);
  expect(supportTables.map((t) => t.rows)).toEqual([supportRows(support.kind), supportRows(support.source)]);
  expect(supportTables[0].formats[1]).toBe('#,##0 "đ"');
  for (const t of supportTables) expect(t.rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(Number(ce.policySupport.disbursed));
  return { overview, units };
}

describe("the collective-economy report workbook", () => {
  it("holds the overview's figures for the mid-2024 review, by the 13 districts of 15/7/2024", async () => {
    const { overview, units } = await checkReport({ year: 2024, half: "H1", asOf: "2024-07-15" }, "2024-H1@2024-07-15");
    // The seed's published figures, as the review gives them.
    expect(overview.collectiveEconomy.membership).toMatchObject({ cooperativeCount: 975, unionCount: 3, groupCount: 2538 });
    expect(units.rows).toHaveLength(13);
    // A plan target with no reported result says so, never 0.
    const workbook = await report("2024-H1@2024-07-15");
    const [plan] = tablesOf(workbook.getWorksheet("Kế hoạch")!, ["Chỉ tiêu"]);
    const unknown = overview.plan!.targets.filter((t) => t.actual === null && t.actualAmount === null).map((t) => t.indicatorLabel);
    expect(plan.rows.filter((r) => r[3] === NOT_KNOWN).map((r) => r[0])).toEqual(unknown);
  }, 120_000);

  it("holds the overview's figures for the second half of 2025, by the 69 communes", async () => {
    const { units } = await checkReport({ year: 2025, half: "H2" }, "2025-H2");
    expect(units.rows).toHaveLength(69);
  }, 120_000);

  it("re-cuts an earlier period by today's communes, with what no commune can take on its own row", async () => {
    const workbook = await report("2024", "TODAY");
    const [units] = tablesOf(workbook.getWorksheet("Theo đơn vị")!, ["Mã đơn vị"]);
    const recut = await ask<{ membershipStatistics: { groups: { key: string | null; figures: { cooperativeCount: number; groupCount: number } }[] } }>(
      `{ membershipStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { groups { key figures { cooperativeCount groupCount } } } }`,
      {},
    );
    const byKey = new Map(units.rows.map((r) => [r[0] ?? "", r]));
    for (const g of recut.membershipStatistics.groups) {
      const row = byKey.get(g.key ?? "");
      expect(row?.[2]).toBe(g.figures.cooperativeCount);
      expect(row?.[4]).toBe(g.figures.groupCount);
    }
    expect(units.rows.filter((r) => /^\d{5}$/u.test(String(r[0])))).toHaveLength(69);
    expect(units.rows.at(-1)?.[1]).toBe("Chưa xác định được xã, phường hiện nay");
  }, 120_000);

  it("downloads from /files/report as the signed-in caller, and refuses a period it cannot read", async () => {
    const files = graph.gateway.url.replace(/\/graphql$/u, "/files");
    const res = await fetch(`${files}/report?period=2025-H2`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/bao-cao-kttt-2025-H2\.xlsx/u);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(5);
    const bad = await fetch(`${files}/report?period=2025-H3`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/is not a reporting period/u);
    const anonymous = await fetch(`${files}/report?period=2025-H2`);
    expect(anonymous.status).toBe(401);
  }, 120_000);
});
