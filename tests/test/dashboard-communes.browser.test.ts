/**
 * The dashboard's commune table in a real browser (Debian's Chromium through playwright-core), against the real
 * gateway and membership subgraph: a period after 2025-07-01 lists the 69 communes, sorted by any column and
 * filtered by a name typed without diacritics; an earlier period keeps its 13 districts, and a switch re-cuts it
 * by today's communes, with the records no commune can take counted apart.
 */
import { loadGatewayConfig, Role, type Principal } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, describeIfBrowser, launchChromium } from "./browser";

const STAFF: Principal = { subject: "demo-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ" };

let membership: TestSubgraph;
let gateway: GatewayServer;
let browser: Browser;
let page: Page;
let token: string;

/** "1.234" (vi-VN) → 1234; "—" → null. */
const number = (text: string | null): number | null => (text === null || text.trim() === "—" ? null : Number(text.replace(/\./gu, "")));

describeIfBrowser("dashboard communes test")("the commune table", () => {
  beforeAll(async () => {
    membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
    gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url }), port: 0 });
    token = await tokenFor(STAFF, 3600);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: "vi-VN" });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await membership?.stop();
  });

  const dashboardUrl = () => gateway.url.replace(/\/graphql$/u, "/dashboard/");
  const section = () => page.locator("section[aria-label='Theo đơn vị hành chính']");
  const rows = () => section().locator("table.communes tbody tr");
  const column = async (index: number): Promise<(number | null)[]> => (await rows().locator(`td:nth-child(${index})`).allTextContents()).map(number);
  const ask = async (query: string) => {
    const res = await graphql(gateway.url, query, undefined, { authorization: `Bearer ${token}` });
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it("lists the 69 communes of the second half of 2025, sorts them and finds one typed without diacritics", async () => {
    await page.goto(`${dashboardUrl()}#token=${token}`);
    await page.locator(".card").first().waitFor({ timeout: 20_000 });
    await page.getByLabel("Kỳ báo cáo").selectOption({ label: "6 tháng cuối năm 2025 (69 xã, phường)" });
    await rows().nth(68).waitFor({ timeout: 20_000 });
    expect(await rows().count()).toBe(69);
    expect(await section().locator("table.districts:not(.communes)").count()).toBe(0);
    expect(await section().getByRole("status").textContent()).toBe("69 / 69 xã, phường");
    // No national rating after Circular 01/2020's repeal: the rating chart says so instead of drawing nothing.
    expect(await page.locator("figure.chart", { hasText: "Xếp loại HTX" }).locator("p.empty").textContent()).toMatch(/hết hiệu lực từ 18\/9\/2025/u);
    // By name first, as Vietnamese sorts it.
    const names = await rows().locator("td:first-child").allTextContents();
    const bare = (name: string) =>
      name
        .replace(/^(Xã|Phường) /u, "")
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/đ/gu, "d")
        .replace(/Đ/gu, "D")
        .toLowerCase();
    expect(names).toEqual([...names].sort((a, b) => bare(a).localeCompare(bare(b), "vi")));
    // The API's figures, commune by commune.
    const api = await ask(`{ collectiveEconomyByAdminUnit(period: { year: 2025, half: H2 }) { adminUnit { name } membership { cooperativeCount } } }`);
    const byName = new Map<string, number>(api.collectiveEconomyByAdminUnit.map((u: any) => [u.adminUnit.name, u.membership.cooperativeCount]));
    const coops = await column(2);
    names.forEach((name, i) => expect(coops[i]).toBe(byName.get(name)));

    // Sorting by cooperatives: most first, then fewest first.
    await section()
      .getByRole("button", { name: /^Hợp tác xã/u })
      .click();
    const descending = (await column(2)) as number[];
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBe(Math.max(...byName.values()));
    expect(await section().locator("th[aria-sort='descending']").textContent()).toMatch(/^Hợp tác xã/u);
    await section()
      .getByRole("button", { name: /^Hợp tác xã/u })
      .click();
    const ascending = (await column(2)) as number[];
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    // A name typed without diacritics.
    await section().getByLabel("Tìm xã, phường").fill("tu my");
    await page.waitForFunction(`document.querySelectorAll("table.communes tbody tr").length === 1`);
    expect(await rows().locator("td:first-child").textContent()).toBe("Xã Tứ Mỹ");
    expect(await section().getByRole("status").textContent()).toBe("1 / 69 xã, phường");
    await section().getByLabel("Tìm xã, phường").fill("PHUONG");
    await page.waitForFunction(`document.querySelectorAll("table.communes tbody tr").length === 9`);
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-communes.png"), fullPage: true });
    // A commune opens its own view.
    await section().getByLabel("Tìm xã, phường").fill("tu my");
    await page.getByRole("link", { name: "Xã Tứ Mỹ" }).click();
    await page.locator("h2", { hasText: "Xã Tứ Mỹ" }).waitFor();
    expect(page.url()).toMatch(/#\/unit\/18202$/u);
    await page.getByRole("link", { name: "← Toàn tỉnh" }).click();
  }, 90_000);

  it("keeps the 13 districts for mid-2024 and re-cuts them by today's communes on request, counting the unplaced apart", async () => {
    await page.getByLabel("Kỳ báo cáo").selectOption({ label: "6 tháng đầu năm 2024 (báo cáo ngày 15/7/2024)" });
    await section().locator("table.districts tbody tr").nth(12).waitFor({ timeout: 20_000 });
    expect(await section().locator("table.districts tbody tr").count()).toBe(13);
    expect(await rows().count()).toBe(0);

    await section()
      .getByLabel(/Xem theo 69 xã, phường hiện nay/u)
      .check();
    await rows().first().waitFor({ timeout: 20_000 });
    const api = await ask(
      `{ membershipStatistics(year: 2024, asOf: "2024-07-15", groupBy: ADMIN_UNIT, unitMap: TODAY) { groups { key figures { cooperativeCount groupCount } } } }`,
    );
    const groups = api.membershipStatistics.groups;
    const unplaced = groups.find((g: any) => g.key === null).figures;
    expect(unplaced.cooperativeCount).toBeGreaterThan(0);
    expect(await rows().count()).toBe(groups.length - 1);
    expect(await section().getByRole("note").textContent()).toContain(`${unplaced.cooperativeCount} HTX, ${unplaced.groupCount.toLocaleString("vi-VN")} THT`);
    const coops = (await column(2)) as number[];
    // The communes and the unplaced add up to the review's 975 cooperatives and 2,538 groups.
    expect(coops.reduce((a, b) => a + b, 0) + unplaced.cooperativeCount).toBe(975);
    expect(((await column(3)) as number[]).reduce((a, b) => a + b, 0) + unplaced.groupCount).toBe(2538);
    // Only the membership columns are re-cut.
    expect(await section().locator("table.communes thead th").count()).toBe(5);
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-recut.png"), fullPage: true });

    await section()
      .getByLabel(/Xem theo 69 xã, phường hiện nay/u)
      .uncheck();
    await section().locator("table.districts tbody tr").nth(12).waitFor();
    expect(await rows().count()).toBe(0);
  }, 90_000);
});
