/**
 * API keys for departments' machine clients: created, listed, rotated and revoked by administrators
 * over /admin/api-keys; stored hashed in the gateway's database; a key acts with its role, and stops
 * working when rotated, revoked or expired.
 */
import { dropDatabase, openDatabase, Role, type Principal } from "@kttt/core";
import { apiKeyMigrations } from "@kttt/gateway";
import { as, databaseUrl, graphql, runPrefix } from "@kttt/testkit";
import { createHash, randomUUID } from "node:crypto";
import { Client } from "pg";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_${process.pid}`);
beforeAll(async () => {
  graph = await startTestGraph({ GATEWAY_DATABASE_URL: gatewayDb() });
}, 60_000);
afterAll(async () => {
  await graph?.stop();
  await dropDatabase(gatewayDb());
});

const admin: Principal = { subject: "quantri.minh", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: "Quản trị" };
const staff: Principal = { subject: "nhanvien.lan", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: null };
const adminUrl = () => graph.gateway.url.replace(/\/graphql$/u, "/admin/api-keys");

async function call(path: string, principal: Principal | null, body?: unknown) {
  const res = await fetch(`${adminUrl()}${path}`, {
    method: body === undefined && path === "" ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(principal ? await as(principal) : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const TRADE = `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`;
const badEvent = {
  input: {
    name: "Hội chợ qua khóa API",
    type: "FAIR",
    format: "IN_PERSON",
    scope: "PROVINCIAL",
    organiser: "Sở Công Thương",
    place: "Hà Tĩnh",
    adminUnitCode: "436",
    startsOn: "2024-05-10",
    endsOn: "2024-05-01",
  },
};
const withKey = (key: string) => ({ authorization: "", "x-api-key": key });

describe("API keys", () => {
  it("lets an administrator create a key that acts with its role, and lists it without its secret", async () => {
    const created = await call("", admin, { name: "Sở Công Thương — hệ thống báo cáo", role: "DEPARTMENT", department: "SO_CT", expiresOn: "2099-12-31" });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^kttt_[0-9a-f]{12}_/u);
    const { key, id } = created.body;

    const allowed = await graphql(graph.gateway.url, TRADE, badEvent, withKey(key));
    expect(allowed.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT"); // authorised as SO_CT; the dates are wrong
    const forbidden = await graphql(
      graph.gateway.url,
      `mutation { dissolveOrganization(input: { id: "${id}", version: 1, dissolvedOn: "2024-01-01" }) { id } }`,
      undefined,
      withKey(key),
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const list = await fetch(adminUrl(), { headers: await as(admin) });
    const keys = (await list.json()) as any[];
    const listed = keys.find((k) => k.id === id);
    expect(listed).toMatchObject({
      name: "Sở Công Thương — hệ thống báo cáo",
      role: "DEPARTMENT",
      department: "SO_CT",
      createdBy: "quantri.minh",
      revokedAt: null,
    });
    const secret = /^kttt_[0-9a-f]{12}_(.+)$/u.exec(key)![1];
    expect(JSON.stringify(keys)).not.toContain(secret);
    const client = new Client({ connectionString: gatewayDb() });
    await client.connect();
    const stored = await client.query("SELECT secret_hash FROM api_key WHERE id = $1", [id]);
    await client.end();
    expect(stored.rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/u);
  });

  it("stops the old secret when a key is rotated, and the key when revoked or expired", async () => {
    const { body } = await call("", admin, { name: "Khóa xoay vòng", role: "DEPARTMENT", department: "SO_CT", expiresOn: "2099-12-31" });
    const rotated = await call(`/${body.id}/rotate`, admin, {});
    expect(rotated.status).toBe(200);
    const old = await graphql(graph.gateway.url, TRADE, badEvent, withKey(body.key));
    expect(old.status).toBe(401);
    expect(old.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await graphql(graph.gateway.url, TRADE, badEvent, withKey(rotated.body.key))).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    expect((await call(`/${body.id}/revoke`, admin, {})).status).toBe(200);
    const revoked = await graphql(graph.gateway.url, TRADE, badEvent, withKey(rotated.body.key));
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0].message).toMatch(/revoked/u);

    const other = (await call("", admin, { name: "Khóa hết hạn", role: "COMMUNE", adminUnitCode: "18202", expiresOn: "2099-12-31" })).body;
    const client = new Client({ connectionString: gatewayDb() });
    await client.connect();
    await client.query("UPDATE api_key SET expires_at = now() - interval '1 day' WHERE id = $1", [other.id]);
    await client.end();
    const expired = await graphql(
      graph.gateway.url,
      `
        {
          adminUnits {
            code
          }
        }
      `,
      undefined,
      withKey(other.key),
    );
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0].message).toMatch(/expired/u);
  });

  it("issues keys for a commune in force today, acting as that commune, and no longer for a district", async () => {
    const created = await call("", admin, { name: "UBND xã Hương Xuân — báo cáo", role: "COMMUNE", adminUnitCode: "18544", expiresOn: "2099-12-31" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: "COMMUNE", adminUnitCode: "18544", department: null });
    const audit = await graphql(
      graph.gateway.url,
      `
        {
          membershipAuditTrail(first: 1) {
            operation
          }
          membershipStatistics(year: 2024) {
            total {
              cooperativeCount
            }
          }
        }
      `,
      undefined,
      withKey(created.body.key),
    );
    expect(audit.data.membershipStatistics.total.cooperativeCount).toBe(975);
    expect(audit.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(audit.errors?.[0].message).toMatch(/your role \(COMMUNE 18544\)/u);

    const district = await call("", admin, { name: "UBND huyện Hương Khê", role: "DISTRICT", adminUnitCode: "444", expiresOn: "2099-12-31" });
    expect(district.status).toBe(400);
    expect(district.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "role", reason: "DISTRICT_ROLE_RETIRED" });
    expect(district.body.errors[0].message).toMatch(/district level ended on 1 July 2025/u);
    for (const unit of ["444", "18178", undefined]) {
      const bad = await call("", admin, { name: "Khóa sai xã", role: "COMMUNE", adminUnitCode: unit, expiresOn: "2099-12-31" });
      expect({ unit, status: bad.status, field: bad.body.errors?.[0].extensions.field }).toEqual({ unit, status: 400, field: "adminUnitCode" });
    }
  });

  it("refuses a district key stored before districts ended, saying why, at /graphql and at /oauth/token, and keeps the row as it was", async () => {
    // A row as the former version stored it: role DISTRICT with its unit. The migration keeps it; it is not re-mapped.
    const prefix = "d15791c70444";
    const key = `kttt_${prefix}_${"A".repeat(32)}`;
    const id = randomUUID();
    const client = new Client({ connectionString: gatewayDb() });
    await client.connect();
    await client.query(
      "INSERT INTO api_key (id, name, prefix, secret_hash, role, admin_unit_code, created_by, expires_at) VALUES ($1, 'UBND huyện Hương Khê — cũ', $2, $3, 'DISTRICT', '444', 'quantri.cu', '2099-12-31')",
      [id, prefix, createHash("sha256").update(key).digest("hex")],
    );
    try {
      const res = await graphql(
        graph.gateway.url,
        `
          {
            adminUnits {
              code
            }
          }
        `,
        undefined,
        withKey(key),
      );
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "DISTRICT_ROLE_RETIRED" });
      expect(res.errors?.[0].message).toMatch(/district level ended on 1 July 2025.*commune token/u);
      const token = await fetch(graph.gateway.url.replace(/\/graphql$/u, "/oauth/token"), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `grant_type=client_credentials&client_secret=${key}`,
      });
      expect(token.status).toBe(401);
      expect(await token.json()).toMatchObject({ error: "invalid_client", error_description: expect.stringMatching(/district level ended/u) });
      const listed = ((await (await fetch(adminUrl(), { headers: await as(admin) })).json()) as any[]).find((k) => k.id === id);
      expect(listed).toMatchObject({ role: "DISTRICT", adminUnitCode: "444", revokedAt: null });
    } finally {
      await client.end();
    }
  });

  it("refuses management to non-administrators, bad input with the field at fault, and made-up keys", async () => {
    expect((await call("", staff, { name: "x", role: "DEPARTMENT" })).status).toBe(403);
    expect((await call("", null, {})).status).toBe(401);
    const bad = await call("", admin, { name: "Khóa thiếu sở", role: "DEPARTMENT", expiresOn: "2099-01-01" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "department" });
    const past = await call("", admin, { name: "Khóa đã hết hạn", role: "ALLIANCE_STAFF", expiresOn: "2020-01-01" });
    expect(past.body.errors[0].extensions.field).toBe("expiresOn");
    expect((await call("/not-an-id/revoke", admin, {})).status).toBe(404);
    const made = await graphql(
      graph.gateway.url,
      `
        {
          adminUnits {
            code
          }
        }
      `,
      undefined,
      withKey("kttt_000000000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    );
    expect(made.status).toBe(401);
    const both = await graphql(
      graph.gateway.url,
      `
        {
          adminUnits {
            code
          }
        }
      `,
      undefined,
      { ...(await as(admin)), "x-api-key": "kttt_000000000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    );
    expect(both.errors?.[0].message).toMatch(/not both/u);
  });
});

describe("the API-key table when districts ended", () => {
  const url = () => databaseUrl(`${runPrefix()}gateway_keys_${process.pid}`);
  afterAll(() => dropDatabase(url()));

  it("keeps the district keys an existing database holds, as they were, and takes commune keys with their code", async () => {
    const before = await openDatabase({ url: url(), entities: [], migrations: apiKeyMigrations.slice(0, 1), poolSize: 1, applicationName: "kttt-test" });
    await before.dataSource.query(
      "INSERT INTO api_key (id, name, prefix, secret_hash, role, admin_unit_code, created_by, expires_at) VALUES ($1, 'UBND huyện Can Lộc', 'aaaaaaaaaaaa', $2, 'DISTRICT', '443', 'quantri.cu', '2099-12-31')",
      [randomUUID(), "0".repeat(64)],
    );
    await before.dataSource.destroy();
    const after = await openDatabase({ url: url(), entities: [], migrations: apiKeyMigrations, poolSize: 1, applicationName: "kttt-test" });
    try {
      expect(await after.dataSource.query("SELECT role, admin_unit_code FROM api_key")).toEqual([{ role: "DISTRICT", admin_unit_code: "443" }]);
      const insert = (role: string, unit: string | null) =>
        after.dataSource.query(
          "INSERT INTO api_key (id, name, prefix, secret_hash, role, admin_unit_code, created_by, expires_at) VALUES ($1, 'Khóa xã', $2, $3, $4, $5, 'quantri', '2099-12-31')",
          [randomUUID(), randomUUID().slice(0, 12).replace(/-/gu, "0"), "0".repeat(64), role, unit],
        );
      await insert("COMMUNE", "18202");
      await expect(insert("COMMUNE", null)).rejects.toThrow(/api_key_unit_check/u);
      await expect(insert("ALLIANCE_STAFF", "18202")).rejects.toThrow(/api_key_unit_check/u);
      await expect(insert("PUBLIC", null)).rejects.toThrow(/api_key_role_check/u);
    } finally {
      await after.dataSource.destroy();
    }
  });
});
