import { TradeEvent } from "../src/entities/event";
import { createLoaders } from "../src/loaders";
import { startTestTradePromotion, type TestTradePromotion } from "./helpers";

let s: TestTradePromotion;
let participants: { __typename: string; id: string }[];
let products: string[];
/** Programmes that funded demo events. */
let funding: string[];
beforeAll(async () => {
  s = await startTestTradePromotion("demo");
  const rows = await s.service.dataSource.query(
    `SELECT DISTINCT participant_id AS id, participant_kind AS kind FROM trade_participation ORDER BY participant_id`,
  );
  const typename: Record<string, string> = {
    COOPERATIVE: "Cooperative",
    COOPERATIVE_GROUP: "CooperativeGroup",
    COOPERATIVE_UNION: "CooperativeUnion",
    OCOP_LOCAL_OWNER: "OcopLocalOwner",
  };
  participants = rows.map((r: any) => ({ __typename: typename[r.kind], id: r.id }));
  products = (await s.service.dataSource.query(`SELECT DISTINCT product_id FROM participation_product ORDER BY product_id`)).map((r: any) => r.product_id);
  funding = (
    await s.service.dataSource.query(`SELECT DISTINCT funding_programme_id AS id FROM trade_event WHERE funding_programme_id IS NOT NULL ORDER BY 1`)
  ).map((r: any) => r.id);
});
afterAll(() => s?.stop());

async function countStatements(query: string, variables?: Record<string, unknown>): Promise<{ count: number; statements: string[]; data: any }> {
  s.service.statements.start();
  const res = await s.query(query, variables);
  const count = s.service.statements.stop();
  expect(res.errors).toBeUndefined();
  return { count, statements: [...s.service.statements.statements], data: res.data };
}

const PARTICIPATIONS = `tradeParticipations(first: 5) { totalCount nodes { booths salesAmount products { id } event { name adminUnit { id } } participant { __typename } } }`;
const ORGANIZATIONS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Cooperative { id ${PARTICIPATIONS} } ... on CooperativeGroup { id ${PARTICIPATIONS} } ... on OcopLocalOwner { id ${PARTICIPATIONS} } } }`;
const PRODUCTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OcopProduct { id tradeEvents { name participations(first: 2) { nodes { booths } } } listings { platform } } } }`;

