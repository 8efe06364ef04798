/**
 * End to end: the real gateway serving the committed supergraph, the membership subgraph on its
 * own database, HTTP between them; the administrative units checked against ../shared/data/admin-units.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { SHARED_ADMIN_UNITS_DIR } from "../../packages/reference/src/admin-units-generate";

let membership: TestSubgraph;
let gateway: GatewayServer;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url }), port: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
});

describe("through the gateway", () => {
  it("answers the seed's province figures", async () => {
    const res = await graphql(
      gateway.url,
      /* GraphQL */ `
        {
          membershipStatistics(year: 2024) {
            total {
              cooperativeCount
              unionCount
              groupCount
              charterCapital {
                average
              }
              revenue {
                average
              }
              profit {
                average
              }
              averageWorkerMonthlyIncome
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.membershipStatistics.total).toEqual({
      cooperativeCount: 975,
      unionCount: 3,
      groupCount: 2538,
      charterCapital: { average: "2002000000" },
      revenue: { average: "1300000000" },
      profit: { average: "288000000" },
      averageWorkerMonthlyIncome: "4000000",
    });
  });

  it("searches without diacritics and follows an organisation to its unit", async () => {
    const res = await graphql(
      gateway.url,
      `
        {
          cooperatives(first: 3, filter: { search: "hop tac xa nong nghiep", adminUnitCode: "444" }) {
            totalCount
            nodes {
              name
              adminUnit {
                name
              }
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.cooperatives.totalCount).toBeGreaterThan(0);
    for (const node of res.data.cooperatives.nodes) {
      expect(node.name).toMatch(/^Hợp tác xã .*Nông nghiệp/u);
      expect(node.adminUnit.name).toBe("Huyện Hương Khê");
    }
  });

  it("passes a subgraph's input error through with its code and field", async () => {
    const res = await graphql(
      gateway.url,
      `
        mutation ($input: RecordClassificationInput!) {
          recordClassification(input: $input) {
            rating
          }
        }
      `,
      {
        input: { organizationId: "00000000-0000-5000-8000-000000000000", year: 2023, assessedOn: "2024-03-01", score: 90, rating: "GOOD" },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "input.organizationId" });
  });

  it("rejects an unknown field at the gateway with a validation error", async () => {
    const res = await graphql(
      gateway.url,
      `
        {
          cooperatives {
            nodes {
              nonexistent
            }
          }
        }
      `,
    );
    // A request error, answered in application/json: 200 with the error and no data (http-status.ts).
    expect(res.status).toBe(200);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("names the field at fault of a value it refuses, at the gateway or in the subgraph", async () => {
    const refusal = async (query: string, variables?: Record<string, unknown>) => {
      const res = await graphql(gateway.url, query, variables);
      expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
      return res.errors?.[0];
    };
    // Refused by the gateway's validation, which graphql-js words by position only.
    expect((await refusal("{ collectiveEconomy(period: { year: 2024, half: FIRST }) { period { label } } }"))?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      field: "period.half",
    });
    const date = await refusal('{ cooperatives(first: 1, filter: { adminUnitCode: "444", adminUnitAsOf: "2024-02-30" }) { totalCount } }');
    expect(date?.message).toMatch(/real calendar date/u);
    expect(date?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.adminUnitAsOf" });
    const member = await refusal(
      'mutation { registerOrganization(input: { kind: COOPERATIVE, name: "Hợp tác xã Thử", adminUnitCode: "18202", sector: AGRICULTURE, establishedOn: "2025-08-01", members: [{ fullName: "Nguyễn Văn An" }] }) { id } }',
    );
    expect(member?.message).toMatch(/NewMemberInput\.kind/u);
    expect(member?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", field: "input.members.0" });
    // Variables, as clients send values: a variable's value refused at the gateway (enum, a required field) or in the subgraph (a date).
    const ofVariable = async (query: string, variables: Record<string, unknown>) => (await graphql(gateway.url, query, variables)).errors?.[0]?.extensions;
    expect(
      await ofVariable("query ($p: ReportingPeriodInput!) { collectiveEconomy(period: $p) { period { label } } }", { p: { year: 2024, half: "FIRST" } }),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "period.half",
    });
    expect(
      await ofVariable('query ($d: LocalDate) { cooperatives(first: 1, filter: { adminUnitCode: "444", adminUnitAsOf: $d }) { totalCount } }', {
        d: "2024-02-30",
      }),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.adminUnitAsOf" });
    expect(
      await ofVariable("mutation ($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }", {
        i: {
          kind: "COOPERATIVE",
          name: "Hợp tác xã Thử",
          adminUnitCode: "18202",
          sector: "AGRICULTURE",
          establishedOn: "2025-08-01",
          members: [{ fullName: "A" }],
        },
      }),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "input.members.0" });
    // Refused by the subgraph's input rules: the argument is named `periods`, not `input`.
    const year = await refusal("{ collectiveEconomyTrend(periods: [{ year: 2024 }, { year: 1800 }]) { period { label } } }");
    expect(year?.message).toBe("year must be between 1990 and 2100.");
    expect(year?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "periods.1.year" });
  });

  it("serves Apollo Sandbox at GET /graphql, a landing page that links to it and to the explorer, and a health check", async () => {
    const base = gateway.url.replace(/\/graphql$/u, "");
    const sandbox = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toContain("embeddableSandbox");
    const page = await fetch(`${base}/`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/href="\/explorer\/"[\s\S]*href="\/graphql"/u);
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ status: "ok" });
  });
});

