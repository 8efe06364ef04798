/**
 * Classification by date and the illustrative 2025–2026 data, end to end through the gateway: Circular 01/2020
 * ratings refused from its repeal (2025-09-18), size classes only where Decree 113/2024's thresholds are known,
 * 2025 figures on today's 69 communes, and the overview of the second half of 2025 by commune.
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

async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await graphql(gateway.url, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}
const sql = async (text: string, params: unknown[] = []): Promise<any[]> => membership.service.dataSource.query(text, params);

const RECORD = /* GraphQL */ `
  mutation ($input: RecordClassificationInput!) {
    recordClassification(input: $input) {
      year
      scheme
      assessedOn
      score
      rating
      ratingLabel
      schemeName
      grade
      sizeClass
      sizeClassLabel
      version
    }
  }
`;

/** A cooperative of a sector, open since before 2020, with no classification of `year` under `scheme`. */
async function cooperative(sector: string, year: number, scheme: string, extra = "TRUE"): Promise<{ id: string; official: number }> {
  const [row] = await sql(
    `SELECT o.id, (SELECT count(*)::int FROM member m WHERE m.organization_id = o.id AND m.membership_type = 'OFFICIAL' AND m.left_on IS NULL) AS official
     FROM organization o WHERE o.kind = 'COOPERATIVE' AND o.status = 'ACTIVE' AND o.sector = $1 AND o.established_on < '2020-01-01'
       AND NOT EXISTS (SELECT 1 FROM classification c WHERE c.organization_id = o.id AND c.year = $2 AND c.scheme = $3) AND ${extra}
     ORDER BY o.id LIMIT 1`,
    [sector, year, scheme],
  );
  expect(row).toBeDefined();
  return row;
}