describe("no N+1", () => {
  it("answers tradeParticipations for 10× the cooperatives, groups and local owners in the same number of statements", async () => {
    expect(participants.length).toBeGreaterThanOrEqual(100);
    expect(new Set(participants.slice(0, 100).map((p) => p.__typename)).size).toBeGreaterThanOrEqual(3);
    const represent = (n: number) => participants.slice(0, n);
    const small = await countStatements(ORGANIZATIONS, { r: represent(10) });
    const large = await countStatements(ORGANIZATIONS, { r: represent(100) });
    expect(large.data._entities.every((e: any) => e.tradeParticipations.totalCount > 0)).toBe(true);
    // participations, their products, their events: each once, whatever the number of parents.
    expect(small.count).toBe(3);
    expect(large.count).toBe(small.count);
    for (const sql of large.statements) expect(sql).toMatch(/ANY\(/u);
  });

  it("reads the first page of each participant's participations in one windowed statement, not every participation, and pages on from it", async () => {
    const [busiest] = await s.service.dataSource.query(
      `SELECT participant_id AS id, participant_kind AS kind, count(*)::int AS n FROM trade_participation GROUP BY 1, 2 ORDER BY n DESC, id LIMIT 1`,
    );
    expect(busiest.n).toBeGreaterThan(2);
    const ids: string[] = (
      await s.service.dataSource.query(`SELECT id FROM trade_participation WHERE participant_id = $1 ORDER BY attended_from DESC, id DESC`, [busiest.id])
    ).map((r: any) => r.id);
    const typename = participants.find((p) => p.id === busiest.id)!.__typename;
    const page = (after?: string) =>
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { tradeParticipations(first: 2${after ? `, after: "${after}"` : ""}) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`;
    const first = await countStatements(page(), { r: [{ __typename: typename, id: busiest.id }] });
    const window = first.statements.filter((sql) => /row_number\(\) OVER/u.test(sql));
    expect(window).toHaveLength(1);
    expect(window[0]).toMatch(/FROM "trade_participation"/u);
    const connection = first.data._entities[0].tradeParticipations;
    expect(connection).toMatchObject({ totalCount: ids.length, pageInfo: { hasNextPage: true } });
    expect(connection.nodes.map((n: any) => n.id)).toEqual(ids.slice(0, 2));
    const next = await countStatements(page(connection.pageInfo.endCursor), { r: [{ __typename: typename, id: busiest.id }] });
    expect(next.data._entities[0].tradeParticipations.nodes.map((n: any) => n.id)).toEqual(ids.slice(2, 4));
  });

  it("answers OcopProduct.tradeEvents and listings for 10× the products in the same number of statements", async () => {
    const represent = (n: number) => products.slice(0, n).map((id) => ({ __typename: "OcopProduct", id }));
    const small = await countStatements(PRODUCTS, { r: represent(10) });
    const large = await countStatements(PRODUCTS, { r: represent(100) });
    expect(products.length).toBeGreaterThanOrEqual(100);
    expect(large.data._entities.every((e: any) => e.tradeEvents.length > 0)).toBe(true);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(4);
  });

  it("answers SupportProgramme.tradeEvents for one programme and for twenty more in one windowed statement either way", async () => {
    expect(funding.length).toBeGreaterThanOrEqual(2);
    // Programmes that funded nothing here (policy support has many more) make up the larger batch.
    const others = Array.from({ length: 10 * funding.length }, (_, i) => `00000000-0000-5000-8000-${String(i).padStart(12, "0")}`);
    const EVENT = "id name startsOn endsOn boothCount budget adminUnitCode illustrative fundingProgrammeId typeLabel";
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupportProgramme { id tradeEvents(first: 5) { totalCount nodes { ${EVENT} } } } } }`;
    const represent = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: "SupportProgramme", id })) });
    const one = await countStatements(query, represent(funding.slice(0, 1)));
    const all = await countStatements(query, represent([...funding, ...others]));
    expect(one.count).toBe(1);
    expect(all.count).toBe(1);
    expect(all.statements[0]).toMatch(/row_number\(\) OVER \(PARTITION BY "t"\."funding_programme_id"/u);
    const [{ events }] = await s.service.dataSource.query(`SELECT count(*)::int AS events FROM trade_event WHERE funding_programme_id IS NOT NULL`);
    const pages = all.data._entities;
    expect(pages.reduce((sum: number, p: any) => sum + p.tradeEvents.totalCount, 0)).toBe(events);
    for (const page of pages) {
      for (const event of page.tradeEvents.nodes) expect(event.fundingProgrammeId).toBe(page.id);
      const starts = page.tradeEvents.nodes.map((e: any) => e.startsOn);
      expect(starts).toEqual([...starts].sort());
    }
    expect(pages.slice(funding.length).every((p: any) => p.tradeEvents.totalCount === 0)).toBe(true);
    const nodes = pages.flatMap((p: any) => p.tradeEvents.nodes);
    const oneByOne = await s.query(`{ ${nodes.map((e: any, i: number) => `e${i}: tradeEvent(id: "${e.id}") { ${EVENT} }`).join(" ")} }`);
    expect(nodes).toEqual(nodes.map((_: unknown, i: number) => oneByOne.data[`e${i}`]));
  });

  it("reads a windowed first page back into entities as TypeORM reads them (dates as strings, money as bigint), and cuts it", async () => {
    const loaders = createLoaders(s.service.dataSource);
    for (const id of funding) {
      const all = await loaders.eventsByProgramme.load(id);
      const page = await loaders.firstEventsByProgramme({ limit: 100, unit: null }).load(id);
      expect(page.rows[0]).toBeInstanceOf(TradeEvent);
      expect(page).toEqual({ rows: all, total: all.length });
      expect(typeof all[0].startsOn).toBe("string");
    }
    const largest = (await Promise.all(funding.map((id) => loaders.eventsByProgramme.load(id)))).sort((a, b) => b.length - a.length)[0];
    expect(largest.length).toBeGreaterThan(1);
    expect(await loaders.firstEventsByProgramme({ limit: 1, unit: null }).load(largest[0].fundingProgrammeId!)).toEqual({
      rows: [largest[0]],
      total: largest.length,
    });
  });

  it("answers tradePromotion(year) for every unit, and the overview of every unit, in one statement", async () => {
    const units = ["436", "437", "439", "440", "441", "442", "443", "444", "445", "446", "447", "448", "449"];
    const unitQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { id tradePromotion(year: 2023) { events participations sales onlineSellingShare } } } }`;
    const one = await countStatements(unitQuery, { r: units.slice(0, 1).map((code) => ({ __typename: "AdminUnit", id: code })) });
    const all = await countStatements(unitQuery, { r: units.map((code) => ({ __typename: "AdminUnit", id: code })) });
    expect(one.count).toBe(1);
    expect(all.count).toBe(1);
    const economyQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CollectiveEconomy { id tradePromotion { events participations } } } }`;
    const economies = await countStatements(economyQuery, {
      r: ["2024-H1", ...units.map((code) => `2024-H1:${code}`)].map((id) => ({ __typename: "CollectiveEconomy", id })),
    });
    // The data version first (core's cachedAggregate: 2024-H1 has closed), then the one statement.
    expect(economies.count).toBe(2);
    const [province, ...perUnit] = economies.data._entities;
    expect(province.tradePromotion.participations).toBe(perUnit.reduce((sum: number, e: any) => sum + e.tradePromotion.participations, 0));
    expect(province.tradePromotion.events).toBeGreaterThanOrEqual(perUnit.reduce((sum: number, e: any) => sum + e.tradePromotion.events, 0));
  });
});