async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await graphql(gateway.url, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const tally = (units: { level: string; kind: string }[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const u of units) out[u.level] = (out[u.level] ?? 0) + 1;
  return out;
};

describe("administrative units on any date, through the gateway", () => {
  it("counts the province's units on the three maps", async () => {
    const data = await ask(/* GraphQL */ `
      {
        today: adminUnits {
          code
          level
          kind
          parent {
            code
          }
        }
        mid2024: adminUnits(asOf: "2024-07-15") {
          level
          kind
        }
        early2025: adminUnits(asOf: "2025-03-01") {
          level
          kind
        }
      }
    `);
    expect(tally(data.today)).toEqual({ PROVINCE: 1, COMMUNE: 69 });
    expect(data.today.filter((u: any) => u.kind === "COMMUNE")).toHaveLength(60);
    expect(data.today.filter((u: any) => u.kind === "WARD")).toHaveLength(9);
    expect(data.today.filter((u: any) => u.level === "COMMUNE").every((u: any) => u.parent.code === "42")).toBe(true);
    expect(tally(data.mid2024)).toEqual({ PROVINCE: 1, DISTRICT: 13, COMMUNE: 216 });
    expect(tally(data.early2025)).toEqual({ PROVINCE: 1, DISTRICT: 12, COMMUNE: 209 });
    expect(data.early2025.some((u: any) => u.kind === "TOWNSHIP")).toBe(true);
  });

  it("gives today's 69 official codes and names as the shared file has them", async () => {
    const rows = parse(readFileSync(join(SHARED_ADMIN_UNITS_DIR, "ha-tinh-communes-2025.csv"), "utf8"), { columns: true }) as {
      code: string;
      name: string;
      kind: string;
    }[];
    const data = await ask(`{ adminUnits(asOf: "2026-01-15", level: COMMUNE) { code name kind validFrom validTo legalBasis } }`);
    const ours = data.adminUnits.map((u: any) => `${u.code} ${u.name} ${u.kind}`).sort();
    expect(ours).toEqual(rows.map((r) => `${r.code} ${r.name.normalize("NFC")} ${r.kind === "PHUONG" ? "WARD" : "COMMUNE"}`).sort());
    for (const unit of data.adminUnits) {
      expect(unit).toMatchObject({ validFrom: "2025-07-01", validTo: null });
      expect(unit.legalBasis).toMatch(/1665\/NQ-UBTVQH15/u);
    }
  });

  it("gives each district its communes on the date, and the communes' districts before 2025-07-01", async () => {
    const data = await ask(/* GraphQL */ `
      {
        mid2024: adminUnits(asOf: "2024-07-15", level: COMMUNE) {
          code
          parent {
            code
          }
        }
        early2025: adminUnits(asOf: "2025-03-01", level: COMMUNE) {
          code
          name
          parent {
            code
            name
          }
        }
      }
    `);
    const perDistrict = (units: any[]): Record<string, number> =>
      units.reduce((m: Record<string, number>, u: any) => ({ ...m, [u.parent.code]: (m[u.parent.code] ?? 0) + 1 }), {});
    const rows = parse(readFileSync(join(SHARED_ADMIN_UNITS_DIR, "ha-tinh-communes-2024-to-2025.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const expected2024: Record<string, number> = {};
    for (const code of new Set(rows.filter((r) => r.old_district_code_2024).map((r) => `${r.old_code}|${r.old_district_code_2024}`))) {
      const district = code.split("|")[1];
      expected2024[district] = (expected2024[district] ?? 0) + 1;
    }
    expect(perDistrict(data.mid2024)).toEqual(expected2024);
    expect(perDistrict(data.early2025)["448"]).toBeUndefined();
    // Hộ Độ (Lộc Hà in 2024) lay in Thành phố Hà Tĩnh from 2025-01-01.
    expect(data.early2025.find((u: any) => u.code === "18598")).toMatchObject({ name: "Xã Hộ Độ", parent: { code: "436", name: "Thành phố Hà Tĩnh" } });
  });

  it("follows a commune back to 2024 and a district forward to today, whole or in part", async () => {
    const data = await ask(/* GraphQL */ `
      {
        tuMy: adminUnits(search: "Tu My") {
          code
          name
          predecessors {
            share
            inferred
            note
            unit {
              code
              name
              level
              predecessors {
                unit {
                  name
                  validTo
                }
              }
            }
          }
        }
        kyLoi: adminUnit(code: "18796", asOf: "2024-07-15") {
          name
          validTo
          successors {
            share
            tookEffectOn
            unit {
              code
              name
            }
          }
        }
        huongKhe: adminUnit(code: "444") {
          name
          validTo
          changeNote
          successors {
            share
            unit {
              name
              level
            }
          }
        }
      }
    `);
    expect(data.tuMy).toHaveLength(1);
    const from = data.tuMy[0].predecessors;
    expect(
      from
        .filter((p: any) => p.unit.level === "COMMUNE")
        .map((p: any) => p.unit.name)
        .sort(),
    ).toEqual(["Xã Châu Bình", "Xã Mỹ Long", "Xã Tân Mỹ Hà"]);
    expect(from.find((p: any) => p.unit.level === "DISTRICT")).toMatchObject({ share: "PART", unit: { name: "Huyện Hương Sơn" } });
    // Châu Bình (2025) was Sơn Châu, and (a best reading of the sources) took in Sơn Bình.
    const chauBinh = from
      .find((p: any) => p.unit.name === "Xã Châu Bình")
      .unit.predecessors.map((p: any) => p.unit.name)
      .sort();
    expect(chauBinh).toEqual(["Xã Sơn Bình", "Xã Sơn Châu"]);
    expect(data.kyLoi.successors.map((s: any) => [s.unit.name, s.share, s.tookEffectOn])).toEqual([
      ["Phường Sông Trí", "PART", "2025-07-01"],
      ["Phường Vũng Áng", "PART", "2025-07-01"],
      ["Phường Hoành Sơn", "PART", "2025-07-01"],
    ]);
    expect(data.huongKhe).toMatchObject({ name: "Huyện Hương Khê", validTo: "2025-06-30" });
    expect(data.huongKhe.successors.map((s: any) => s.unit.name)).toContain("Xã Phúc Trạch");
    expect(data.huongKhe.successors.every((s: any) => s.share === "PART" && s.unit.level === "COMMUNE")).toBe(true);
  });

  it("finds a unit by name without diacritics, on any date", async () => {
    const data = await ask(
      `{ now: adminUnits(search: "phuc trach") { code name } then: adminUnits(search: "phuc trach", asOf: "2024-07-15") { code name parent { name } } }`,
    );
    expect(data.now.map((u: any) => u.name)).toEqual(["Xã Phúc Trạch"]);
    expect(data.then).toEqual([{ code: "18547", name: "Xã Phúc Trạch", parent: { name: "Huyện Hương Khê" } }]);
  });

  it("asks for the cooperatives of xã Tứ Mỹ, and of a district as it was on a date", async () => {
    const data = await ask(/* GraphQL */ `
      {
        tuMy: cooperatives(first: 100, filter: { adminUnitCode: "18202" }) {
          totalCount
          nodes {
            name
            commune {
              name
            }
            communeOn {
              code
              name
            }
            adminUnit {
              code
            }
          }
        }
        huongSon2024: cooperatives(first: 1, filter: { adminUnitCode: "439", adminUnitAsOf: "2024-07-15" }) {
          totalCount
        }
        locHa: cooperatives(first: 100, filter: { adminUnitCode: "448" }) {
          totalCount
          nodes {
            districtOn(asOf: "2025-03-01") {
              code
            }
          }
        }
      }
    `);
    expect(data.tuMy.totalCount).toBeGreaterThan(0);
    expect(data.tuMy.totalCount).toBeLessThan(data.huongSon2024.totalCount);
    for (const node of data.tuMy.nodes) expect(node).toMatchObject({ communeOn: { code: "18202", name: "Xã Tứ Mỹ" }, adminUnit: { code: "439" } });
    // Lộc Hà's cooperatives lay in Thạch Hà from 2025-01-01, but those of Hộ Độ, which went to the city.
    expect(data.locHa.nodes.every((n: any) => ["445", "436"].includes(n.districtOn.code))).toBe(true);
  });

  it("refuses a registration in 2026 under district 444, naming the communes that replaced it, and takes one under xã Phúc Trạch", async () => {
    const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { name adminUnit { code name } commune { code } } }`;
    const input = (adminUnitCode: string, n: number) => ({
      kind: "COOPERATIVE",
      name: `Hợp tác xã Bưởi Phúc Trạch Mới ${n}`,
      registrationNumber: `309700000${n}`,
      adminUnitCode,
      sector: "AGRICULTURE",
      establishedOn: "2026-03-02",
      members: Array.from({ length: 5 }, (_, i) => ({
        kind: "INDIVIDUAL",
        membershipType: "OFFICIAL",
        fullName: `Lê Văn Xã viên ${i + 1}`,
        capitalContributed: "20000000",
        joinedOn: "2026-03-02",
      })),
    });
    const refused = await graphql(gateway.url, REGISTER, { input: input("444", 1) });
    expect(refused.data?.registerOrganization ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(refused.errors![0].message).toMatch(/Huyện Hương Khê \(444\) no longer existed on 2026-03-02.*Xã Phúc Trạch \(18547, part\)/u);
    const taken = await ask(REGISTER, { input: input("18547", 2) });
    expect(taken.registerOrganization).toEqual({
      name: "Hợp tác xã Bưởi Phúc Trạch Mới 2",
      adminUnit: { code: "18547", name: "Xã Phúc Trạch" },
      commune: { code: "18547" },
    });
  });

  it("keeps 2024's 13 districts, re-cuts 2024 by today's communes with the unplaced counted, and groups 2025 by the 69 communes", async () => {
    const data = await ask(/* GraphQL */ `
      {
        period: membershipStatistics(year: 2024, groupBy: ADMIN_UNIT) {
          groups {
            key
            label
          }
        }
        recut: membershipStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) {
          groups {
            key
            label
            adminUnit {
              level
            }
            figures {
              cooperativeCount
              unionCount
              groupCount
            }
          }
        }
        later: membershipStatistics(year: 2025, groupBy: ADMIN_UNIT) {
          groups {
            key
            adminUnit {
              level
            }
          }
        }
      }
    `);
    expect(data.period.groups).toHaveLength(13);
    expect(data.period.groups.find((g: any) => g.key === "448").label).toBe("Huyện Lộc Hà");
    const total = (field: string) => data.recut.groups.reduce((a: number, g: any) => a + g.figures[field], 0);
    expect([total("cooperativeCount"), total("unionCount"), total("groupCount")]).toEqual([975, 3, 2538]);
    const unplaced = data.recut.groups.filter((g: any) => g.key === null);
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0].figures.cooperativeCount + unplaced[0].figures.groupCount).toBeGreaterThan(0);
    expect(data.recut.groups.filter((g: any) => g.key !== null).every((g: any) => g.adminUnit.level === "COMMUNE")).toBe(true);
    expect(data.later.groups.filter((g: any) => g.key !== null).every((g: any) => /^[0-9]{5}$/u.test(g.key) && g.adminUnit.level === "COMMUNE")).toBe(true);
  });
});
