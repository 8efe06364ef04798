/**
 * What the gateway serves to a browser, over real HTTP: the start page on GET / (and GraphQL on the
 * same path for everything else), Apollo Sandbox on GET /graphql, the explorer on /explorer; and, for
 * weak connections, pages and GraphQL answers compressed and the pages' content-hashed assets cached for good.
 */
import { createLogger, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql } from "@kttt/testkit";
import { getIntrospectionQuery } from "graphql";

let gateway: GatewayServer;
let base: string;
beforeAll(async () => {
  // The subgraphs are not needed: the supergraph is static and these pages call none of them.
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test" }), port: 0 }, createLogger("gateway", "silent"));
  base = gateway.url.replace(/\/graphql$/u, "");
}, 30_000);
afterAll(() => gateway?.close());

const html = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-encoding": "gzip" };

describe("the start page and the explorer", () => {
  it("gives a browser at / the start page, which links to the explorer, Sandbox and the dashboard", async () => {
    const res = await fetch(`${base}/`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/u);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const page = await res.text();
    for (const href of ["/explorer/", "/graphql", "/dashboard/", "/ready"]) expect(page).toContain(`href="${href}"`);
    // No inline script: its one script is a file of the build.
    expect(page).toMatch(/<script type="module" crossorigin src="\/explorer\/assets\/start-[\w-]+\.js"><\/script>/u);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/u);
  });

  it("keeps / a GraphQL endpoint for everything but a browser's GET", async () => {
    const posted = await graphql(`${base}/`, "{ __typename }");
    expect(posted.data).toEqual({ __typename: "Query" });
    const json = await fetch(`${base}/?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await json.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("compresses GraphQL answers for clients that accept it: the explorer's schema query among them", async () => {
    const body = JSON.stringify({ query: getIntrospectionQuery() });
    const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", "accept-encoding": "gzip" }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(((await res.json()) as { data: { __schema: { types: unknown[] } } }).data.__schema.types.length).toBeGreaterThan(50);
    const plain = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", "accept-encoding": "identity" }, body });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Number(plain.headers.get("content-length") ?? (await plain.text()).length)).toBeGreaterThan(100_000);
  });

  it("serves Apollo Sandbox's page at GET /graphql", async () => {
    const res = await fetch(`${base}/graphql`, { headers: html });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("embeddable-sandbox");
  });

  it("serves the explorer compressed, its page never cached stale and its hashed assets cached for good", async () => {
    const res = await fetch(`${base}/explorer/`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const page = await res.text();
    expect(page).toContain("Trình khám phá API");
    const script = /src="(\/explorer\/assets\/explorer-[\w-]+\.js)"/u.exec(page)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // fetch decodes it: the whole bundle arrived, GraphiQL and all.
    expect((await asset.text()).length).toBeGreaterThan(500_000);
    // A route of the explorer's own (a reload of a deep link) gets its page, not an error.
    expect(await (await fetch(`${base}/explorer/anything`, { headers: html })).text()).toContain("Trình khám phá API");
  });
});
