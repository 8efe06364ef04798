/**
 * PostgreSQL restarts while mutations run: requests fail fast with SERVICE_UNAVAILABLE, the pool
 * reconnects by itself, readiness goes red then green, and every mutation the client saw succeed is
 * in the database exactly once (the client retries with the same idempotency key).
 */
import { createLogger, ensureDatabase, loadServiceConfig } from "@kttt/core";
import { startMembershipService, type MembershipService } from "@kttt/membership";
import { freePort, gatewayHeaders, graphql, startEmbeddedChild, type EmbeddedChild } from "@kttt/testkit";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let dir: string;
let port: number;
let postgres: EmbeddedChild;
let service: MembershipService;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kttt-fault-pg-"));
  port = await freePort();
  postgres = startEmbeddedChild(path.join(dir, "data"), port);
  const server = await postgres.ready;
  const url = server.replace(/\/postgres$/u, "/kttt_membership");
  await ensureDatabase(url);
  service = await startMembershipService(
    { ...loadServiceConfig("membership", { MEMBERSHIP_DATABASE_URL: url }), port: 0, poolSize: 4 },
    createLogger("membership", "silent"),
  );
}, 60_000);

afterAll(async () => {
  await service?.stop().catch(() => undefined);
  await postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
    }
  }
`;
const ADD = /* GraphQL */ `
  mutation ($input: AddMemberInput!) {
    addMember(input: $input) {
      id
    }
  }
`;
const founders = Array.from({ length: 5 }, (_, i) => ({
  kind: "INDIVIDUAL",
  membershipType: "OFFICIAL",
  fullName: `Sáng lập viên ${i + 1}`,
  capitalContributed: "1000000",
  joinedOn: "2024-01-10",
}));

describe("PostgreSQL restart under writes", () => {
  it("loses no acknowledged write and applies none twice", async () => {
    const url = service.server.url;
    const org = await graphql(url, REGISTER, {
      input: {
        kind: "COOPERATIVE",
        name: "Hợp tác xã Thử Khởi động lại",
        registrationNumber: "3098000001",
        adminUnitCode: "443",
        sector: "TRADE_SERVICES",
        establishedOn: "2024-01-10",
        members: founders,
      },
    });
    const organizationId = org.data.registerOrganization.id;
    const acknowledged: string[] = [];
    const codesSeen = new Set<string>();
    const unexpected: string[] = [];
    const readiness: number[] = [];
    const deadline = Date.now() + 60_000;

    const writer = async () => {
      for (let i = 1; i <= 40; i++) {
        const name = `Thành viên số ${i}`;
        const idempotencyKey = randomUUID();
        for (;;) {
          if (Date.now() > deadline) throw new Error("writes did not recover within 60 s");
          const res = await graphql(url, ADD, {
            input: {
              organizationId,
              kind: "INDIVIDUAL",
              membershipType: "OFFICIAL",
              fullName: name,
              capitalContributed: "2000000",
              joinedOn: "2024-02-01",
              idempotencyKey,
            },
          }).catch(() => null);
          if (res && !res.errors) {
            acknowledged.push(name);
            break;
          }
          for (const e of res?.errors ?? []) {
            codesSeen.add(String(e.extensions?.code));
            if (e.extensions?.code !== "SERVICE_UNAVAILABLE") unexpected.push(e.message);
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };

    const restarter = async () => {
      while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));
      await postgres.stop();
      readiness.push((await fetch(url.replace(/graphql$/u, "ready"), { headers: gatewayHeaders() })).status);
      await new Promise((r) => setTimeout(r, 500));
      postgres = startEmbeddedChild(path.join(dir, "data"), port);
      await postgres.ready;
      for (let i = 0; i < 50; i++) {
        const status = (await fetch(url.replace(/graphql$/u, "ready"), { headers: gatewayHeaders() })).status;
        if (status === 200) {
          readiness.push(status);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    await Promise.all([writer(), restarter()]);
    expect(acknowledged).toHaveLength(40);
    expect(codesSeen).toContain("SERVICE_UNAVAILABLE");
    // Every failure while the database was away said so, and nothing else.
    expect(unexpected).toEqual([]);
    expect(readiness).toEqual([503, 200]);
    const rows: { full_name: string; n: string }[] = await service.dataSource.query(
      "SELECT full_name, count(*) AS n FROM member WHERE organization_id = $1 AND full_name LIKE 'Thành viên số %' GROUP BY full_name",
      [organizationId],
    );
    expect(rows).toHaveLength(40);
    for (const row of rows) expect(Number(row.n)).toBe(1);
  }, 90_000);
});
