/**
 * End to end (issue 13): trade participants and support beneficiaries lie in a commune with dates; their statistics
 * follow the period's map (13 districts for 2024, the 69 communes after 2025-07-01) or today's communes on request;
 * unit filters work for their period; writes check units by date. The real gateway and all four subgraphs.
 */
import { demoOrganizations } from "@kttt/demo";
import { graphql } from "@kttt/testkit";
import { communeCodeOn, unitById, unitsOn } from "@kttt/reference";
import { startTestGraph, type TestGraph } from "./graph";

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
}, 120_000);
afterAll(() => graph?.stop());

const ask = async (query: string, variables?: Record<string, unknown>) => {
  const res = await graphql(graph.gateway.url, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
};
const db = (name: string) => (graph.subgraphs[name] as any).service.dataSource;
const sum = (groups: any[], field: string) => groups.reduce((a: bigint, g: any) => a + BigInt(g.figures[field]), 0n);
const CODES_2025 = new Set(
  unitsOn("2025-07-01")
    .filter((u) => u.level === "COMMUNE")
    .map((u) => u.code),
);

describe("trade participants in communes, through the gateway", () => {
  it("serves a participant's recorded commune as it was (a code a 2025 commune reuses), its district then and its commune today", async () => {
    // A 2024 participation whose mid-2024 commune's code was taken over by a 2025 commune: only the version id tells them apart.
    const [row] = await db("trade-promotion").query(
      `SELECT p.id, p.event_id, p.commune_id FROM trade_participation p JOIN trade_event e ON e.id = p.event_id
       WHERE e.starts_on < '2024-07-01' AND p.commune_id = ANY($1) ORDER BY p.id LIMIT 1`,
      [[...CODES_2025]],
    );
    expect(row).toBeDefined();
    const data = await ask(
      `query($id: ID!) { tradeEvent(id: $id) { participations(first: 100) { nodes { id adminUnitCode communeSince commune { id code name validTo } districtOn(asOf: "2024-07-15") { code name } communeOn { code name level } } } } }`,
      { id: row.event_id },
    );
    const p = data.tradeEvent.participations.nodes.find((n: any) => n.id === row.id);
    const recorded = unitById(row.commune_id)!;
    expect(p.commune).toEqual({ id: recorded.id, code: recorded.code, name: recorded.name, validTo: recorded.validTo });
    expect(p.districtOn.code).toBe(p.adminUnitCode);
    const todayCode = communeCodeOn(row.commune_id, null, "2026-01-01");
    expect(p.communeOn?.code ?? null).toBe(todayCode);
    if (p.communeOn) expect(p.communeOn.level).toBe("COMMUNE");
  });

  it("keeps the 2024 statistics by the 13 districts, figures unchanged, and groups 2025 by the 69 communes", async () => {
    const data = await ask(`{
      y2024: tradePromotionStatistics(year: 2024, groupBy: ADMIN_UNIT) { unitMapDate total { participations sales events } groups { key adminUnit { code level } figures { participations sales events } } }
      y2025: tradePromotionStatistics(year: 2025, groupBy: ADMIN_UNIT) { unitMapDate total { participations sales events } groups { key label adminUnit { code level name } figures { participations sales events } } }
    }`);
    // 2024: by district, as the rows' registered unit says (the figures before communes were recorded).
    const before = await db("trade-promotion").query(
      `SELECT p.admin_unit_code AS key, count(*)::int AS participations, sum(p.sales_amount)::text AS sales
       FROM trade_participation p JOIN trade_event e ON e.id = p.event_id WHERE e.starts_on <= '2024-12-31' AND e.ends_on >= '2024-01-01' GROUP BY 1 ORDER BY 1`,
    );
    const districts = data.y2024.groups.filter((g: any) => g.key !== "NONE");
    expect(data.y2024.unitMapDate).toBe("2024-12-31");
    expect(districts.every((g: any) => g.adminUnit.level === "DISTRICT")).toBe(true);
    expect(
      districts
        .filter((g: any) => g.figures.participations > 0)
        .map((g: any) => ({ key: g.key, participations: g.figures.participations, sales: g.figures.sales })),
    ).toEqual(before);
    // 2025: the map of 2025-12-31 (the communes); participations of January–June 2025 follow their communes there.
    const y2025 = data.y2025;
    expect(y2025.unitMapDate).toBe("2025-12-31");
    for (const field of ["participations", "sales", "events"]) expect(sum(y2025.groups, field)).toBe(BigInt(y2025.total[field]));
    const units = y2025.groups.filter((g: any) => g.key !== null && g.key !== "NONE");
    expect(units.length).toBeGreaterThan(20);
    for (const g of units) {
      expect(CODES_2025.has(g.key)).toBe(true);
      expect(g.adminUnit).toMatchObject({ code: g.key, level: "COMMUNE" });
    }
  });

  it("re-cuts 2024 by today's communes: the groups add up to the province's totals, the unplaced counted apart", async () => {
    const data = await ask(`{
      tradePromotionStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { unitMapDate total { participations sales } groups { key label adminUnit { code level } figures { participations sales } } }
    }`);
    const stats = data.tradePromotionStatistics;
    expect(sum(stats.groups, "participations")).toBe(BigInt(stats.total.participations));
    expect(sum(stats.groups, "sales")).toBe(BigInt(stats.total.sales));
    for (const g of stats.groups.filter((x: any) => x.key !== null && x.key !== "NONE")) expect(CODES_2025.has(g.key)).toBe(true);
    // Participants whose commune was split or whose successor is unknown: counted, not dropped.
    const rows = await db("trade-promotion").query(
      `SELECT p.commune_id FROM trade_participation p JOIN trade_event e ON e.id = p.event_id WHERE e.starts_on <= '2024-12-31' AND e.ends_on >= '2024-01-01'`,
    );
    const n = rows.filter((r: any) => communeCodeOn(r.commune_id, null, stats.unitMapDate) === null).length;
    const unplaced = stats.groups.find((g: any) => g.key === null);
    expect(unplaced?.figures.participations ?? 0).toBe(n);
    if (unplaced) expect(unplaced.label).toMatch(/Chưa xác định/u);
  });

  it("finds the events that reach a 2025 commune, and refuses district 444 for a 2026 participation naming its communes", async () => {
    const pomelo = await ask(`{ tradeEvents(filter: { adminUnitCode: "18547" }, first: 50) { nodes { name adminUnit { name } } } }`);
    expect(pomelo.tradeEvents.nodes.map((e: any) => e.name)).toContain("Tuần lễ bưởi Phúc Trạch và nông sản Hương Khê năm 2026");
    const fair = (await ask(`{ tradeEvents(filter: { search: "Binh Ngo 2026" }) { nodes { id } } }`)).tradeEvents.nodes[0];
    const taken = new Set(
      (await db("trade-promotion").query(`SELECT participant_id FROM trade_participation WHERE event_id = $1`, [fair.id])).map((r: any) => r.participant_id),
    );
    const org = demoOrganizations().find(
      (o) =>
        o.kind === "COOPERATIVE" &&
        o.adminUnitCode === "444" &&
        o.status === "ACTIVE" &&
        !taken.has(o.id) &&
        communeCodeOn(o.communeCode, null, "2026-01-28") !== null,
    )!;
    const mutation = `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { adminUnitCode communeSince commune { code } communeOn { code } } }`;
    const input = { eventId: fair.id, participant: { kind: "COOPERATIVE", id: org.id }, adminUnitCode: "444", productIds: [] };
    const refused = await graphql(graph.gateway.url, mutation, { input });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(refused.errors?.[0].message).toMatch(/Huyện Hương Khê \(444\) no longer existed on 2026-01-28.*Xã Phúc Trạch \(18547, part\)/u);
    const commune = communeCodeOn(org.communeCode, null, "2026-01-28")!;
    const accepted = await ask(mutation, { input: { ...input, adminUnitCode: commune } });
    expect(accepted.registerTradeParticipation).toEqual({
      adminUnitCode: commune,
      communeSince: "2026-01-28",
      commune: { code: commune },
      communeOn: { code: commune },
    });
  });
});

describe("trade events in communes, through the gateway", () => {
  it("records where a fair is held: the commune since its first day in the province, none online or where only a district is known", async () => {
    const data = await ask(`{ tradeEvents(first: 100, filter: { from: "2024-01-01" }) { nodes { name format startsOn adminUnitCode illustrative
      adminUnit { id } commune { id code level } communeSince communeOn { code } districtOn(asOf: "2025-03-01") { code } } } }`);
    const events = data.tradeEvents.nodes;
    const pomelo = events.find((e: any) => e.name === "Tuần lễ bưởi Phúc Trạch và nông sản Hương Khê năm 2026");
    const held = unitById(unitsOn(pomelo.startsOn).find((u) => u.code === "18547")!.id)!;
    expect(pomelo).toMatchObject({ illustrative: true, communeSince: pomelo.startsOn, commune: { id: held.id, code: "18547", level: "COMMUNE" } });
    expect(pomelo.adminUnit.id).toBe(held.id);
    expect(pomelo.communeOn).toEqual({ code: "18547" });
    expect(pomelo.districtOn).toBeNull();
    for (const e of events) {
      // A commune exactly when the event was recorded under a commune code; never for one held online or outside the province.
      if (e.adminUnitCode === null) expect({ name: e.name, commune: e.commune, since: e.communeSince }).toEqual({ name: e.name, commune: null, since: null });
      else if (e.adminUnitCode.length === 3) expect(e.commune).toBeNull();
      else expect(e.commune.code).toBe(e.adminUnitCode);
    }
    expect(events.some((e: any) => e.format === "ONLINE")).toBe(true);
    expect(events.filter((e: any) => e.commune !== null).length).toBeGreaterThan(1);
    // The stored rows agree: no commune without a unit, and the commune's date is the first day.
    const rows = await db("trade-promotion").query(
      `SELECT count(*)::int AS n FROM trade_event WHERE (commune_id IS NOT NULL AND (admin_unit_code IS NULL OR commune_since <> starts_on))`,
    );
    expect(rows[0].n).toBe(0);
  });

  it("counts an event under the commune it was held in, and groups by the 69 communes in one statement per subgraph", async () => {
    const trade = graph.subgraphs["trade-promotion"].service.statements;
    const policy = graph.subgraphs["policy-support"].service.statements;
    trade.start();
    policy.start();
    const data = await ask(`{
      tradePromotionStatistics(year: 2026, groupBy: ADMIN_UNIT) { unitMapDate total { events } groups { key adminUnit { code level } figures { events } } }
      policySupportStatistics(year: 2026, groupBy: ADMIN_UNIT) { groups { key } }
    }`);
    expect(trade.stop()).toBe(1);
    expect(policy.stop()).toBe(1);
    const stats = data.tradePromotionStatistics;
    expect(sum(stats.groups, "events")).toBe(BigInt(stats.total.events));
    const rows = await db("trade-promotion").query(
      `SELECT commune_id, admin_unit_code FROM trade_event WHERE starts_on <= '2026-12-31' AND ends_on >= '2026-01-01' AND admin_unit_code IS NOT NULL`,
    );
    const expected = new Map<string, number>();
    for (const r of rows) {
      const key = r.commune_id
        ? (communeCodeOn(r.commune_id, null, stats.unitMapDate) ?? "UNPLACED")
        : r.admin_unit_code.length === 5
          ? r.admin_unit_code
          : "UNPLACED";
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const [key, n] of expected) if (key !== "UNPLACED") expect(stats.groups.find((g: any) => g.key === key)?.figures.events).toBe(n);
    expect(stats.groups.find((g: any) => g.key === "18547")?.adminUnit).toEqual({ code: "18547", level: "COMMUNE" });
  });
});

describe("listings and supply-demand links in their sellers' communes, through the gateway", () => {
  it("serves the seller's recorded commune and its commune today, filters listings by a 2025 commune and counts them there", async () => {
    const [row] = await db("trade-promotion").query(
      `SELECT commune_id FROM ecommerce_listing WHERE commune_id IS NOT NULL AND product_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    expect(row).toBeDefined();
    const today = communeCodeOn(row.commune_id, null, "2026-06-30")!;
    expect(today).not.toBeNull();
    const listings = await db("trade-promotion").query(`SELECT id, commune_id FROM ecommerce_listing`);
    const lyingThere = listings.filter((l: any) => communeCodeOn(l.commune_id, null, "2026-06-30") === today).map((l: any) => l.id);
    const data = await ask(
      `query($code: String!) { ecommerceListings(first: 100, filter: { adminUnitCode: $code }) { totalCount nodes { id communeSince commune { id } communeOn { code } } } }`,
      { code: today },
    );
    expect(data.ecommerceListings.totalCount).toBe(lyingThere.length);
    expect(new Set(data.ecommerceListings.nodes.map((n: any) => n.id))).toEqual(new Set(lyingThere));
    for (const n of data.ecommerceListings.nodes) {
      expect(n.communeOn).toEqual({ code: today });
      expect(n.communeSince).not.toBeNull();
    }
    // Re-cut by today's communes, listings' owners and links count under the sellers' communes today.
    const stats = (
      await ask(
        `{ tradePromotionStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { total { supplyDemandLinks } groups { key figures { supplyDemandLinks } } } }`,
      )
    ).tradePromotionStatistics;
    const links = await db("trade-promotion").query(`SELECT commune_id FROM supply_demand_link WHERE agreed_on BETWEEN '2024-01-01' AND '2024-12-31'`);
    const expected = links.filter((l: any) => communeCodeOn(l.commune_id, null, "2026-06-30") === today).length;
    expect(stats.groups.find((g: any) => g.key === today)?.figures.supplyDemandLinks ?? 0).toBe(expected);
    expect(sum(stats.groups, "supplyDemandLinks")).toBe(BigInt(stats.total.supplyDemandLinks));
  });
});

describe("support beneficiaries and district agencies in communes, through the gateway", () => {
  it("keeps 2024 by the 13 districts with the figures of the rows, and groups 2026 by the communes", async () => {
    const data = await ask(`{
      y2024: policySupportStatistics(year: 2024, groupBy: ADMIN_UNIT) { unitMapDate total { planned disbursed } groups { key adminUnit { code level } figures { planned disbursed allocationCount } } }
      y2026: policySupportStatistics(year: 2026, groupBy: ADMIN_UNIT) { unitMapDate total { planned disbursed allocationCount } groups { key adminUnit { code level name } figures { planned allocationCount } } }
    }`);
    const before = await db("policy-support").query(
      `SELECT admin_unit_code AS key, sum(planned_amount)::text AS planned, sum(disbursed_amount)::text AS disbursed, count(*)::int AS "allocationCount"
       FROM support_beneficiary WHERE approved_on BETWEEN '2024-01-01' AND '2024-12-31' GROUP BY 1 ORDER BY 1`,
    );
    expect(data.y2024.groups).toHaveLength(13);
    expect(data.y2024.groups.map((g: any) => ({ key: g.key, ...g.figures }))).toEqual(before);
    expect(data.y2024.groups.every((g: any) => g.adminUnit.level === "DISTRICT")).toBe(true);
    const y2026 = data.y2026;
    expect(y2026.total.allocationCount).toBeGreaterThan(100);
    expect(sum(y2026.groups, "planned")).toBe(BigInt(y2026.total.planned));
    expect(y2026.groups.every((g: any) => g.key !== null && CODES_2025.has(g.key) && g.adminUnit.level === "COMMUNE")).toBe(true);
    expect(y2026.groups.length).toBeGreaterThan(40);
  });

  it("re-cuts 2024 by today's communes, adding up to the province with the unplaced counted apart", async () => {
    const data = await ask(
      `{ policySupportStatistics(year: 2024, groupBy: ADMIN_UNIT, unitMap: TODAY) { total { planned allocationCount } groups { key label figures { planned allocationCount } } } }`,
    );
    const stats = data.policySupportStatistics;
    expect(sum(stats.groups, "planned")).toBe(BigInt(stats.total.planned));
    expect(sum(stats.groups, "allocationCount")).toBe(BigInt(stats.total.allocationCount));
    const rows = await db("policy-support").query(`SELECT commune_id FROM support_beneficiary WHERE approved_on BETWEEN '2024-01-01' AND '2024-12-31'`);
    const unplaced = rows.filter((r: any) => communeCodeOn(r.commune_id, null, "2026-01-01") === null).length;
    expect(stats.groups.find((g: any) => g.key === null)?.figures.allocationCount ?? 0).toBe(unplaced);
    for (const g of stats.groups.filter((x: any) => x.key !== null)) expect(CODES_2025.has(g.key)).toBe(true);
  });

  it("ends the district committees with their districts and names where their area lay next", async () => {
    const data = await ask(`{ agencies(kind: DISTRICT_COMMITTEE) { code validTo adminUnit { code validTo } successorUnits { code name level } } }`);
    const by = Object.fromEntries(data.agencies.map((a: any) => [a.code, a]));
    expect(by["UBND-448"]).toMatchObject({ validTo: "2024-12-31", adminUnit: { code: "448", validTo: "2024-12-31" } });
    expect(by["UBND-448"].successorUnits.map((u: any) => u.code).sort()).toEqual(["436", "445"]);
    expect(by["UBND-444"].validTo).toBe("2025-06-30");
    expect(by["UBND-444"].successorUnits.map((u: any) => u.code)).toContain("18547");
    expect(by["UBND-444"].successorUnits.every((u: any) => u.level === "COMMUNE")).toBe(true);
  });

  it("models every agency's seat commune as not known (null), saying so, never guessed from its district", async () => {
    const data = await ask(`{ agencies { code kind commune { id } communeSince } __type(name: "Agency") { fields { name description } } }`);
    expect(data.agencies.length).toBeGreaterThan(13);
    expect(data.agencies.filter((a: any) => a.kind === "DISTRICT_COMMITTEE")).toHaveLength(13);
    for (const a of data.agencies)
      expect({ code: a.code, commune: a.commune, communeSince: a.communeSince }).toEqual({ code: a.code, commune: null, communeSince: null });
    const commune = data.__type.fields.find((f: any) => f.name === "commune");
    expect(commune.description).toMatch(/Not known: the sources give no seat/u);
    const rows = await db("policy-support").query(`SELECT count(*)::int AS n FROM agency WHERE commune_id IS NOT NULL OR commune_since IS NOT NULL`);
    expect(rows[0].n).toBe(0);
  });

  it("refuses a beneficiary under district 444 after 2025-06-30, naming the communes that replaced it", async () => {
    const programme = (await ask(`{ supportProgrammes(first: 1, filter: { agency: "SO-CT", year: 2026 }) { nodes { id } } }`)).supportProgrammes.nodes[0];
    const org = demoOrganizations().find((o) => o.kind === "COOPERATIVE" && o.adminUnitCode === "444" && o.status === "ACTIVE")!;
    const res = await graphql(
      graph.gateway.url,
      `
        mutation ($input: RecordBeneficiaryInput!) {
          recordBeneficiary(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          programmeId: programme.id,
          organizationId: org.id,
          organizationKind: "COOPERATIVE",
          adminUnitCode: "444",
          fundingSource: "PROVINCIAL",
          support: "Gian hàng hội chợ",
          plannedAmount: "1000000",
          approvedOn: "2026-03-02",
        },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(res.errors?.[0].message).toMatch(/Xã Phúc Trạch \(18547, part\)/u);
  });
});
