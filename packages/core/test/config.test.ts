import { databaseUrlFor, loadGatewayConfig, loadServiceConfig } from "../src/config";

describe("configuration", () => {
  it("gives each subgraph its own database on the DATABASE_URL server", () => {
    expect(databaseUrlFor("membership", { DATABASE_URL: "postgres://u:p@db:5432/anything" })).toBe("postgres://u:p@db:5432/kttt_membership");
    expect(databaseUrlFor("membership", { DATABASE_URL: "postgres://db/x", DATABASE_PREFIX: "hatinh" })).toBe("postgres://db/hatinh_membership");
    expect(databaseUrlFor("membership", { DATABASE_URL: "postgres://db/x", MEMBERSHIP_DATABASE_URL: "postgres://other/m" })).toBe("postgres://other/m");
    expect(() => databaseUrlFor("membership", {})).toThrow(/set DATABASE_URL/u);
  });

  it("reads ports and flags, and refuses nonsense", () => {
    const config = loadServiceConfig("membership", { DATABASE_URL: "postgres://db/x", MEMBERSHIP_PORT: "5001", SEED_DEMO_DATA: "true" });
    expect(config).toMatchObject({ port: 5001, seedDemoData: true, host: "127.0.0.1" });
    expect(() => loadServiceConfig("membership", { DATABASE_URL: "postgres://db/x", PORT: "not-a-port" })).toThrow();
    expect(loadGatewayConfig({ MEMBERSHIP_URL: "http://membership:4001/graphql" }).subgraphUrls).toEqual({ membership: "http://membership:4001/graphql" });
    expect(() => loadGatewayConfig({ MEMBERSHIP_URL: "not a url" })).toThrow();
  });

  it("refuses development secrets in production, and asks a subgraph only for the gateway's", () => {
    const db = { DATABASE_URL: "postgres://u@h:5432/x" };
    const saved = { auth: process.env.AUTH_JWT_SECRET, gateway: process.env.GATEWAY_SECRET };
    delete process.env.AUTH_JWT_SECRET;
    delete process.env.GATEWAY_SECRET;
    try {
      expect(() => loadServiceConfig("membership", { ...db, NODE_ENV: "production" })).toThrow(/GATEWAY_SECRET must be set/u);
      const service = loadServiceConfig("membership", { ...db, NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32) });
      expect(service.gatewaySecret).toBe("g".repeat(32));
      expect(service).not.toHaveProperty("authSecret");
      expect(() => loadGatewayConfig({ NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32) })).toThrow(/AUTH_JWT_SECRET must be set/u);
      expect(() => loadGatewayConfig({ NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32), AUTH_JWT_SECRET: "too-short" })).toThrow(/AUTH_JWT_SECRET/u);
      // Sandbox opening signed in is for development runs only.
      expect(() => loadGatewayConfig({ NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32), AUTH_JWT_SECRET: "a".repeat(32), SANDBOX_TOKEN: "x.y.z" })).toThrow(/SANDBOX_TOKEN is for development/u);
      expect(loadGatewayConfig({ NODE_ENV: "development", SANDBOX_TOKEN: "x.y.z" }).sandboxToken).toBe("x.y.z");
    } finally {
      if (saved.auth !== undefined) process.env.AUTH_JWT_SECRET = saved.auth;
      if (saved.gateway !== undefined) process.env.GATEWAY_SECRET = saved.gateway;
    }
  });

  it("reads who may introspect and see suggestions, with each environment's defaults", () => {
    const secrets = { AUTH_JWT_SECRET: "s".repeat(32), GATEWAY_SECRET: "g".repeat(32) };
    expect(loadGatewayConfig({ NODE_ENV: "development" })).toMatchObject({ introspection: "everyone", fieldSuggestions: "authenticated" });
    expect(loadGatewayConfig({ NODE_ENV: "production", ...secrets })).toMatchObject({ introspection: "authenticated", fieldSuggestions: "authenticated" });
    expect(loadGatewayConfig({ INTROSPECTION: "off" })).toMatchObject({ introspection: "off", fieldSuggestions: "off" });
    expect(loadGatewayConfig({ INTROSPECTION: "authenticated", FIELD_SUGGESTIONS: "off" })).toMatchObject({ introspection: "authenticated", fieldSuggestions: "off" });
    // The former true/false still work; true never means the public.
    expect(loadGatewayConfig({ NODE_ENV: "production", ...secrets, FIELD_SUGGESTIONS: "true" }).fieldSuggestions).toBe("authenticated");
    expect(loadGatewayConfig({ FIELD_SUGGESTIONS: "false" }).fieldSuggestions).toBe("off");
    expect(() => loadGatewayConfig({ FIELD_SUGGESTIONS: "everyone" })).toThrow(/authenticated or off/u);
    expect(() => loadGatewayConfig({ INTROSPECTION: "true" })).toThrow(/everyone, authenticated or off/u);
    expect(() => loadGatewayConfig({ GRAPHQL_INTROSPECTION: "true" })).toThrow(/replaced by INTROSPECTION/u);
    expect(() => loadGatewayConfig({ SANDBOX: "false" })).toThrow(/replaced by INTROSPECTION/u);
  });
});
