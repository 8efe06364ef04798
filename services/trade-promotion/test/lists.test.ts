import { ADMIN_UNIT_VERSIONS, communeCodeOn, recordDistrictOn } from "@kttt/reference";
import { startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;
beforeAll(async () => {
  s = await startTestTradePromotion("demo");
});
afterAll(() => s?.stop());

const EVENTS = `query($filter: TradeEventFilter, $orderBy: TradeEventOrder, $first: Int, $after: String) {
  tradeEvents(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name type format scope startsOn endsOn adminUnitCode illustrative } } }`;
const events = async (variables: Record<string, unknown>) => {
  const res = await s.query(EVENTS, variables);
  expect(res.errors).toBeUndefined();
  return res.data.tradeEvents;
};

describe("tradeEvents", () => {
  it("finds the 2022 fair without diacritics", async () => {
    const page = await events({ filter: { search: "hoi cho dac san ha tinh 2022" } });
    expect(page.nodes.map((e: any) => e.name)).toEqual(["Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022"]);
  });

  it("filters by type, format, scope and dates, as SQL counts them", async () => {
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{ type: "FAIR" }, "type = $1", ["FAIR"]],
      [{ format: "ONLINE" }, "format = $1", ["ONLINE"]],
      [{ scope: "REGIONAL" }, "scope = $1", ["REGIONAL"]],
      [{ from: "2023-01-01", to: "2023-12-31" }, "ends_on >= $1 AND starts_on <= $2", ["2023-01-01", "2023-12-31"]],
    ];
    for (const [filter, where, params] of cases) {
      const page = await events({ filter, first: 100 });
      const [{ count }] = await s.service.dataSource.query(`SELECT count(*)::int AS count FROM trade_event WHERE ${where}`, params);
      expect(count).toBeGreaterThan(0);
      expect(page.totalCount).toBe(count);
      expect(page.nodes).toHaveLength(count);
    }
  });

  it("filters by unit on its date: held there, or with a participant whose commune lay there then", async () => {
    // Vũ Quang judged on its last day (the default for an ended district) and on the mid-2024 map.
    for (const [asOf, date] of [
      [undefined, "2025-06-30"],
      ["2024-07-15", "2024-07-15"],
    ] as const) {
      const page = await events({ filter: { adminUnitCode: "441", ...(asOf ? { adminUnitAsOf: asOf } : {}) }, first: 100 });
      const communes = ADMIN_UNIT_VERSIONS.filter((v) => v.level === "COMMUNE" && recordDistrictOn(v.id, date)?.code === "441").map((v) => v.id);
      const [{ count }] = await s.service.dataSource.query(
        `SELECT count(*)::int AS count FROM trade_event e WHERE e.admin_unit_code = '441'
           OR EXISTS (SELECT 1 FROM trade_participation p WHERE p.event_id = e.id AND (p.commune_id = ANY($1) OR (p.commune_id IS NULL AND p.admin_unit_code = '441')))`,
        [communes],
      );
      expect(page.totalCount).toBe(count);
      expect(count).toBeGreaterThan(0);
    }
    // Participants who lay in Vũ Quang take part after 2025-07-01 too, registered under today's communes: the district still finds them.
    const later = await events({ filter: { adminUnitCode: "441", from: "2025-07-01" }, first: 100 });
    expect(later.totalCount).toBeGreaterThan(0);
  });

  it("filters by a 2025 commune: what lies in xã Vũ Quang today, through the communes that went into it", async () => {
    const page = await events({ filter: { adminUnitCode: "18313" }, first: 100 });
    const whole = ADMIN_UNIT_VERSIONS.filter((v) => v.level === "COMMUNE" && communeCodeOn(v.id, null, "2026-01-01") === "18313").map((v) => v.id);
    const [{ count }] = await s.service.dataSource.query(
      `SELECT count(*)::int AS count FROM trade_event e WHERE e.admin_unit_code = ANY($2)
         OR EXISTS (SELECT 1 FROM trade_participation p WHERE p.event_id = e.id AND p.commune_id = ANY($1))`,
      [whole, [...new Set(whole.map((id) => id.split("@")[0]))]],
    );
    expect(count).toBeGreaterThan(0);
    expect(page.totalCount).toBe(count);
  });

  it("walks keyset pages of every order without gaps or repeats", async () => {
    for (const orderBy of ["STARTS_ON_DESC", "STARTS_ON_ASC", "NAME_ASC"]) {
      const all = (await events({ orderBy, first: 100 })).nodes.map((e: any) => e.id);
      const walked: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await events({ orderBy, first: 4, after });
        walked.push(...page.nodes.map((e: any) => e.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(walked).toEqual(all);
      expect(new Set(walked).size).toBe(all.length);
    }
    const desc = (await events({ first: 100 })).nodes.map((e: any) => e.startsOn);
    expect([...desc].sort().reverse()).toEqual(desc);
  });

  it("answers tradeEvent with its participants and their products", async () => {
    const [{ id }] = await s.service.dataSource.query(`SELECT id FROM trade_event WHERE starts_on = '2022-01-21'`);
    const res = await s.query(
      `query($id: ID!) { tradeEvent(id: $id) { name boothCount participations(first: 100) { totalCount nodes { booths participant { __typename ... on Cooperative { id } ... on CooperativeGroup { id } ... on OcopLocalOwner { id } } products { id } event { id } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const event = res.data.tradeEvent;
    expect(event.boothCount).toBe(100);
    expect(event.participations.totalCount).toBe(40);
    for (const p of event.participations.nodes) {
      expect(p.event.id).toBe(id);
      expect(p.products.length).toBeGreaterThan(0);
    }
    expect((await s.query(`{ tradeEvent(id: "not-an-id") { id } }`)).data.tradeEvent).toBeNull();
  });

  it("refuses a period that ends before it starts and a bad unit code", async () => {
    let res = await s.query(EVENTS, { filter: { from: "2024-01-01", to: "2023-01-01" } });
    expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.to", reason: "TO_BEFORE_FROM" });
    res = await s.query(EVENTS, { filter: { adminUnitCode: "44" } });
    expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("listings and links", () => {
  it("lists listings on sale on a date and links found without diacritics", async () => {
    const res =
      await s.query(`{ ecommerceListings(filter: { activeOn: "2024-06-30" }, first: 100) { totalCount nodes { listedOn delistedOn platformLabel product { id } owner { __typename } } }
      supplyDemandLinks(filter: { search: "cong ty" }, first: 100) { totalCount nodes { buyer value } } }`);
    expect(res.errors).toBeUndefined();
    const [{ count }] = await s.service.dataSource.query(
      `SELECT count(*)::int AS count FROM ecommerce_listing WHERE listed_on <= '2024-06-30' AND (delisted_on IS NULL OR delisted_on >= '2024-06-30')`,
    );
    expect(res.data.ecommerceListings.totalCount).toBe(count);
    expect(res.data.supplyDemandLinks.totalCount).toBeGreaterThan(0);
    for (const l of res.data.supplyDemandLinks.nodes) expect(l.buyer).toMatch(/Công ty/u);
  });
});
