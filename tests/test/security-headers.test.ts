/**
 * What a careful operator checks in the answers' headers: no `X-Powered-By` from the gateway or a
 * subgraph; the dashboard under a Content-Security-Policy without inline scripts, with
 * `X-Content-Type-Options`, `Referrer-Policy` and `frame-ancestors`; the landing page with the headers
 * its own `<meta>` policy cannot give, and Apollo Sandbox still loading under them in a real browser
 * (Apollo's CDN answered by the test: there is no internet here).
 */
import { createLogger, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import fs from "node:fs";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let membership: TestSubgraph;
let gateway: GatewayServer;
const base = () => gateway.url.replace(/\/graphql$/u, "");

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  // Development, as under `npm start`: Sandbox on the landing page, opened with a token.
  gateway = await startGateway(
    {
      ...loadGatewayConfig({ NODE_ENV: "development", MEMBERSHIP_URL: membership.url, SANDBOX_TOKEN: await tokenFor(TEST_ADMIN, 600), LOG_LEVEL: "silent" }),
      port: 0,
    },
    createLogger("gateway", "silent"),
  );
});
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
});

/** Content-Security-Policy as directive → sources. */
function csp(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? "")
      .split(";")
      .filter((d) => d.trim())
      .map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/u);
        return [name, sources];
      }),
  );
}

describe("X-Powered-By", () => {
  it("is sent by no answer of the gateway or a subgraph", async () => {
    const subgraph = membership.url.replace(/\/graphql$/u, "");
    const answers = await Promise.all([
      fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ adminUnits { code } }" }) }),
      fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
      fetch(`${base()}/`, { headers: { accept: "text/html" } }),
      fetch(`${base()}/health`),
      fetch(`${base()}/dashboard/`),
      fetch(`${base()}/nowhere`),
      fetch(`${subgraph}/health`),
      fetch(membership.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) }),
      fetch(`${subgraph}/metrics`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 400, 200, 200, 200, 400, 200, 401, 401]);
    expect(answers.map((a) => a.headers.get("x-powered-by"))).toEqual(answers.map(() => null));
  });
});

describe("the dashboard's headers", () => {
  it("forbid inline scripts and styles, scripts from elsewhere, framing by other sites, sniffing and referrers", async () => {
    for (const path of ["/dashboard/", "/dashboard/district/444"]) {
      const page = await fetch(`${base()}${path}`);
      expect(page.status).toBe(200);
      const policy = csp(page.headers.get("content-security-policy"));
      expect(policy["default-src"]).toEqual(["'self'"]);
      expect(policy["script-src"]).toEqual(["'self'"]);
      expect(policy["script-src-attr"]).toEqual(["'none'"]);
      expect(policy["style-src"]).toEqual(["'self'"]);
      expect(policy["object-src"]).toEqual(["'none'"]);
      expect(policy["frame-ancestors"]).toEqual(["'self'"]);
      expect(policy["upgrade-insecure-requests"]).toBeUndefined();
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(page.headers.get("referrer-policy")).toBe("no-referrer");
      expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      // TLS, and so HSTS, is the business of the proxy in front.
      expect(page.headers.get("strict-transport-security")).toBeNull();
      // The built page itself keeps to it: every script is a file of its own.
      const html = await page.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gu)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="\/dashboard\//u);
        expect(body.trim()).toBe("");
      }
    }
    const asset = /src="(\/dashboard\/assets\/[^"]+\.js)"/u.exec(await (await fetch(`${base()}/dashboard/`)).text())![1];
    const script = await fetch(`${base()}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("the start page (GET / in a browser)", () => {
  it("is a bundled page under the strict policy, allowed only to probe Apollo's CDN for Sandbox", async () => {
    const page = await fetch(`${base()}/`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/explorer/"');
    const policy = csp(page.headers.get("content-security-policy"));
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["connect-src"]).toEqual(["'self'", "https://embeddable-sandbox.cdn.apollographql.com"]);
    expect(policy["frame-ancestors"]).toEqual(["'self'"]);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("Apollo Sandbox's page (GET /graphql in a browser)", () => {
  it("keeps Apollo's own policy and adds what a <meta> policy cannot say", async () => {
    const page = await fetch(`${base()}/graphql`, { headers: { accept: "text/html" } });
    const html = await page.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1] ?? null;
    expect(csp(meta)["script-src"]).toContain("https://embeddable-sandbox.cdn.apollographql.com");
    const policy = csp(page.headers.get("content-security-policy"));
    expect(policy["frame-ancestors"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    // Fetch directives stay the page's own: a default here would block Sandbox's scripts.
    expect(policy["default-src"]).toBeUndefined();
    expect(policy["script-src"]).toBeUndefined();
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
  });

  (fs.existsSync(CHROMIUM) ? it : it.skip)(
    "still loads Sandbox in a browser, which reaches the gateway, with no policy violated",
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
      });
      try {
        const page = await browser.newPage();
        const violations: string[] = [];
        page.on("console", (message) => {
          if (/Content Security Policy/iu.test(message.text())) violations.push(message.text());
        });
        // Apollo's CDN as the test: the embed script builds Sandbox's iframe and asks the gateway, as the real one does from this page.
        await page.route("https://embeddable-sandbox.cdn.apollographql.com/**", (route) =>
          route.fulfill({
            contentType: "application/javascript",
            body: `window.EmbeddedSandbox = function (config) {
            var frame = document.createElement("iframe");
            frame.src = "https://sandbox.embed.apollographql.com/sandbox/explorer";
            document.querySelector(config.target).appendChild(frame);
            fetch(config.initialEndpoint, { method: "POST", headers: Object.assign({ "content-type": "application/json" }, config.initialState.headers), body: JSON.stringify({ query: "{ __typename }" }) })
              .then(function (r) { return r.json(); })
              .then(function (answer) { window.sandboxAnswer = answer; });
          };`,
          }),
        );
        await page.route("https://sandbox.embed.apollographql.com/**", (route) =>
          route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Sandbox</title><p id='sandbox'>Sandbox</p>" }),
        );
        await page.route("https://fonts.googleapis.com/**", (route) => route.fulfill({ contentType: "text/css", body: "" }));
        await page.route("https://apollo-server-landing-page.cdn.apollographql.com/**", (route) => route.fulfill({ status: 404, body: "" }));
        await page.goto(`${base()}/graphql`);
        await page.waitForFunction("window.sandboxAnswer !== undefined", undefined, { timeout: 10_000 });
        expect(await page.evaluate("window.sandboxAnswer")).toEqual({ data: { __typename: "Query" } });
        const frame = page.frames().find((f) => f.url().startsWith("https://sandbox.embed.apollographql.com/"));
        expect(await frame?.locator("#sandbox").textContent()).toBe("Sandbox");
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    30_000,
  );
});
