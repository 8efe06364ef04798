/**
 * The offline API explorer and the landing page in a real browser (Debian's Chromium) with the network
 * off: every request that does not go to this machine is refused, as on an intranet without Internet.
 * The explorer is served by the real gateway, under the gateway's own Content-Security-Policy (no
 * inline scripts, nothing from elsewhere; every violation fails the test); it signs in like the dashboard, loads the
 * schema, runs the dashboard's first operation and a README example, shows the schema's docs and keeps
 * a history. The landing page offers the explorer always, and Sandbox only when Apollo's CDN answers.
 */
import { createLogger, envPrefix, loadGatewayConfig, Role, type Principal } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { tokenFor } from "@kttt/testkit";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ARTIFACTS, describeIfBrowser, launchChromium } from "./browser";
import { startTestGraph, type TestGraph } from "./graph";

const STAFF: Principal = { subject: "demo-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ Liên minh HTX (demo)" };
/** Where Apollo Server's landing page loads Sandbox from (packages/dashboard/explorer/start.ts probes it). */
const SANDBOX_CDN = "https://embeddable-sandbox.cdn.apollographql.com/";

let graph: TestGraph;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let staffToken: string;
/** Requests that tried to leave this machine (refused), and what the page logged about the CSP or threw. */
const outside: string[] = [];
/** The Content-Security-Policy each page (document) came with, by path. */
const policies = new Map<string, string>();
const problems: string[] = [];

