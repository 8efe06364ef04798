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
});
