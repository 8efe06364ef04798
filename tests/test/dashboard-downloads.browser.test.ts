/**
 * The dashboard's download buttons in a real browser against the real graph: a table's .csv and .xlsx
 * hold the rows its query answers with the table's current filters (the period chosen), and the
 * overview's "Tải báo cáo (.xlsx)" gives the report workbook of that period.
 */
import { Role, type Principal } from "@kttt/core";
import { callGraph } from "@kttt/spreadsheet";
import { tokenFor } from "@kttt/testkit";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fs from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { describeIfBrowser, launchChromium } from "./browser";
import { startTestGraph, type TestGraph } from "./graph";

const STAFF: Principal = { subject: "demo-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ Liên minh HTX (demo)" };

let graph: TestGraph;
let browser: Browser;
let page: Page;
let token: string;

describeIfBrowser("dashboard downloads test")("the dashboard's download buttons", () => {
  beforeAll(async () => {
    graph = await startTestGraph();
    token = await tokenFor(STAFF, 3600);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: "vi-VN", acceptDownloads: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  }, 120_000);

  const unitButtons = () => page.getByRole("group", { name: "Tải bảng theo đơn vị hành chính" });
  const download = async (click: () => Promise<void>): Promise<{ name: string; body: Buffer }> => {
    const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
    return { name: file.suggestedFilename(), body: await fs.readFile(await file.path()) };
  };
  const units = async (period: Record<string, unknown>) =>
    (
      await callGraph<{ collectiveEconomyByAdminUnit: { adminUnit: { name: string }; membership: { cooperativeCount: number } }[] }>(
        graph.gateway.url,
        token,
        `query ($period: ReportingPeriodInput!) { collectiveEconomyByAdminUnit(period: $period) { adminUnit { name } membership { cooperativeCount } } }`,
        { period },
      )
    ).collectiveEconomyByAdminUnit;

  it("downloads the unit table as .csv with the rows the table shows for the chosen period", async () => {
    await page.goto(`${graph.gateway.url.replace(/\/graphql$/u, "/dashboard/")}#token=${token}`);
    await page.locator("table.districts:not(.plan) tbody tr").first().waitFor({ timeout: 60_000 });
    const csv = await download(() => unitButtons().getByRole("button", { name: "Tải .csv" }).click());
    expect(csv.name).toBe("theo-don-vi-hanh-chinh-2024-H1-2024-07-15.csv");
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(csv.body.toString("utf8"), { bom: true });
    const header = records[0];
    const expected = await units({ year: 2024, half: "H1", asOf: "2024-07-15" });
    expect(records.slice(1)).toHaveLength(13);
    const nameColumn = records.slice(1).map((r) => r.find((cell) => expected.some((u) => u.adminUnit.name === cell)));
    expect(nameColumn).toEqual(expected.map((u) => u.adminUnit.name));
    const countColumn = header.findIndex((h) => /HTX/u.test(h) && /Số/u.test(h));
    expect(countColumn).toBeGreaterThanOrEqual(0);
    expect(records.slice(1).map((r) => Number(r[countColumn]))).toEqual(expected.map((u) => u.membership.cooperativeCount));
    // The table on the page shows the same units.
    expect(await page.locator("table.districts:not(.plan) tbody tr td:first-child").allInnerTexts()).toEqual(expected.map((u) => u.adminUnit.name));
  }, 120_000);

  it("follows the period chosen: the .xlsx of the second half of 2025 has the 69 communes", async () => {
    await page.getByLabel("Kỳ báo cáo").selectOption({ label: "6 tháng cuối năm 2025 (69 xã, phường)" });
    await page.locator("table.communes tbody tr").nth(68).waitFor({ timeout: 60_000 });
    const xlsx = await download(() => unitButtons().getByRole("button", { name: "Tải .xlsx" }).click());
    expect(xlsx.name).toBe("theo-don-vi-hanh-chinh-2025-H2.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const expected = await units({ year: 2025, half: "H2" });
    expect(expected).toHaveLength(69);
    expect(sheet.actualRowCount).toBe(1 + 69);
  }, 120_000);

  it("downloads the period's report workbook from the overview", async () => {
    const report = await download(() => page.getByRole("button", { name: "Tải báo cáo (.xlsx)" }).click());
    expect(report.name).toBe("bao-cao-kttt-2025-H2.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổng quan", "Theo đơn vị", "Kế hoạch", "OCOP", "Hỗ trợ"]);
    expect(workbook.getWorksheet("Tổng quan")!.getRow(3).getCell(1).text).toMatch(/^Kỳ báo cáo: 6 tháng cuối năm 2025/u);
  }, 120_000);
});