describe("Circular 01/2020 ratings by date", () => {
  it("refuses a rating dated on or after 2025-09-18, saying why, and keeps nothing", async () => {
    const coop = await cooperative("AGRICULTURE", 2025, "CIRCULAR_01_2020");
    for (const assessedOn of ["2025-09-18", "2026-02-10"]) {
      const res = await graphql(gateway.url, RECORD, { input: { organizationId: coop.id, year: 2025, assessedOn, score: 85, rating: "GOOD" } });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.scheme",
        reason: "RATING_SCHEME_REPEALED",
        details: { repealedFrom: "2025-09-18", repealedBy: "Thông tư 78/2025/TT-BTC" },
      });
      expect(res.errors?.[0].message).toBe(
        `Circular 01/2020/TT-BKHĐT was repealed by Thông tư 78/2025/TT-BTC from 2025-09-18: an assessment dated ${assessedOn} carries no national rating ` +
          "(Tốt, Khá, Trung bình, Yếu). Record it under ALLIANCE with the name of the Alliance's scheme, or record no rating.",
      );
    }
    // NOT_RATED is a Circular 01/2020 result too: refused alike.
    const notRated = await graphql(gateway.url, RECORD, {
      input: { organizationId: coop.id, year: 2025, assessedOn: "2025-12-01", rating: "NOT_RATED", notRatedReason: "Tạm ngừng hoạt động" },
    });
    expect(notRated.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "RATING_SCHEME_REPEALED" });
    expect(await sql(`SELECT 1 FROM classification WHERE organization_id = $1 AND year = 2025 AND scheme = 'CIRCULAR_01_2020'`, [coop.id])).toHaveLength(0);
    // The day before the repeal the circular still applies.
    const before = await ask(RECORD, { input: { organizationId: coop.id, year: 2025, assessedOn: "2025-09-17", score: 66, rating: "FAIR" } });
    expect(before.recordClassification).toMatchObject({ assessedOn: "2025-09-17", rating: "FAIR", ratingLabel: "Khá", sizeClass: null, schemeName: null });
  });

  it("records a later assessment under a scheme the Alliance names, with no national rating", async () => {
    const coop = await cooperative("TRADE_SERVICES", 2025, "ALLIANCE");
    const input = {
      organizationId: coop.id,
      year: 2025,
      scheme: "ALLIANCE",
      assessedOn: "2026-02-10",
      schemeName: "Bộ tiêu chí đánh giá của Liên minh HTX tỉnh",
      grade: "Hoàn thành tốt",
    };
    const refused = await graphql(gateway.url, RECORD, { input: { ...input, rating: "GOOD" } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.rating", reason: "NOT_IN_SCHEME" });
    const unnamed = await graphql(gateway.url, RECORD, { input: { ...input, schemeName: undefined } });
    expect(unnamed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.schemeName", reason: "SCHEME_NAME_REQUIRED" });
    const done = await ask(RECORD, { input });
    expect(done.recordClassification).toEqual({
      year: 2025,
      scheme: "ALLIANCE",
      assessedOn: "2026-02-10",
      score: null,
      rating: null,
      ratingLabel: null,
      schemeName: "Bộ tiêu chí đánh giá của Liên minh HTX tỉnh",
      grade: "Hoàn thành tốt",
      sizeClass: null,
      sizeClassLabel: null,
      version: 1,
    });
  });

  it("leaves 2025's cooperatives without a national rating in the statistics, and keeps 2024's", async () => {
    const data = await ask(`{ y2024: membershipStatistics(year: 2024) { total { ratingCounts { good fair average weak notRated unclassified } } }
                              y2025: membershipStatistics(year: 2025) { total { cooperativeCount ratingCounts { good fair average weak notRated unclassified } } } }`);
    expect(data.y2024.total.ratingCounts).toEqual({ good: 118, fair: 258, average: 343, weak: 224, notRated: 32, unclassified: 0 });
    const r = data.y2025.total.ratingCounts;
    // Only what a test of this file recorded before the repeal can carry a 2025 rating.
    const [{ rated }] = await sql(`SELECT count(*)::int AS rated FROM classification WHERE year = 2025 AND scheme = 'CIRCULAR_01_2020'`);
    expect(r.good + r.fair + r.average + r.weak + r.notRated).toBe(rated);
    expect(r.unclassified).toBe(data.y2025.total.cooperativeCount - rated);
  });
});

describe("size classes under Decree 113/2024", () => {
  it("is NOT_DETERMINED where the decree's thresholds are not known, and refuses a class it cannot check", async () => {
    const coop = await cooperative("TRADE_SERVICES", 2023, "DECREE_113_2024");
    const input = { organizationId: coop.id, year: 2023, scheme: "DECREE_113_2024", assessedOn: "2024-11-15" };
    const refused = await graphql(gateway.url, RECORD, { input: { ...input, sizeClass: "SMALL" } });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.sizeClass",
      reason: "SIZE_CLASS_MISMATCH",
      details: { expectedSizeClass: "NOT_DETERMINED" },
    });
    expect(refused.errors?.[0].message).toMatch(/is Chưa xác định, not Nhỏ\. Thresholds known: agriculture/u);
    const early = await graphql(gateway.url, RECORD, { input: { ...input, assessedOn: "2024-10-31" } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.scheme", reason: "SCHEME_NOT_IN_FORCE" });
    const done = await ask(RECORD, { input });
    expect(done.recordClassification).toMatchObject({ scheme: "DECREE_113_2024", rating: null, sizeClass: "NOT_DETERMINED", sizeClassLabel: "Chưa xác định" });
  });

  it("follows the known agricultural thresholds: under 50 official members is micro", async () => {
    const coop = await cooperative(
      "AGRICULTURE",
      2023,
      "DECREE_113_2024",
      `(SELECT count(*) FROM member m WHERE m.organization_id = o.id AND m.membership_type = 'OFFICIAL' AND m.left_on IS NULL) < 50`,
    );
    expect(coop.official).toBeLessThan(50);
    const done = await ask(RECORD, { input: { organizationId: coop.id, year: 2023, scheme: "DECREE_113_2024", assessedOn: "2025-01-20", sizeClass: "MICRO" } });
    expect(done.recordClassification).toMatchObject({ sizeClass: "MICRO", sizeClassLabel: "Siêu nhỏ" });
  });

  it("the demo's size classes come from the known thresholds only, and the statistics count them", async () => {
    const rows: { field: string; size_class: string; n: number }[] = await sql(
      `SELECT CASE WHEN o.sector = 'AGRICULTURE' THEN 'AGRICULTURE' WHEN o.sector IN ('INDUSTRY_HANDICRAFT', 'CONSTRUCTION') THEN 'INDUSTRY' ELSE 'OTHER' END AS field,
              c.size_class, count(*)::int AS n
       FROM classification c JOIN organization o ON o.id = c.organization_id WHERE c.scheme = 'DECREE_113_2024' AND c.year = 2024 GROUP BY 1, 2`,
    );
    // Nothing but NOT_DETERMINED outside agriculture, except a large industrial cooperative (the only threshold known there).
    for (const r of rows.filter((x) => x.field === "OTHER")) expect(r.size_class).toBe("NOT_DETERMINED");
    for (const r of rows.filter((x) => x.field === "INDUSTRY")) expect(["NOT_DETERMINED", "LARGE"]).toContain(r.size_class);
    expect(rows.some((r) => r.field === "AGRICULTURE" && r.size_class === "MICRO")).toBe(true);
    const data = await ask(
      `{ membershipStatistics(year: 2024) { total { cooperativeCount sizeClassCounts { micro small medium large notDetermined unclassified } } } }`,
    );
    const counts = data.membershipStatistics.total.sizeClassCounts;
    const expected = (cls: string) => rows.filter((r) => r.size_class === cls).reduce((a, r) => a + r.n, 0);
    expect(counts).toEqual({
      micro: expected("MICRO"),
      small: expected("SMALL"),
      medium: expected("MEDIUM"),
      large: expected("LARGE"),
      notDetermined: expected("NOT_DETERMINED"),
      unclassified: 0,
    });
    expect(counts.micro + counts.small + counts.medium + counts.large + counts.notDetermined).toBe(975);
    const bySize = await ask(`{ membershipStatistics(year: 2024, groupBy: SIZE_CLASS) { groups { key label figures { cooperativeCount } } } }`);
    const notDetermined = bySize.membershipStatistics.groups.find((g: any) => g.key === "NOT_DETERMINED");
    expect(notDetermined).toEqual({ key: "NOT_DETERMINED", label: "Chưa xác định", figures: { cooperativeCount: counts.notDetermined } });
  });
});

describe("the illustrative data of 2025 and the first half of 2026", () => {
  const communes2025: { code: string; name: string }[] = parse(readFileSync(join(SHARED_ADMIN_UNITS_DIR, "ha-tinh-communes-2025.csv"), "utf8"), {
    columns: true,
  });
  const codes2025 = new Set(communes2025.map((c) => c.code));

  it("lies on today's map: 2025 figures by the 69 communes, new registrations found by their 2025 commune, dissolutions counted", async () => {
    const data = await ask(`{ membershipStatistics(year: 2025, groupBy: ADMIN_UNIT) {
      asOf unitMapDate total { cooperativeCount groupCount reportingCooperativeCount revenue { total } }
      groups { key adminUnit { code level } figures { cooperativeCount reportingCooperativeCount revenue { total } } } } }`);
    const stats = data.membershipStatistics;
    expect(stats.unitMapDate).toBe("2025-12-31");
    const [expected] = await sql(
      `SELECT count(*) FILTER (WHERE kind = 'COOPERATIVE')::int AS coops, count(*) FILTER (WHERE kind = 'COOPERATIVE_GROUP')::int AS groups,
              count(*) FILTER (WHERE kind = 'COOPERATIVE' AND established_on >= '2025-07-01')::int AS new_coops,
              count(*) FILTER (WHERE kind = 'COOPERATIVE' AND dissolved_on BETWEEN '2025-01-01' AND '2025-12-31')::int AS dissolved
       FROM organization WHERE established_on <= '2025-12-31' AND (dissolved_on IS NULL OR dissolved_on > '2025-12-31')`,
    );
    expect(stats.total.cooperativeCount).toBe(expected.coops);
    expect(stats.total.groupCount).toBe(expected.groups);
    expect(expected.new_coops).toBeGreaterThan(0);
    expect(stats.total.cooperativeCount).toBe(
      975 +
        expected.new_coops -
        (await sql(`SELECT count(*)::int AS n FROM organization WHERE kind = 'COOPERATIVE' AND dissolved_on BETWEEN '2025-01-01' AND '2025-12-31'`))[0].n,
    );
    expect(stats.total.reportingCooperativeCount).toBe(stats.total.cooperativeCount);
    expect(BigInt(stats.total.revenue.total)).toBeGreaterThan(0n);
    for (const g of stats.groups) {
      if (g.key === null) continue;
      expect(codes2025.has(g.key)).toBe(true);
      expect(g.adminUnit.level).toBe("COMMUNE");
    }
    // A cooperative registered since 2025-07-01 is found by its 2025 commune, and is counted there.
    const [latest] = await sql(
      `SELECT name, admin_unit_code FROM organization WHERE kind = 'COOPERATIVE' AND established_on BETWEEN '2025-07-01' AND '2025-12-31' ORDER BY established_on LIMIT 1`,
    );
    expect(codes2025.has(latest.admin_unit_code)).toBe(true);
    const found = await ask(
      `query($code: String!) { cooperatives(first: 100, filter: { adminUnitCode: $code }) { nodes { name communeOn { code } financialReport(year: 2025) { revenue } classifications { year scheme rating sizeClass } } } }`,
      { code: latest.admin_unit_code },
    );
    const node = found.cooperatives.nodes.find((n: any) => n.name === latest.name);
    expect(node.communeOn.code).toBe(latest.admin_unit_code);
    expect(BigInt(node.financialReport.revenue)).toBeGreaterThan(0n);
    expect(stats.groups.find((g: any) => g.key === latest.admin_unit_code).figures.cooperativeCount).toBeGreaterThan(0);
    // No national rating in the illustrative data after the repeal.
    const [{ late }] = await sql(`SELECT count(*)::int AS late FROM classification WHERE rating IS NOT NULL AND assessed_on >= '2025-09-18'`);
    expect(late).toBe(0);
  });

  it("the overview of the second half of 2025 lists the 69 communes with their figures; the first half of 2024 its 13 districts", async () => {
    const data = await ask(`{
      communes: collectiveEconomyByAdminUnit(period: { year: 2025, half: H2 }) { id adminUnit { code name level } membership { cooperativeCount groupCount revenue { total } } }
      province: collectiveEconomy(period: { year: 2025, half: H2 }) { membership { cooperativeCount groupCount revenue { total } } }
      stats: membershipStatistics(year: 2025, groupBy: ADMIN_UNIT) { groups { key figures { cooperativeCount groupCount revenue { total } } } }
      districts: collectiveEconomyByAdminUnit(period: { year: 2024, half: H1 }) { adminUnit { code level } } }`);
    expect(data.communes).toHaveLength(69);
    expect(data.communes.map((u: any) => [u.adminUnit.code, u.adminUnit.name])).toEqual(
      communes2025.map((c) => [c.code, c.name]).sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(data.communes.every((u: any) => u.adminUnit.level === "COMMUNE" && u.id.startsWith("2025-H2:"))).toBe(true);
    // The communes and the unplaced (split or lost former communes) add up to the province.
    const unplaced = data.stats.groups.find((g: any) => g.key === null)?.figures ?? { cooperativeCount: 0, groupCount: 0, revenue: { total: "0" } };
    const sum = (f: (m: any) => number) => data.communes.reduce((a: number, u: any) => a + f(u.membership), 0);
    expect(sum((m) => m.cooperativeCount) + unplaced.cooperativeCount).toBe(data.province.membership.cooperativeCount);
    expect(sum((m) => m.groupCount) + unplaced.groupCount).toBe(data.province.membership.groupCount);
    expect(BigInt(data.communes.reduce((a: bigint, u: any) => a + BigInt(u.membership.revenue.total), 0n)) + BigInt(unplaced.revenue.total)).toBe(
      BigInt(data.province.membership.revenue.total),
    );
    expect(data.districts).toHaveLength(13);
    expect(data.districts.every((u: any) => u.adminUnit.level === "DISTRICT")).toBe(true);
  });

  it("a commune's trend reaches back before the reform, re-cut by today's map", async () => {
    const data = await ask(`{
      trend: collectiveEconomyTrend(periods: [{ year: 2024, half: H1, asOf: "2024-07-15" }, { year: 2025, half: H2 }], adminUnitCode: "18202") {
        id adminUnit { name } membership { cooperativeCount groupCount } }
      recut: membershipStatistics(year: 2024, asOf: "2024-07-15", groupBy: ADMIN_UNIT, unitMap: TODAY) { groups { key figures { cooperativeCount groupCount } } }
      now: membershipStatistics(year: 2025, groupBy: ADMIN_UNIT) { groups { key figures { cooperativeCount groupCount } } }
      district: collectiveEconomy(period: { year: 2024, half: H1, asOf: "2024-07-15" }, adminUnitCode: "439") { membership { cooperativeCount } } }`);
    const [before, after] = data.trend;
    expect(before.adminUnit.name).toBe("Xã Tứ Mỹ");
    const tuMy = (groups: any[]) => groups.find((g) => g.key === "18202").figures;
    expect(before.membership).toEqual(tuMy(data.recut.groups));
    expect(after.membership).toEqual(tuMy(data.now.groups));
    expect(before.membership.cooperativeCount + before.membership.groupCount).toBeGreaterThan(0);
    // A district of the period's own map keeps what lay in it then.
    expect(data.district.membership.cooperativeCount).toBeGreaterThan(before.membership.cooperativeCount);
  });
});
