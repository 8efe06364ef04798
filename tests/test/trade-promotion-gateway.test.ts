/**
 * End to end: the real gateway serving the committed supergraph in front of all four subgraphs, each
 * on its own demo database, HTTP between them. A query starts at a trade event, crosses to the
 * participant cooperative (membership), its OCOP products and their stars (ocop).
 */
import { demoOcopCatalogue } from "@kttt/demo";
import { graphql } from "@kttt/testkit";
import { lookupsAnswered, startTestGraph, type TestGraph } from "./graph";

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

describe("trade promotion through the gateway", () => {
  it("follows the 2022 fair to its participant cooperatives, their OCOP products and the products' stars", async () => {
    const data = await ask(/* GraphQL */ `
      {
        tradeEvents(filter: { type: FAIR, from: "2022-01-21", to: "2022-01-25", search: "OCOP dac san" }) {
          nodes {
            name
            boothCount
            adminUnit {
              name
            }
            participations(first: 100) {
              totalCount
              nodes {
                booths
                products {
                  id
                  name
                  stars(asOf: "2022-01-21")
                  owner {
                    __typename
                    ... on Cooperative {
                      id
                    }
                    ... on CooperativeGroup {
                      id
                    }
                    ... on OcopLocalOwner {
                      id
                    }
                  }
                }
                participant {
                  __typename
                  ... on Cooperative {
                    id
                    name
                    adminUnit {
                      code
                    }
                    ocopProducts(asOf: "2022-01-21") {
                      nodes {
                        id
                        name
                        stars
                      }
                    }
                  }
                  ... on CooperativeGroup {
                    id
                    name
                  }
                  ... on OcopLocalOwner {
                    id
                    name
                    typeLabel
                  }
                }
              }
            }
          }
        }
      }
    `);
    expect(data.tradeEvents.nodes).toHaveLength(1);
    const fair = data.tradeEvents.nodes[0];
    expect(fair).toMatchObject({ name: "Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022", boothCount: 100, adminUnit: { name: "Thành phố Hà Tĩnh" } });
    const cooperatives = fair.participations.nodes.filter((p: any) => p.participant.__typename === "Cooperative");
    expect(cooperatives.length).toBeGreaterThan(0);
    const catalogue = new Map(demoOcopCatalogue().products.map((p) => [p.id, p]));
    for (const p of fair.participations.nodes) {
      expect(p.participant.name).toEqual(expect.any(String));
      for (const product of p.products) {
        // ocop says who owns each product shown: the participant, always.
        expect(product.owner.id).toBe(p.participant.id);
        expect(product.name).toBe(catalogue.get(product.id)!.name);
        expect([3, 4, 5]).toContain(product.stars);
      }
    }
    for (const c of cooperatives) {
      const owned = new Map(c.participant.ocopProducts.nodes.map((n: any) => [n.id, n.stars]));
      for (const product of c.products) expect(owned.get(product.id)).toBe(product.stars);
    }
  });

  it("shows a cooperative's participations and an OCOP product's events and listings from the other subgraphs' entities", async () => {
    const [{ participant_id: id }] = await (graph.subgraphs["trade-promotion"] as any).service.dataSource.query(
      `SELECT participant_id FROM trade_participation WHERE participant_kind = 'COOPERATIVE' GROUP BY participant_id ORDER BY count(*) DESC, participant_id LIMIT 1`,
    );
    const data = await ask(
      `query($id: ID!) { organization(id: $id) { name ... on Cooperative { tradeParticipations(first: 10) { totalCount nodes { event { name startsOn } products { name tradeEvents { name } listings { platform } } } } } } }`,
      { id },
    );
    const participations = data.organization.tradeParticipations;
    expect(participations.totalCount).toBeGreaterThan(1);
    for (const p of participations.nodes) for (const product of p.products) expect(product.tradeEvents.map((e: any) => e.name)).toContain(p.event.name);
  });

  it("gives every unit's trade promotion beside membership's figures, and the collective-economy overview", async () => {
    const data = await ask(/* GraphQL */ `
      {
        adminUnits(asOf: "2023-12-31", level: DISTRICT) {
          code
          name
          tradePromotion(year: 2023) {
            events
            participations
            booths
            sales
            onlineSellingShare
          }
        }
        tradePromotionStatistics(year: 2023, groupBy: ADMIN_UNIT) {
          total {
            participations
            sales
            onlineSellingShare
            ocopOwners
          }
          groups {
            key
            adminUnit {
              name
            }
            figures {
              participations
              sales
            }
          }
        }
        collectiveEconomy(period: { year: 2024, half: H1 }) {
          id
          membership {
            __typename
          }
          tradePromotion {
            events
            participations
            onlineSellingShare
            meetsOnlineSellingTarget
          }
        }
        collectiveEconomyByAdminUnit(period: { year: 2024, half: H1 }) {
          adminUnit {
            code
          }
          tradePromotion {
            participations
          }
        }
      }
    `);
    const stats = data.tradePromotionStatistics;
    for (const unit of data.adminUnits) {
      const group = stats.groups.find((g: any) => g.key === unit.code);
      expect(unit.tradePromotion.participations).toBe(group?.figures.participations ?? 0);
      if (group) expect(group.adminUnit.name).toBe(unit.name);
    }
    const total = data.adminUnits.reduce((sum: bigint, u: any) => sum + BigInt(u.tradePromotion.sales), 0n);
    expect(total).toBe(BigInt(stats.total.sales));
    expect(stats.total.onlineSellingShare).toBeLessThan(0.5);
    const overview = data.collectiveEconomy;
    expect(overview.tradePromotion.events).toBeGreaterThan(0);
    expect(overview.tradePromotion.meetsOnlineSellingTarget).toBe(false);
    const byUnit = data.collectiveEconomyByAdminUnit.reduce((sum: number, e: any) => sum + e.tradePromotion.participations, 0);
    expect(byUnit).toBe(overview.tradePromotion.participations);
  });

  it("refuses another owner's product and registers the participant's own, asking membership and ocop in one request", async () => {
    const fair = (await ask(`{ tradeEvents(filter: { search: "Giap Thin 2024" }) { nodes { id } } }`)).tradeEvents.nodes[0];
    const taken = new Set(
      (
        await (graph.subgraphs["trade-promotion"] as any).service.dataSource.query(`SELECT participant_id FROM trade_participation WHERE event_id = $1`, [
          fair.id,
        ])
      ).map((r: any) => r.participant_id),
    );
    const product = demoOcopCatalogue().products.find(
      (p) => p.ownerOrganizationId && !taken.has(p.ownerOrganizationId) && p.certifications.length > 0 && p.certifications[0].decidedOn < "2023-01-01",
    )!;
    const other = demoOcopCatalogue().products.find((p) => p.ownerId !== null)!;
    const mutation = `mutation($input: RegisterTradeParticipationInput!) { registerTradeParticipation(input: $input) { id participant { ... on Cooperative { name } ... on CooperativeGroup { name } } products { name stars(asOf: "2024-01-18") } } }`;
    const kind = product.ownerType === "COOPERATIVE" ? "COOPERATIVE" : "COOPERATIVE_GROUP";
    const input = { eventId: fair.id, participant: { kind, id: product.ownerOrganizationId }, adminUnitCode: product.adminUnitCode, productIds: [other.id] };
    const refused = await graphql(graph.gateway.url, mutation, { input });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.productIds.0", reason: "PRODUCT_OF_ANOTHER_OWNER" });
    const asked = await lookupsAnswered(graph.gateway.url, "TradePromotionLookup");
    const accepted = await ask(mutation, { input: { ...input, productIds: [product.id], booths: 1, salesAmount: "12000000" } });
    expect(await lookupsAnswered(graph.gateway.url, "TradePromotionLookup")).toBe(asked + 1);
    expect(accepted.registerTradeParticipation.products).toEqual([{ name: product.name, stars: expect.any(Number) }]);
    expect(accepted.registerTradeParticipation.participant.name).toEqual(expect.any(String));
  });
});

