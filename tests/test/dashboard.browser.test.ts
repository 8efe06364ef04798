/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core), reading the real
 * gateway and subgraph: without a credential it shows only the sign-in form; signed in (a link with a
 * token in its fragment, a pasted token, a pasted API key) it sends the credential with every request,
 * and the seed's figures appear, formatted the Vietnamese way; the district table links to a district
 * view; sign-out, an expired token and a revoked key bring the form back; a field refused for the role
 * and a subgraph going down leave a clear message and the rest of the page.
 */
import { dropDatabase, Role, type Principal } from "@kttt/core";
import { as, databaseUrl, runPrefix, tokenFor } from "@kttt/testkit";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { ARTIFACTS, describeIfBrowser, launchChromium } from "./browser";
import { startTestGraph, type TestGraph } from "./graph";

const STAFF: Principal = { subject: "demo-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ Liên minh HTX (demo)" };
const ADMIN: Principal = { subject: "quantri.dashboard", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: "Quản trị" };
const STORAGE_KEY = "kttt-dashboard-credential";

let graph: TestGraph;
let browser: Browser;
let page: Page;
let staffToken: string;
/** The GraphQL requests the page made since the last `requests.length = 0`. */
const requests: Request[] = [];
/** What the browser refused under the dashboard's Content-Security-Policy, over every test here. */
const cspViolations: string[] = [];
// The gateway's own database, for the API key test.
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_dashboard_${process.pid}`);

describeIfBrowser("dashboard test")("dashboard in a browser", () => {
  beforeAll(async () => {
    graph = await startTestGraph({ GATEWAY_DATABASE_URL: gatewayDb() });
    staffToken = await tokenFor(STAFF, 3600);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: "vi-VN" });
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql") requests.push(request);
    });
    page.on("console", (message) => {
      if (/Content Security Policy/iu.test(message.text())) cspViolations.push(message.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
    await dropDatabase(gatewayDb());
  });

  const dashboardUrl = () => graph.gateway.url.replace(/\/graphql$/u, "/dashboard/");
  const card = (label: string) =>
    page.locator(".card", { has: page.locator(".card-label", { hasText: new RegExp(`^${label}$`, "u") }) }).locator(".card-value");
  const signInForm = () => page.getByRole("form", { name: "Đăng nhập" });
  const formMessage = () => signInForm().getByRole("alert");
  const signedInAs = () => page.locator(".signed-in .who");
  // Evaluated in the page (as strings: this project's Node types know no DOM).
  const stored = () => page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(STORAGE_KEY)})`);
  const paste = async (credential: string) => {
    await page.getByLabel("Mã truy cập (token) hoặc API key").fill(credential);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  };
  const signOut = async () => {
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await signInForm().waitFor();
  };
  /** A fresh page load through the sign-in link (a fragment change alone would not reload). */
  const openWithLink = async (token: string) => {
    await page.goto("about:blank");
    await page.goto(`${dashboardUrl()}#token=${token}`);
  };
  /** What each GraphQL request presented: its bearer token or API key. */
  const presented = () => requests.map((r) => ({ authorization: r.headers().authorization ?? null, apiKey: r.headers()["x-api-key"] ?? null }));

  it("without a credential shows only the sign-in form, and asks the API nothing", async () => {
    requests.length = 0;
    await page.goto(dashboardUrl());
    await signInForm().waitFor({ timeout: 20_000 });
    expect(await page.locator("h1").textContent()).toBe("Kinh tế tập thể tỉnh Hà Tĩnh");
    expect(await formMessage().textContent()).toMatch(/chỉ dành cho người dùng đã đăng nhập/u);
    expect(await page.locator(".card").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Đăng xuất" }).count()).toBe(0);
    expect(requests).toHaveLength(0);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-sign-in.png") });
  });

  it("signs in from a link with the token in its fragment, removes it from the address bar, and shows the seed's figures, formatted the Vietnamese way, with charts and the district table", async () => {
    requests.length = 0;
    // The form is open: only the fragment changes, as when a link is opened in a tab already showing
    // the dashboard (the expired-token test below opens one in a fresh page load).
    await page.goto(`${dashboardUrl()}#token=${staffToken}`);
    await page.locator(".card").first().waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(dashboardUrl());
    expect(await page.evaluate<string>("window.location.href")).not.toContain("token");
    expect(await stored()).toBe(staffToken);
    expect(await signedInAs().textContent()).toBe("Cán bộ Liên minh HTX (demo) · Cán bộ Liên minh HTX");
    expect(await signInForm().count()).toBe(0);
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
    for (const title of [
      "Sản phẩm OCOP theo hạng sao",
      "Sản phẩm OCOP theo nhóm",
      "Kinh phí hỗ trợ: được duyệt và đã giải ngân (triệu đồng)",
      "Kế hoạch phát triển KTTT: mức thực hiện so với chỉ tiêu (%)",
      "Xếp loại HTX",
    ]) {
      expect(await page.locator("figcaption", { hasText: title }).count()).toBe(1);
    }
    // Every request carried the token, and nothing else.
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(new Set(presented().map((p) => JSON.stringify(p)))).toEqual(new Set([JSON.stringify({ authorization: `Bearer ${staffToken}`, apiKey: null })]));
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

  it("stays signed in on reload, and signing out brings back the form and forgets the token", async () => {
    await page.goto(dashboardUrl());
    await page.reload();
    await page.locator(".card").first().waitFor({ timeout: 20_000 });
    expect(await signedInAs().textContent()).toMatch(/^Cán bộ Liên minh HTX \(demo\)/u);
    await signOut();
    expect(await formMessage().textContent()).toBe("Bạn đã đăng xuất.");
    expect(await page.locator(".card").count()).toBe(0);
    expect(await stored()).toBeNull();
    requests.length = 0;
    await page.reload();
    await signInForm().waitFor();
    expect(requests).toHaveLength(0);
  }, 30_000);

  it("signs in with a pasted token", async () => {
    await paste("");
    expect(await formMessage().textContent()).toMatch(/Vui lòng dán mã truy cập/u);
    requests.length = 0;
    await paste(`  Bearer ${staffToken}\n`);
    await card("Hợp tác xã").waitFor({ timeout: 20_000 });
    expect(await card("Hợp tác xã").textContent()).toBe("975");
    expect(await signedInAs().textContent()).toMatch(/^Cán bộ Liên minh HTX \(demo\)/u);
    expect(presented()).toContainEqual({ authorization: `Bearer ${staffToken}`, apiKey: null });
    expect(presented().every((p) => p.authorization === `Bearer ${staffToken}`)).toBe(true);
    await signOut();
  }, 30_000);

  it("signs in with a pasted API key, sent as x-api-key, and goes back to the form when the key is revoked", async () => {
    const created = await fetch(graph.gateway.url.replace(/\/graphql$/u, "/admin/api-keys"), {
      method: "POST",
      headers: { "content-type": "application/json", ...(await as(ADMIN)) },
      body: JSON.stringify({ name: "Sở Tài chính — bảng điều khiển", role: "DEPARTMENT", department: "SO_TC", expiresOn: "2099-12-31" }),
    });
    expect(created.status).toBe(201);
    const { key, id } = (await created.json()) as { key: string; id: string };
    requests.length = 0;
    await paste(key);
    await card("Hợp tác xã").waitFor({ timeout: 20_000 });
    expect(await card("Hợp tác xã").textContent()).toBe("975");
    expect(await signedInAs().textContent()).toBe("API key");
    expect(requests.length).toBeGreaterThan(0);
    expect(presented().every((p) => p.apiKey === key && p.authorization === null)).toBe(true);

    const revoked = await fetch(graph.gateway.url.replace(/\/graphql$/u, `/admin/api-keys/${id}/revoke`), { method: "POST", headers: await as(ADMIN) });
    expect(revoked.status).toBe(200);
    await page.reload();
    await signInForm().waitFor({ timeout: 20_000 });
    expect(await formMessage().textContent()).toMatch(/không hợp lệ, đã hết hạn hoặc đã bị thu hồi/u);
    expect(await stored()).toBeNull();
    expect(await page.locator(".card").count()).toBe(0);
  }, 30_000);

  it("says the session has expired when the gateway refuses an expired token", async () => {
    const expired = await tokenFor(STAFF, -10);
    await openWithLink(expired);
    await signInForm().waitFor({ timeout: 20_000 });
    await page.getByText("Phiên đăng nhập đã hết hạn", { exact: false }).waitFor();
    expect(page.url()).toBe(dashboardUrl());
    expect(await stored()).toBeNull();
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-expired.png") });
  }, 30_000);

  it("tells a district token that districts ended and to ask for a commune's, and signs a commune in under its role", async () => {
    const district = { subject: "huyen.444", role: "DISTRICT", department: null, adminUnitCode: "444", name: "UBND huyện Hương Khê" } as unknown as Principal;
    await openWithLink(await tokenFor(district, 600));
    await signInForm().waitFor({ timeout: 20_000 });
    expect(await formMessage().textContent()).toMatch(/cấp huyện đã kết thúc từ ngày 01\/7\/2025.*cấp mã truy cập cho UBND xã, phường/u);
    expect(await stored()).toBeNull();
    const commune: Principal = { subject: "xa.18202", role: Role.COMMUNE, department: null, adminUnitCode: "18202", name: "UBND xã Tứ Mỹ" };
    await paste(await tokenFor(commune, 600));
    await card("Hợp tác xã").waitFor({ timeout: 20_000 });
    expect(await signedInAs().textContent()).toBe("UBND xã Tứ Mỹ · UBND cấp xã · đơn vị 18202");
    await signOut();
  }, 30_000);

  it("keeps the partial data when a field is refused for the role (FORBIDDEN), without signing out", async () => {
    // The gateway's answer, with the province's support figures refused as a stricter policy would.
    await page.route("**/graphql", async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.data?.collectiveEconomy?.policySupport) {
        body.data.collectiveEconomy.policySupport = null;
        body.errors = [
          ...(body.errors ?? []),
          { message: "Your role may not do this.", path: ["collectiveEconomy", "policySupport"], extensions: { code: "FORBIDDEN" } },
        ];
      }
      await route.fulfill({ response, json: body });
    });
    try {
      await openWithLink(staffToken);
      await card("Hợp tác xã").waitFor({ timeout: 20_000 });
      await page.getByText("không có quyền xem một phần số liệu", { exact: false }).waitFor();
      expect(await card("Hợp tác xã").textContent()).toBe("975");
      expect(await card("Sản phẩm OCOP").textContent()).toBe("239");
      expect(await card("Tỷ lệ giải ngân").count()).toBe(0);
      expect(await signInForm().count()).toBe(0);
      expect(await stored()).toBe(staffToken);
    } finally {
      await page.unroute("**/graphql");
    }
  }, 30_000);

  it("says clearly when a subgraph is down, and still shows the rest", async () => {
    await graph.subgraphs.membership.service.server.close();
    await openWithLink(staffToken);
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

  it("broke no rule of its Content-Security-Policy on any page above (charts, forms and tables included)", () => {
    expect(cspViolations).toEqual([]);
  });
});
