/**
 * End to end: the real gateway serving the committed supergraph, the membership and ocop subgraphs
 * each on its own database, HTTP between them. Queries cross both ways.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { graphql, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { ocop as ocopSubgraph } from "@kttt/ocop";
import { communeCodeOn, unitById, unitOn, unitsOn } from "@kttt/reference";

let membership: TestSubgraph;
let ocop: TestSubgraph;
let gateway: GatewayServer;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  ocop = await startTestSubgraph(ocopSubgraph, { variant: "demo", lookupUrl: membership.url });
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", MEMBERSHIP_URL: membership.url, OCOP_URL: ocop.url }), port: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await ocop?.stop();
  await membership?.stop();
});

/** Runs a query through the gateway and counts the SQL statements each subgraph sent. */
async function counted(query: string, variables?: Record<string, unknown>) {
  membership.service.statements.start();
  ocop.service.statements.start();
  const res = await graphql(gateway.url, query, variables);
  const statements = { membership: membership.service.statements.stop(), ocop: ocop.service.statements.stop() };
  expect(res.errors).toBeUndefined();
  return { data: res.data, statements };
}

describe("OCOP through the gateway", () => {
  it("answers the seed text's figures as of 2024-07-15", async () => {
    const { data } = await counted(/* GraphQL */ `
      {
        ocopStatistics(asOf: "2024-07-15") {
          total {
            activeProducts
            collectiveOwnedProducts
            collectiveOwners
            otherOwnedProducts
            expiringWithin90Days
            expiringWithin180Days
          }
        }
      }
    `);
    expect(data.ocopStatistics.total).toMatchObject({ activeProducts: 239, collectiveOwnedProducts: 66, collectiveOwners: 65, otherOwnedProducts: 173 });
    expect(data.ocopStatistics.total.expiringWithin180Days).toBeGreaterThan(data.ocopStatistics.total.expiringWithin90Days);
  });

  it("crosses from cooperatives to their products in a constant number of statements (1× and 10× parents)", async () => {
    const QUERY = /* GraphQL */ `
      query ($first: Int) {
        cooperatives(first: $first, filter: { status: ACTIVE }) {
          nodes {
            name
            adminUnit {
              name
            }
            ocopProducts(first: 5, asOf: "2024-07-15") {
              totalCount
              nodes {
                name
                stars
              }
            }
          }
        }
      }
    `;
    const small = await counted(QUERY, { first: 10 });
    const large = await counted(QUERY, { first: 100 });
    expect(large.data.cooperatives.nodes).toHaveLength(100);
    expect(large.statements.ocop).toBeLessThanOrEqual(small.statements.ocop);
    expect(large.statements.membership).toBeLessThanOrEqual(small.statements.membership);
    console.log(`[e2e] cooperatives → ocopProducts: 10 parents ${JSON.stringify(small.statements)}, 100 parents ${JSON.stringify(large.statements)}`);
  });

  it("lists the products of a cooperative that owns two, and a district's products", async () => {
    const search = await counted(`{ ocopProducts(filter: { search: "dinh mien" }) { nodes { name owner { ... on Cooperative { id } } } } }`);
    const owners = new Set(search.data.ocopProducts.nodes.map((n: any) => n.owner.id));
    expect(owners.size).toBe(1);
    const [ownerId] = [...owners];
    const { data } = await counted(
      `query($id: ID!) { organization(id: $id) { name ... on Cooperative { ocopProducts(asOf: "2024-07-15") { totalCount nodes { name status } } } } }`,
      { id: ownerId },
    );
    expect(data.organization.ocopProducts.totalCount).toBe(2);
    expect(data.organization.ocopProducts.nodes.map((n: any) => n.name).sort()).toEqual(["Nước mắm Đỉnh Miện", "Ruốc Đỉnh Miện"]);
    const unit = await counted(
      `{ ocopStatistics(asOf: "2024-07-15", groupBy: ADMIN_UNIT) { groups { key adminUnit { name ocopProducts(status: ACTIVE, asOf: "2024-07-15") { totalCount } } figures { activeProducts } } } }`,
    );
    for (const g of unit.data.ocopStatistics.groups) expect(g.adminUnit.ocopProducts.totalCount).toBe(g.figures.activeProducts);
    expect(unit.data.ocopStatistics.groups.find((g: any) => g.key === "444").adminUnit.name).toBe("Huyện Hương Khê");
  });

  it("crosses from a product to its owner cooperative and that cooperative's unit", async () => {
    const { data, statements } = await counted(/* GraphQL */ `
      {
        ocopProducts(first: 100, filter: { asOf: "2024-07-15", status: ACTIVE, ownerType: COOPERATIVE }) {
          totalCount
          nodes {
            name
            adminUnit {
              name
            }
            owner {
              __typename
              ... on Cooperative {
                name
                kindLabel
                adminUnit {
                  code
                  name
                }
              }
              ... on OcopLocalOwner {
                name
              }
            }
          }
        }
      }
    `);
    const honey = data.ocopProducts.nodes.find((n: any) => n.name === "Mật ong Cường Nga");
    expect(honey.owner).toMatchObject({ __typename: "Cooperative", kindLabel: "Hợp tác xã", adminUnit: { code: "439", name: "Huyện Hương Sơn" } });
    expect(honey.adminUnit.name).toBe("Huyện Hương Sơn");
    for (const n of data.ocopProducts.nodes) expect(n.owner.__typename).toBe("Cooperative");
    // membership: the products' units, the owners, the owners' units: one batched statement each, for 100 products.
    expect(statements.membership).toBeLessThanOrEqual(3);
    // ocop: the page, the data version and the total (counted once per data version): never one per product.
    expect(statements.ocop).toBeLessThanOrEqual(3);
    const local = await counted(
      `{ ocopProducts(first: 5, filter: { ownerType: ENTERPRISE }) { nodes { owner { __typename ... on OcopLocalOwner { name typeLabel adminUnit { name } } } } } }`,
    );
    for (const n of local.data.ocopProducts.nodes) expect(n.owner).toMatchObject({ __typename: "OcopLocalOwner", typeLabel: "Doanh nghiệp" });
  });

  it("passes an ocop input error through with its code and field", async () => {
    const res = await graphql(
      gateway.url,
      `
        mutation ($input: CertifyOcopProductInput!) {
          certifyOcopProduct(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          productId: "00000000-0000-5000-8000-000000000000",
          scoreA: 30,
          scoreB: 20,
          scoreC: 25,
          stars: 3,
          decisionNumber: "1/QĐ-UBND",
          decidedOn: "2024-01-01",
        },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.stars", reason: "STARS_SCORE_MISMATCH" });
  });
});

describe("OCOP places and certification by date through the gateway (issue 13)", () => {
  type Group = { key: string | null; label: string; adminUnit: { code: string; name: string; level: string } | null; figures: { activeProducts: number } };
  const STATS = /* GraphQL */ `
    query ($asOf: LocalDate, $unitMap: UnitMap) {
      ocopStatistics(asOf: $asOf, groupBy: ADMIN_UNIT, unitMap: $unitMap) {
        unitMapDate
        total {
          activeProducts
          collectiveOwnedProducts
          collectiveOwners
          otherOwnedProducts
        }
        groups {
          key
          label
          adminUnit {
            code
            name
            level
          }
          figures {
            activeProducts
          }
        }
      }
    }
  `;
  const sum = (groups: Group[]) => groups.reduce((a, g) => a + g.figures.activeProducts, 0);

  it("keeps the mid-2024 review on its 13 districts with the seed figures, in one ocop statement", async () => {
    const { data, statements } = await counted(STATS, { asOf: "2024-07-15" });
    const s = data.ocopStatistics;
    expect(s.total).toEqual({ activeProducts: 239, collectiveOwnedProducts: 66, collectiveOwners: 65, otherOwnedProducts: 173 });
    expect(s.groups.every((g: Group) => g.adminUnit?.level === "DISTRICT")).toBe(true);
    expect(s.groups.length).toBeLessThanOrEqual(13);
    expect(sum(s.groups)).toBe(239);
    expect(statements.ocop).toBe(1);
  });

  it("groups a period after 2025-07-01 by the 69 communes, in one ocop statement, and re-cuts 2024 by today's communes", async () => {
    const after = await counted(STATS, { asOf: "2026-06-30" });
    // A closed date: the data version first (core's cachedAggregate), then the one statement.
    expect(after.statements.ocop).toBe(2);
    const placed = after.data.ocopStatistics.groups.filter((g: Group) => g.key !== null);
    expect(placed.length).toBeGreaterThan(20);
    for (const g of placed) expect(g.adminUnit).toMatchObject({ code: g.key, level: "COMMUNE" });
    expect(sum(after.data.ocopStatistics.groups)).toBe(after.data.ocopStatistics.total.activeProducts);

    const recut = await counted(STATS, { asOf: "2024-07-15", unitMap: "TODAY" });
    expect(recut.statements.ocop).toBe(1);
    const s = recut.data.ocopStatistics;
    expect(s.unitMapDate).not.toBe("2024-07-15");
    expect(s.total.activeProducts).toBe(239);
    expect(sum(s.groups)).toBe(239);
    for (const g of s.groups.filter((x: Group) => x.key !== null)) expect(g.adminUnit?.level).toBe("COMMUNE");
    const unplaced = s.groups.find((g: Group) => g.key === null);
    if (unplaced) expect(unplaced).toMatchObject({ adminUnit: null, label: expect.stringContaining("Chưa xác định") });
  });

  it("finds by a 2025 commune what lies there now, the same through membership's unit", async () => {
    const recut = await counted(STATS, { asOf: "2026-06-30" });
    const biggest = recut.data.ocopStatistics.groups
      .filter((g: Group) => g.key !== null)
      .sort((a: Group, b: Group) => b.figures.activeProducts - a.figures.activeProducts)[0];
    const { data } = await counted(
      `query($code: String!) { ocopProducts(first: 100, filter: { adminUnitCode: $code, asOf: "2026-06-30", status: ACTIVE }) { totalCount nodes { communeOn { code name } } }
         adminUnit(code: $code) { name ocopProducts(asOf: "2026-06-30", status: ACTIVE) { totalCount } } }`,
      { code: biggest.key },
    );
    expect(data.ocopProducts.totalCount).toBe(biggest.figures.activeProducts);
    expect(data.adminUnit.ocopProducts.totalCount).toBe(biggest.figures.activeProducts);
    for (const n of data.ocopProducts.nodes) expect(n.communeOn).toEqual({ code: biggest.key, name: data.adminUnit.name });
  });

  it("refers to units by version id: a recorded mid-2024 commune is served as that commune, not the 2025 unit reusing its code", async () => {
    // A product whose recorded commune's code a 2025 commune took over (issue 13): only the version id tells the two apart.
    const codes2025 = unitsOn("2025-07-01")
      .filter((u) => u.level === "COMMUNE")
      .map((u) => u.code);
    const [row] = await ocop.service.dataSource.query(
      `SELECT id, commune_id FROM ocop_product WHERE commune_id = ANY($1) AND registered_on < '2025-07-01' ORDER BY id LIMIT 1`,
      [codes2025],
    );
    expect(row).toBeDefined();
    const recorded = unitById(row.commune_id)!;
    const { data } = await counted(
      `query($id: ID!) { ocopProduct(id: $id) { adminUnitCode registeredOn commune { id code name validTo } communeName
         adminUnit { id code validFrom validTo } communeOn(asOf: "2026-01-01") { id code validFrom } } }`,
      { id: row.id },
    );
    const p = data.ocopProduct;
    expect(p.commune).toEqual({ id: recorded.id, code: recorded.code, name: recorded.name, validTo: recorded.validTo });
    expect(p.commune.validTo).not.toBeNull();
    expect(p.communeName).toBe(recorded.name);
    // The district registered then, as that version; the commune today, a 2025 version.
    expect(p.adminUnit).toMatchObject({ code: p.adminUnitCode });
    expect(p.adminUnit.validFrom === null || p.adminUnit.validFrom <= p.registeredOn).toBe(true);
    expect(p.adminUnit.validTo === null || p.adminUnit.validTo >= p.registeredOn).toBe(true);
    const today = communeCodeOn(row.commune_id, null, "2026-01-01");
    expect(p.communeOn?.code ?? null).toBe(today);
    if (p.communeOn) expect(p.communeOn.validFrom).toBe("2025-07-01");
  });

  it("lists a unit version's own products: the mid-2024 commune and the 2025 commune bearing one code differ, the code filter stays a code filter", async () => {
    // A code whose mid-2024 commune holds products and whose 2025 commune holds others too (from its other former communes).
    const rows: { commune_id: string }[] = await ocop.service.dataSource.query(`SELECT commune_id FROM ocop_product WHERE commune_id IS NOT NULL`);
    const recordedIn = (code: string) => rows.filter((r) => r.commune_id === code).length;
    const todayIn = (code: string) => rows.filter((r) => communeCodeOn(r.commune_id, null, "2026-01-01") === code).length;
    const code = [...new Set(rows.map((r) => r.commune_id))]
      .filter((c) => unitOn(c, "2025-07-01") !== null && recordedIn(c) > 0 && todayIn(c) > recordedIn(c))
      .sort()[0];
    expect(code).toBeDefined();
    const { data } = await counted(
      `query($code: String!) {
         old: adminUnit(code: $code, asOf: "2024-07-15") { id validTo ocopProducts(first: 100, asOf: "2024-07-15") { totalCount nodes { commune { id } } } }
         now: adminUnit(code: $code) { id validFrom ocopProducts(first: 100, asOf: "2026-01-01") { totalCount nodes { communeOn(asOf: "2026-01-01") { id } } } }
         byOld: ocopProducts(first: 100, filter: { adminUnitCode: $code, adminUnitAsOf: "2024-07-15", asOf: "2024-07-15" }) { totalCount }
         byNow: ocopProducts(first: 100, filter: { adminUnitCode: $code, asOf: "2026-01-01" }) { totalCount }
       }`,
      { code },
    );
    expect(data.old.id).toBe(code);
    expect(data.now.id).toBe(`${code}@2025-07-01`);
    // The mid-2024 commune lists the products recorded in it; the 2025 commune, those lying in it today (more: its other former communes).
    expect(data.old.ocopProducts.totalCount).toBe(recordedIn(code));
    for (const n of data.old.ocopProducts.nodes) expect(n.commune.id).toBe(code);
    expect(data.now.ocopProducts.totalCount).toBe(todayIn(code));
    for (const n of data.now.ocopProducts.nodes) expect(n.communeOn.id).toBe(data.now.id);
    // The code filter judged on each date finds the same products as each version.
    expect(data.byOld.totalCount).toBe(data.old.ocopProducts.totalCount);
    expect(data.byNow.totalCount).toBe(data.now.ocopProducts.totalCount);
  });

  it("names who recognised each certificate by its date: the district before 2025-07-06, the province after", async () => {
    const { data } =
      await counted(`{ ocopProducts(first: 100, filter: { search: "buoi phuc trach" }) { nodes { name registeredOn commune { name } districtOn(asOf: "2024-07-15") { name }
        certifications { stars decidedOn level certifyingBody certifyingUnit { code name } levelBasis illustrative } } } }`);
    const all = data.ocopProducts.nodes.flatMap((n: any) => n.certifications);
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      if (c.stars === 3 && c.decidedOn < "2025-07-06")
        expect(c).toMatchObject({
          level: "DISTRICT",
          certifyingBody: "Ủy ban nhân dân huyện Hương Khê",
          certifyingUnit: { code: "444", name: "Huyện Hương Khê" },
        });
      if (c.decidedOn >= "2025-07-06")
        expect(c).toMatchObject({ level: "PROVINCE", certifyingUnit: { code: "42" }, levelBasis: expect.stringContaining("1489/QĐ-TTg") });
    }
    // Products registered before 2025-07-01 lay in a district; one registered later (illustrative) lies in a 2025 commune only.
    for (const n of data.ocopProducts.nodes) expect(n.districtOn?.name ?? null).toBe(n.registeredOn >= "2025-07-01" ? null : "Huyện Hương Khê");
  });

  it("shows current stars in today's public catalogue through the illustrative 2025–2026 re-assessments", async () => {
    const { data } = await counted(
      `{ ocopProducts(first: 100, filter: { status: ACTIVE }) { totalCount nodes { stars currentCertification { level illustrative decidedOn } } } }`,
    );
    expect(data.ocopProducts.totalCount).toBeGreaterThan(20);
    for (const n of data.ocopProducts.nodes) {
      expect(n.stars).toBeGreaterThanOrEqual(3);
      if (n.currentCertification.decidedOn >= "2025-07-06")
        expect(n.currentCertification).toMatchObject({ level: n.stars === 5 ? "CENTRAL" : "PROVINCE", illustrative: true });
    }
  });

  it("refuses registering in 2026 under district 444, naming the communes that replaced it", async () => {
    const res = await graphql(
      gateway.url,
      `
        mutation ($input: RegisterOcopProductInput!) {
          registerOcopProduct(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          name: "Cam Hương Khê đăng ký 2026",
          group: "FOOD",
          subgroup: "Nông sản tươi sống",
          adminUnitCode: "444",
          registeredOn: "2026-03-02",
          owner: {
            newLocalOwner: { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Nguyễn Văn Hai", registrationNumber: "8199000444", adminUnitCode: "444" },
          },
        },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.adminUnitCode", reason: "ADMIN_UNIT_NOT_VALID_ON_DATE" });
    expect(res.errors?.[0].message).toMatch(/Huyện Hương Khê \(444\) no longer existed on 2026-03-02.*Xã Phúc Trạch \(18547, part\)/u);
    expect((res.errors?.[0].extensions?.details as { replacedBy: string[] }).replacedBy).toContain("18547");
  });
});