/** The demo events a support programme funds (all illustrative), by the programme's code, earliest start first. */
const FUNDED_EVENTS = {
  "CT-2023-SO-CT-CS-XTTM": ["Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh Xuân Quý Mão 2023", "Triển lãm sản phẩm thủ công mỹ nghệ và làng nghề Hà Tĩnh"],
  "CT-2024-SO-CT-CS-XTTM": ["Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh Xuân Giáp Thìn 2024"],
  "CT-2025-SO-CT-CS-XTTM": ["Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh Xuân Ất Tỵ 2025"],
};

describe("events and the support programmes that fund them, across trade promotion and policy support", () => {
  it("resolves an event's funding programme in policy support", async () => {
    const data = await ask(/* GraphQL */ `
      {
        tradeEvents(first: 100, orderBy: STARTS_ON_ASC) {
          totalCount
          nodes {
            name
            fundingProgrammeId
            fundingProgramme {
              id
              code
              name
              agency {
                code
              }
            }
          }
        }
      }
    `);
    const events = data.tradeEvents.nodes;
    expect(events).toHaveLength(data.tradeEvents.totalCount);
    const funded = events.filter((e: any) => e.fundingProgramme !== null);
    expect(funded.map((e: any) => [e.fundingProgramme.code, e.name])).toEqual(
      Object.entries(FUNDED_EVENTS).flatMap(([code, names]) => names.map((name) => [code, name])),
    );
    for (const e of events) expect(e.fundingProgramme?.id ?? null).toBe(e.fundingProgrammeId);
    expect(funded[2].fundingProgramme).toMatchObject({
      name: "Hỗ trợ xúc tiến thương mại, mở rộng thị trường năm 2024 (Sở Công Thương)",
      agency: { code: "SO-CT" },
    });
  });

  it("lists the events each programme funded, earliest first, and pages through them", async () => {
    const data = await ask(/* GraphQL */ `
      {
        supportProgrammes(first: 100, filter: { kind: TRADE_PROMOTION_MARKET }) {
          nodes {
            id
            code
            tradeEvents {
              totalCount
              nodes {
                name
                startsOn
                fundingProgramme {
                  code
                }
              }
            }
          }
        }
      }
    `);
    const programmes = data.supportProgrammes.nodes;
    expect(programmes.length).toBeGreaterThan(Object.keys(FUNDED_EVENTS).length);
    const listed = Object.fromEntries(
      programmes.filter((p: any) => p.tradeEvents.totalCount > 0).map((p: any) => [p.code, p.tradeEvents.nodes.map((e: any) => e.name)]),
    );
    expect(listed).toEqual(FUNDED_EVENTS);
    for (const p of programmes) {
      expect(p.tradeEvents.totalCount).toBe(p.tradeEvents.nodes.length);
      // There and back: each listed event names this programme as its funder.
      for (const e of p.tradeEvents.nodes) expect(e.fundingProgramme.code).toBe(p.code);
    }

    const id = programmes.find((p: any) => p.code === "CT-2023-SO-CT-CS-XTTM").id;
    const page = `query($id: ID!, $first: Int, $after: String, $last: Int) { supportProgramme(id: $id) { tradeEvents(first: $first, after: $after, last: $last) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } } }`;
    const first = (await ask(page, { id, first: 1 })).supportProgramme.tradeEvents;
    expect(first).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
      nodes: [{ name: FUNDED_EVENTS["CT-2023-SO-CT-CS-XTTM"][0] }],
    });
    const next = (await ask(page, { id, first: 1, after: first.pageInfo.endCursor })).supportProgramme.tradeEvents;
    expect(next).toMatchObject({ pageInfo: { hasNextPage: false, hasPreviousPage: true }, nodes: [{ name: FUNDED_EVENTS["CT-2023-SO-CT-CS-XTTM"][1] }] });
    const last = (await ask(page, { id, last: 1 })).supportProgramme.tradeEvents;
    expect(last.nodes).toEqual(next.nodes);
    expect((await ask(page, { id, first: 0 })).supportProgramme.tradeEvents).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [] });
  });

  it("costs the same statements for the funded events of every programme as for one programme's", async () => {
    const query = `query($first: Int, $filter: SupportProgrammeFilter) { supportProgrammes(first: $first, filter: $filter) { nodes { code tradeEvents(first: 5) { totalCount nodes { name startsOn } } } } }`;
    const trade = graph.subgraphs["trade-promotion"].service.statements;
    const policy = graph.subgraphs["policy-support"].service.statements;
    const measure = async (variables: Record<string, unknown>) => {
      trade.start();
      policy.start();
      const data = await ask(query, variables);
      return { statements: { trade: trade.stop(), policy: policy.stop() }, programmes: data.supportProgrammes.nodes };
    };
    const one = await measure({ first: 1, filter: { agency: "SO-CT", year: 2024, kind: "TRADE_PROMOTION_MARKET" } });
    const every = await measure({ first: 100 });
    expect(one.programmes.map((p: any) => [p.code, p.tradeEvents.totalCount])).toEqual([["CT-2024-SO-CT-CS-XTTM", 1]]);
    expect(every.programmes.length).toBeGreaterThan(50);
    expect(
      every.programmes
        .filter((p: any) => p.tradeEvents.totalCount > 0)
        .map((p: any) => p.code)
        .sort(),
    ).toEqual(Object.keys(FUNDED_EVENTS));
    expect(one.statements).toEqual({ trade: 1, policy: 1 });
    expect(every.statements).toEqual(one.statements);
  });
});
