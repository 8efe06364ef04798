import { authSecretOf, ConfigError, databaseUrlFor, loadGatewayConfig, loadServiceConfig } from "../src/config";

/** The sentences a configuration is refused with. */
function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

/** Runs `fn` as a process without secrets of its own (the test run sets them): only `env` counts. */
function withoutProcessSecrets(fn: () => void): void {
  const saved = { auth: process.env.AUTH_JWT_SECRET, gateway: process.env.GATEWAY_SECRET };
  delete process.env.AUTH_JWT_SECRET;
  delete process.env.GATEWAY_SECRET;
  try {
    fn();
  } finally {
    if (saved.auth !== undefined) process.env.AUTH_JWT_SECRET = saved.auth;
    if (saved.gateway !== undefined) process.env.GATEWAY_SECRET = saved.gateway;
  }
}

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
    withoutProcessSecrets(() => {
      expect(() => loadServiceConfig("membership", { ...db, NODE_ENV: "production" })).toThrow(/GATEWAY_SECRET must be set/u);
      const service = loadServiceConfig("membership", { ...db, NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32) });
      expect(service.gatewaySecret).toBe("g".repeat(32));
      expect(service).not.toHaveProperty("authSecret");
      expect(() => loadGatewayConfig({ NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32) })).toThrow(/AUTH_JWT_SECRET must be set/u);
      expect(() => loadGatewayConfig({ NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32), AUTH_JWT_SECRET: "too-short" })).toThrow(/AUTH_JWT_SECRET/u);
      // Sandbox opening signed in is for development runs only.
      expect(() => loadGatewayConfig({ NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32), AUTH_JWT_SECRET: "a".repeat(32), SANDBOX_TOKEN: "x.y.z" })).toThrow(/SANDBOX_TOKEN is for development/u);
      expect(loadGatewayConfig({ NODE_ENV: "development", SANDBOX_TOKEN: "x.y.z" }).sandboxToken).toBe("x.y.z");
    });
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

  it("says what is wrong with each setting in one sentence, all of them at once, never repeating a secret", () => {
    withoutProcessSecrets(() => {
      expect(
        problemsOf(() =>
          loadGatewayConfig({ NODE_ENV: "production", GATEWAY_PORT: "99999", LOG_LEVEL: "loud", INTROSPECTION: "true", RATE_LIMIT_PER_MINUTE: "1.5", MAX_BODY_BYTES: "12", MEMBERSHIP_URL: "not a url", GATEWAY_SECRET: "short" }),
        ),
      ).toEqual([
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").',
        'GATEWAY_PORT must be at most 65535 (got "99999").',
        'INTROSPECTION must be everyone, authenticated or off (got "true").',
        'RATE_LIMIT_PER_MINUTE must be a whole number (got "1.5").',
        'MAX_BODY_BYTES must be at least 1024 (got "12").',
        'MEMBERSHIP_URL must be a URL (got "not a url").',
        "AUTH_JWT_SECRET must be set in production, to a random secret of at least 32 characters (e.g. from `openssl rand -hex 32`).",
        "GATEWAY_SECRET must be at least 32 characters (got 5).",
      ]);
      // The port a person set is the one named, under its own variable.
      expect(problemsOf(() => loadServiceConfig("membership", { DATABASE_URL: "postgres://db/x", NODE_ENV: "prod", MEMBERSHIP_PORT: "abc", SEED_DEMO_DATA: "maybe" }))).toEqual([
        'NODE_ENV must be one of development, production, test (got "prod").',
        'MEMBERSHIP_PORT must be a whole number (got "abc").',
        'SEED_DEMO_DATA must be one of true, false, 1, 0, yes, no (got "maybe").',
      ]);
      expect(problemsOf(() => loadServiceConfig("membership", { DATABASE_URL: "postgres://db/x", PORT: "-1" }))).toEqual(['PORT must be at least 0 (got "-1").']);
      const message = (() => {
        try {
          loadGatewayConfig({ NODE_ENV: "production", AUTH_JWT_SECRET: "secret-of-five-and-more", GATEWAY_SECRET: "g".repeat(32) });
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toBe("AUTH_JWT_SECRET must be at least 32 characters (got 23).");
      expect(message).not.toContain("secret-of");
    });
  });

  it("asks only for the token key where only tokens are signed (npm run token)", () => {
    withoutProcessSecrets(() => {
      expect(authSecretOf({ AUTH_JWT_SECRET: "t".repeat(32) }, "production")).toBe("t".repeat(32));
      expect(problemsOf(() => authSecretOf({}, "production"))).toEqual([expect.stringMatching(/^AUTH_JWT_SECRET must be set in production/u)]);
    });
  });
});