describeIfBrowser("explorer test")("offline explorer and landing page in a browser without network", () => {
  beforeAll(async () => {
    graph = await startTestGraph();
    staffToken = await tokenFor(STAFF, 3600);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "vi-VN" });
    await context.route("**/*", async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
        outside.push(url.href);
        return route.abort("internetdisconnected");
      }
      if (request.resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      policies.set(url.pathname, response.headers()["content-security-policy"] ?? "");
      return route.fulfill({ response });
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/iu.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(String(error)));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  const base = () => graph.gateway.url.replace(/\/graphql$/u, "");
  const explorerUrl = () => `${base()}/explorer/`;
  const responseText = async () => (await page.locator(".graphiql-response .view-lines").textContent())?.replace(/\s+/gu, " ") ?? "";
  /** Runs the active tab and returns the gateway's answer to it. */
  const run = async (operation: RegExp) => {
    const answer = page.waitForResponse((r) => r.url().endsWith("/graphql") && operation.test(r.request().postData() ?? ""));
    await page.locator(".graphiql-execute-button").click();
    return (await answer).json() as Promise<{ data?: any; errors?: unknown[] }>;
  };

  it("lands on a page that offers the offline explorer, and says Sandbox cannot load without Internet", async () => {
    outside.length = 0;
    await page.goto(`${base()}/`);
    await page.locator("#sandbox .status[data-state='offline']").waitFor({ timeout: 15_000 });
    expect(await page.locator("#sandbox .status").textContent()).toMatch(/Không tải được.*không có Internet/u);
    expect(await page.getByRole("link", { name: "Trình khám phá API (GraphiQL)" }).getAttribute("href")).toBe("/explorer/");
    expect(await page.getByRole("link", { name: "Bảng điều khiển (dashboard)" }).getAttribute("href")).toBe("/dashboard/");
    // The only attempt to leave the machine was the probe of Apollo's CDN.
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((u) => u.startsWith(SANDBOX_CDN))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "landing-offline.png") });
  }, 30_000);

  it("offers Apollo Sandbox (at /graphql) when its CDN can be reached", async () => {
    // Stands in for Apollo's CDN, which this machine cannot reach.
    await page.route(`${SANDBOX_CDN}**`, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: "/* sandbox */" }));
    try {
      await page.goto(`${base()}/`);
      await page.locator("#sandbox .status[data-state='ready']").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("link", { name: "Apollo Sandbox" }).getAttribute("href")).toBe("/graphql");
      const sandbox = await (await fetch(`${base()}/graphql`, { headers: { accept: "text/html" } })).text();
      expect(sandbox).toContain("embeddableSandbox");
    } finally {
      await page.unroute(`${SANDBOX_CDN}**`);
    }
  }, 30_000);

  it("runs the explorer with no request leaving the machine, signed in by the dashboard's sign-in link, and answers the dashboard's first operation", async () => {
    outside.length = 0;
    problems.length = 0;
    await page.goto(`${explorerUrl()}#token=${staffToken}`);
    await page.locator(".signed-in .who").waitFor({ timeout: 30_000 });
    expect(await page.locator(".signed-in .who").textContent()).toBe("Cán bộ Liên minh HTX (demo) · Cán bộ Liên minh HTX");
    expect(page.url()).toBe(explorerUrl());
    // The editors are Monaco's, run by workers of this build; the first tab is the dashboard's province overview.
    await page.locator(".graphiql-query-editor .view-lines", { hasText: "ProvinceOverview" }).waitFor({ timeout: 30_000 });
    // With the variables of the mid-2024 review.
    await page.locator(".graphiql-editor-tool .view-lines", { hasText: "2024-07-15" }).waitFor({ timeout: 15_000 });
    const body = await run(/ProvinceOverview/u);
    expect(body.errors).toBeUndefined();
    expect(body.data.collectiveEconomy.membership).toMatchObject({ cooperativeCount: 975, unionCount: 3, groupCount: 2538 });
    await page.locator(".graphiql-response .view-lines", { hasText: "975" }).waitFor({ timeout: 15_000 });
    expect(await responseText()).toContain('"cooperativeCount": 975');
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    // The gateway's own policy: scripts from this site only, never inline, framed by this site only.
    const policy = policies.get("/explorer/") ?? "";
    expect(policy).toMatch(/script-src 'self'(;|$)/u);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/u);
    await page.screenshot({ path: path.join(ARTIFACTS, "explorer.png") });
  }, 60_000);

  it("sends the signed-in credential with every request", async () => {
    const sent = page.waitForRequest((r) => r.url().endsWith("/graphql") && r.method() === "POST");
    await page.locator(".graphiql-execute-button").click();
    expect((await sent).headers().authorization).toBe(`Bearer ${staffToken}`);
  }, 30_000);

  it("shows the schema's docs, with the descriptions of types and fields", async () => {
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer").waitFor();
    await page.locator(".graphiql-doc-explorer a", { hasText: "Query" }).first().click();
    const field = page.locator(".graphiql-doc-explorer-item", { hasText: "collectiveEconomy" }).first();
    await field.waitFor({ timeout: 15_000 });
    await field.locator("a.graphiql-doc-explorer-field-name").first().click();
    await page.locator(".graphiql-doc-explorer-title", { hasText: "collectiveEconomy" }).waitFor();
    expect((await page.locator(".graphiql-doc-explorer").textContent())!.length).toBeGreaterThan(100);
    expect(await page.locator(".graphiql-doc-explorer").textContent()).toMatch(/kinh tế tập thể|collective economy/iu);
    await page.screenshot({ path: path.join(ARTIFACTS, "explorer-docs.png") });
  }, 30_000);

  it("opens a README example from the examples panel and runs it", async () => {
    await page.getByRole("button", { name: "Show Ví dụ (examples)" }).click();
    const panel = page.getByRole("region", { name: "Ví dụ" });
    await panel.waitFor();
    expect(await panel.getByRole("button").count()).toBeGreaterThanOrEqual(9);
    await panel.getByRole("button", { name: /^The whole picture in one query/u }).click();
    await page.locator(".graphiql-query-editor .view-lines", { hasText: "collectiveEconomy" }).waitFor();
    // The tab takes the example's (anonymous) operation once GraphiQL has read the new text.
    await page.locator(".graphiql-tab-active", { hasText: "<untitled>" }).waitFor();
    const body = await run(/collectiveEconomy\(period: \{ year: 2024, half: H1/u);
    expect(body.errors).toBeUndefined();
    expect(body.data.collectiveEconomy.period).toEqual({ label: "6 tháng đầu năm 2024", asOf: "2024-07-15" });
  }, 30_000);

  it("keeps the operations run in its history", async () => {
    await page.getByRole("button", { name: "Show History" }).click();
    const items = page.locator(".graphiql-history-item");
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000);

  describe("where introspection is restricted, as in production", () => {
    /** Another gateway over the same subgraphs, with INTROSPECTION as production sets it (or off). */
    const gatewayWith = (introspection: "authenticated" | "off") =>
      startGateway(
        {
          ...loadGatewayConfig({
            NODE_ENV: "test",
            INTROSPECTION: introspection,
            ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [`${envPrefix(name)}_URL`, s.url])),
          }),
          port: 0,
        },
        createLogger("gateway", "silent"),
      );
    let restricted: GatewayServer;
    let off: GatewayServer;
    beforeAll(async () => {
      [restricted, off] = await Promise.all([gatewayWith("authenticated"), gatewayWith("off")]);
    });
    afterAll(async () => {
      await restricted?.close();
      await off?.close();
    });

    it("asks the public to sign in for the schema, and loads it once they have", async () => {
      const explorer = restricted.url.replace(/\/graphql$/u, "/explorer/");
      await page.goto(explorer);
      const form = page.getByRole("form", { name: "Đăng nhập" });
      await form.waitFor({ timeout: 30_000 });
      expect(await form.getByRole("alert").textContent()).toMatch(/chỉ trả lời yêu cầu đó cho người đã đăng nhập/u);
      await page.getByLabel("Mã truy cập (token) hoặc API key").fill(staffToken);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.locator(".signed-in .who").waitFor();
      await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
      await page.locator(".graphiql-doc-explorer a", { hasText: "Query" }).first().waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: "Đăng xuất" }).click();
    }, 60_000);

    it("says on the start page that Sandbox is off where INTROSPECTION=off, and still offers the explorer", async () => {
      await page.goto(off.url.replace(/\/graphql$/u, "/"));
      await page.locator("#sandbox .status[data-state='off']").waitFor({ timeout: 15_000 });
      expect(await page.locator("#sandbox .status").textContent()).toMatch(/không phục vụ Sandbox \(INTROSPECTION=off\)/u);
      expect(await page.getByRole("link", { name: "Trình khám phá API (GraphiQL)" }).count()).toBe(1);
    }, 30_000);
  });
});
