/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core), reading the real
 * gateway and subgraph: the seed's figures appear, formatted the Vietnamese way; the district table
 * links to a district view; a subgraph going down leaves a clear message and the rest of the page.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startTestGraph, type TestGraph } from "./graph";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "artifacts");
const available = fs.existsSync(CHROMIUM);
if (!available) {
  // Said once, plainly: CI installs Chromium, so this never skips there.
  console.warn(`[dashboard test] skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
const describeIfBrowser = available ? describe : describe.skip;

let graph: TestGraph;
let browser: Browser;
let page: Page;

describeIfBrowser("dashboard in a browser", () => {
  beforeAll(async () => {
    graph = await startTestGraph();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: "vi-VN" });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  const dashboardUrl = () => graph.gateway.url.replace(/\/graphql$/u, "/dashboard/");
  const card = (label: string) => page.locator(".card", { has: page.locator(".card-label", { hasText: new RegExp(`^${label}$`, "u") }) }).locator(".card-value");

  it("shows the seed's figures, formatted the Vietnamese way, with charts and the district table", async () => {
    await page.goto(dashboardUrl());
    await page.locator(".card").first().waitFor({ timeout: 20_000 });
    expect(await page.locator("h1").textContent()).toBe("Kinh tế tập thể tỉnh Hà Tĩnh");
    expect(await card("Hợp tác xã").textContent()).toBe("975");
    expect(await card("Liên hiệp hợp tác xã").textContent()).toBe("3");
    expect(await card("Tổ hợp tác").textContent()).toBe("2.538");
    expect(await card("Vốn điều lệ bình quân/HTX").textContent()).toBe("2.002.000.000 đ");
    expect(await card("Doanh thu bình quân/HTX").textContent()).toBe("1.300.000.000 đ");
    expect(await card("Lợi nhuận bình quân/HTX").textContent()).toBe("288.000.000 đ");
    expect(await card("Thu nhập bình quân lao động thường xuyên").textContent()).toBe("4.000.000 đ");
    expect(await page.getByText("1,3 tỷ đồng").count()).toBeGreaterThan(0);
    expect(await card("Sản phẩm OCOP").textContent()).toBe("239");
    expect(await card("Sản phẩm OCOP của HTX, THT").textContent()).toBe("66");
    expect(await page.getByText("của 65 HTX, THT").count()).toBe(1);
    expect(Number((await card("Sự kiện xúc tiến thương mại").textContent())!.replace(/\./gu, ""))).toBeGreaterThan(0);
    expect(Number((await card("Chủ thể OCOP bán hàng trực tuyến").textContent())!.replace(/[^0-9,]/gu, "").replace(",", "."))).toBeLessThan(50);
    expect(Number((await card("Tỷ lệ giải ngân").textContent())!.replace(/[^0-9,]/gu, "").replace(",", "."))).toBeLessThan(50);
    await page.locator("section[aria-label='Theo đơn vị hành chính'] table.districts tbody tr").first().waitFor();
    expect(await page.locator("section[aria-label='Theo đơn vị hành chính'] table.districts tbody tr").count()).toBe(13);
    expect(await page.locator("table.plan tbody tr", { hasText: "Chưa đạt" }).count()).toBeGreaterThan(0);
    expect(await page.locator("figure.chart canvas").count()).toBeGreaterThanOrEqual(8);
    for (const title of ["Sản phẩm OCOP theo hạng sao", "Sản phẩm OCOP theo nhóm", "Kinh phí hỗ trợ: được duyệt và đã giải ngân (triệu đồng)", "Kế hoạch phát triển KTTT: mức thực hiện so với chỉ tiêu (%)", "Xếp loại HTX"]) {
      expect(await page.locator("figcaption", { hasText: title }).count()).toBe(1);
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard.png"), fullPage: true });
  }, 60_000);

  it("opens a district from the table", async () => {
    await page.getByRole("link", { name: "Huyện Hương Khê" }).click();
    await page.locator("h2", { hasText: "Huyện Hương Khê" }).waitFor();
    await page.locator(".card").first().waitFor();
    const coops = Number((await card("Hợp tác xã").textContent())!.replace(/\./gu, ""));
    expect(coops).toBeGreaterThan(0);
    expect(coops).toBeLessThan(975);
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-district.png"), fullPage: true });
  }, 30_000);

  it("says clearly when a subgraph is down, and still shows the rest", async () => {
    await graph.subgraphs.membership.service.server.close();
    await page.goto(dashboardUrl());
    const alert = page.getByRole("alert").first();
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/tạm thời không có: thành viên, tài chính, xếp loại/u);
    expect(await page.locator("h1").textContent()).toBe("Kinh tế tập thể tỉnh Hà Tĩnh");
    // What the other subgraphs answer on their own is still there.
    await page.locator("figcaption", { hasText: "Sản phẩm OCOP theo nhóm" }).waitFor();
    expect(await page.locator("figcaption", { hasText: "Kinh phí hỗ trợ" }).count()).toBe(1);
    expect(await page.locator("table.plan tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator(".card").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-partial.png"), fullPage: true });
  }, 30_000);
});
