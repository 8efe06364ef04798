import { ConfigError, databaseUrlFor, loadGatewayConfig, loadServiceConfig, signingKeysOf } from "../src/config";
import { DEVELOPMENT_SIGNING_KEY, newSigningKey } from "../src/signing-keys";

let KEYS = "";
beforeAll(async () => {
  KEYS = JSON.stringify([await newSigningKey("ES256", "test-config")]);
});

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
  const names = ["AUTH_JWT_SECRET", "GATEWAY_SECRET", "AUTH_SIGNING_KEYS", "ROUTER_SECRET", "AUTH_JWKS_URL"];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  for (const n of names) delete process.env[n];
  try {
    fn();
  } finally {
    for (const n of names) if (saved[n] !== undefined) process.env[n] = saved[n];
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

  it("refuses development secrets and keys in production, and asks a subgraph only for the gateway's secret or the router's", async () => {
    const db = { DATABASE_URL: "postgres://u@h:5432/x" };
    const names = ["AUTH_JWT_SECRET", "GATEWAY_SECRET", "AUTH_SIGNING_KEYS", "ROUTER_SECRET", "AUTH_JWKS_URL"];
    const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    for (const n of names) delete process.env[n];
    const keys = JSON.stringify([await newSigningKey("ES256", "prod-1"), await newSigningKey("EdDSA", "prod-0")]);
    const gateway = { NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32) };
    try {
      expect(() => loadServiceConfig("membership", { ...db, NODE_ENV: "production" })).toThrow(/GATEWAY_SECRET must be set/u);
      const service = loadServiceConfig("membership", { ...db, NODE_ENV: "production", GATEWAY_SECRET: "g".repeat(32) });
      expect(service.gatewaySecret).toBe("g".repeat(32));
      expect(service.router).toBeNull();
      expect(service).not.toHaveProperty("signingKeys");
      // Behind a router alone: the router secret and where the issuer's keys are, no gateway secret needed.
      const routed = loadServiceConfig("membership", {
        ...db,
        NODE_ENV: "production",
        ROUTER_SECRET: "r".repeat(32),
        AUTH_JWKS_URL: "http://issuer:4000/.well-known/jwks.json",
      });
      expect(routed).toMatchObject({
        gatewaySecret: null,
        router: { secret: "r".repeat(32), jwksUrl: "http://issuer:4000/.well-known/jwks.json", jwksCooldownMs: 30_000 },
      });
      expect(() => loadServiceConfig("membership", { ...db, NODE_ENV: "production", ROUTER_SECRET: "r".repeat(32) })).toThrow(/AUTH_JWKS_URL/u);
      expect(() => loadServiceConfig("membership", { ...db, NODE_ENV: "production", ROUTER_SECRET: "short", AUTH_JWKS_URL: "http://i/j" })).toThrow(
        /ROUTER_SECRET must be/u,
      );
      expect(() => loadGatewayConfig(gateway)).toThrow(/AUTH_SIGNING_KEYS must be set/u);
      expect(() => loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: JSON.stringify([DEVELOPMENT_SIGNING_KEY]) })).toThrow(/development key/u);
      expect(() => loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: "not json" })).toThrow(/JSON array of private JWKs/u);
      const { d: _d, ...publicOnly } = JSON.parse(keys)[0];
      expect(() => loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: JSON.stringify([publicOnly]) })).toThrow(/public key/u);
      expect(() => loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: JSON.stringify([{ ...publicOnly, d: "x", alg: "HS256" }]) })).toThrow(
        /alg must be ES256 or EdDSA/u,
      );
      const config = loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: keys });
      expect(config.signingKeys.map((k) => k.kid)).toEqual(["prod-1", "prod-0"]);
      // Base64 of the same JSON, for places where braces are awkward (docker-compose defaults).
      expect(loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: Buffer.from(keys).toString("base64") }).signingKeys).toEqual(JSON.parse(keys));
      // Former HS256 tokens: refused in production unless their secret is configured, and then a real one.
      expect(config.legacyAuthSecret).toBeNull();
      expect(() => loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: keys, AUTH_JWT_SECRET: "too-short" })).toThrow(/AUTH_JWT_SECRET/u);
      expect(loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: keys, AUTH_JWT_SECRET: "a".repeat(32) }).legacyAuthSecret).toBe("a".repeat(32));
      // Sandbox opening signed in is for development runs only.
      expect(() => loadGatewayConfig({ ...gateway, AUTH_SIGNING_KEYS: keys, SANDBOX_TOKEN: "x.y.z" })).toThrow(/SANDBOX_TOKEN is for development/u);
      expect(loadGatewayConfig({ NODE_ENV: "development", SANDBOX_TOKEN: "x.y.z" }).sandboxToken).toBe("x.y.z");
    } finally {
      for (const n of names) if (saved[n] !== undefined) process.env[n] = saved[n];
    }
  });

  it("reads who may introspect and see suggestions, with each environment's defaults", () => {
    const secrets = { AUTH_SIGNING_KEYS: KEYS, GATEWAY_SECRET: "g".repeat(32) };
    expect(loadGatewayConfig({ NODE_ENV: "development" })).toMatchObject({ introspection: "everyone", fieldSuggestions: "authenticated" });
    expect(loadGatewayConfig({ NODE_ENV: "production", ...secrets })).toMatchObject({ introspection: "authenticated", fieldSuggestions: "authenticated" });
    expect(loadGatewayConfig({ INTROSPECTION: "off" })).toMatchObject({ introspection: "off", fieldSuggestions: "off" });
    expect(loadGatewayConfig({ INTROSPECTION: "authenticated", FIELD_SUGGESTIONS: "off" })).toMatchObject({
      introspection: "authenticated",
      fieldSuggestions: "off",
    });
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
          loadGatewayConfig({
            NODE_ENV: "production",
            GATEWAY_PORT: "99999",
            LOG_LEVEL: "loud",
            INTROSPECTION: "true",
            RATE_LIMIT_PER_MINUTE: "1.5",
            MAX_BODY_BYTES: "12",
            MEMBERSHIP_URL: "not a url",
            GATEWAY_SECRET: "short",
          }),
        ),
      ).toEqual([
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").',
        'GATEWAY_PORT must be at most 65535 (got "99999").',
        'INTROSPECTION must be everyone, authenticated or off (got "true").',
        'RATE_LIMIT_PER_MINUTE must be a whole number (got "1.5").',
        'MAX_BODY_BYTES must be at least 1024 (got "12").',
        'MEMBERSHIP_URL must be a URL (got "not a url").',
        "AUTH_SIGNING_KEYS must be set in production: the private keys that sign callers' tokens (npm run token -- --new-signing-key makes one).",
        "GATEWAY_SECRET must be at least 32 characters (got 5).",
      ]);
      // The port a person set is the one named, under its own variable.
      expect(
        problemsOf(() =>
          loadServiceConfig("membership", { DATABASE_URL: "postgres://db/x", NODE_ENV: "prod", MEMBERSHIP_PORT: "abc", SEED_DEMO_DATA: "maybe" }),
        ),
      ).toEqual([
        'NODE_ENV must be one of development, production, test (got "prod").',
        'MEMBERSHIP_PORT must be a whole number (got "abc").',
        'SEED_DEMO_DATA must be one of true, false, 1, 0, yes, no (got "maybe").',
      ]);
      expect(problemsOf(() => loadServiceConfig("membership", { DATABASE_URL: "postgres://db/x", PORT: "-1" }))).toEqual([
        'PORT must be at least 0 (got "-1").',
      ]);
      const message = (() => {
        try {
          loadGatewayConfig({ NODE_ENV: "production", AUTH_SIGNING_KEYS: KEYS, AUTH_JWT_SECRET: "secret-of-five-and-more", GATEWAY_SECRET: "g".repeat(32) });
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toBe("AUTH_JWT_SECRET must be at least 32 characters (got 23).");
      expect(message).not.toContain("secret-of");
    });
  });

  it("asks only for the signing keys where only tokens are signed (npm run token)", () => {
    withoutProcessSecrets(() => {
      expect(signingKeysOf({ AUTH_SIGNING_KEYS: KEYS }, "production").map((k) => k.kid)).toEqual(["test-config"]);
      expect(signingKeysOf({}, "development")).toEqual([DEVELOPMENT_SIGNING_KEY]);
      expect(problemsOf(() => signingKeysOf({}, "production"))).toEqual([expect.stringMatching(/^AUTH_SIGNING_KEYS must be set in production/u)]);
    });
  });
});
