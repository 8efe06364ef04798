/** Pure properties of the demo data: no database. */
import { demoCommuneIdOf, demoOcopCatalogue, demoOrganizations } from "@kttt/demo";
import { unitOn, unitsShareGround } from "@kttt/reference";
import { DEMO_TRADE_EVENTS, DEMO_TRADE_EVENTS_2025, generateTradeSeedRows } from "../src/seed/generate";

const rows = generateTradeSeedRows();
const catalogue = demoOcopCatalogue();
const productById = new Map(catalogue.products.map((p) => [p.id, p]));
const eventByName = (name: string) => rows.events.find((e) => e.name === name)!;

describe("demo trade-promotion data", () => {
  it("is deterministic: generated twice (without the cache) it is the same", () => {
    jest.isolateModules(() => {
      const again = require("../src/seed/generate").generateTradeSeedRows();
      expect(again).toEqual(rows);
    });
  });

  it("contains the OCOP and specialties fair of 21–25/1/2022: 100 booths, exhibitors from all 13 localities", () => {
    const fair = eventByName("Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022");
    expect(fair).toMatchObject({
      type: "FAIR",
      format: "IN_PERSON",
      starts_on: "2022-01-21",
      ends_on: "2022-01-25",
      booth_count: 100,
      admin_unit_code: "436",
      illustrative: false,
    });
    expect(fair.note).toMatch(/13 địa phương và 7 sở, ngành/u);
    const participations = rows.participations.filter((p) => p.event_id === fair.id);
    expect(new Set(participations.map((p) => p.admin_unit_code)).size).toBe(13);
    expect(participations.reduce((sum, p) => sum + (p.booths as number), 0)).toBeLessThanOrEqual(100);
  });

  it("contains the North-Central collective-economy conference of 2/11/2022 with memoranda signed", () => {
    const conference = eventByName("Hội nghị xúc tiến thương mại kinh tế tập thể khu vực Bắc Trung Bộ năm 2022");
    expect(conference).toMatchObject({ type: "TRADE_CONFERENCE", scope: "REGIONAL", starts_on: "2022-11-02", ends_on: "2022-11-02", illustrative: false });
    const signed = rows.participations.filter((p) => p.event_id === conference.id && (p.mou_count as number) > 0);
    expect(signed.length).toBeGreaterThan(0);
  });

  it("dates invented events no later than 2024-06-30, then illustrative ones of 2025 and the first half of 2026, and marks them illustrative", () => {
    const real = new Set(["Hội chợ sản phẩm OCOP và đặc sản Hà Tĩnh năm 2022", "Hội nghị xúc tiến thương mại kinh tế tập thể khu vực Bắc Trung Bộ năm 2022"]);
    const later = new Set(DEMO_TRADE_EVENTS_2025.map((e) => e.name));
    for (const e of rows.events) {
      expect(e.illustrative).toBe(!real.has(e.name as string));
      if (later.has(e.name as string)) expect((e.starts_on as string) >= "2025-01-01" && (e.ends_on as string) <= "2026-06-30").toBe(true);
      else expect((e.ends_on as string) <= "2024-06-30").toBe(true);
    }
    expect(DEMO_TRADE_EVENTS.length + DEMO_TRADE_EVENTS_2025.length).toBe(rows.events.length);
    // After 2025-07-01 an event in the province is held in one of the 69 communes, and has participants.
    for (const e of rows.events.filter((x) => (x.starts_on as string) >= "2025-07-01")) {
      if (e.admin_unit_code) expect(unitOn(e.admin_unit_code as string, e.starts_on as string)?.level).toBe("COMMUNE");
      expect(rows.participations.filter((p) => p.event_id === e.id).length).toBeGreaterThan(5);
    }
  });

  it("shows only products the participant owns, certified by the event, with attendance inside the event", () => {
    const events = new Map(rows.events.map((e) => [e.id, e]));
    const participations = new Map(rows.participations.map((p) => [p.id, p]));
    const orgs = new Map(demoOrganizations().map((o) => [o.id, o]));
    for (const link of rows.products) {
      const p = participations.get(link.participation_id)!;
      const product = productById.get(link.product_id as string)!;
      expect(product.ownerOrganizationId ?? product.ownerId).toBe(p.participant_id);
      expect(product.certifications[0].decidedOn <= (events.get(p.event_id)!.starts_on as string)).toBe(true);
    }
    for (const p of rows.participations) {
      const e = events.get(p.event_id)!;
      expect((p.attended_from as string) >= (e.starts_on as string) && (p.attended_to as string) <= (e.ends_on as string)).toBe(true);
      // Registered under the unit in force where its commune lay that day: a district before 2025-07-01, a commune after.
      const unit = unitOn(p.admin_unit_code as string, p.attended_from as string);
      expect(unit?.level).toBe((p.attended_from as string) < "2025-07-01" ? "DISTRICT" : "COMMUNE");
      expect(p.commune_id).toBe(demoCommuneIdOf(p.participant_id as string));
      const org = orgs.get(p.participant_id as string);
      if (org) expect(p.commune_id).toBe(org.communeCode);
      if (org && (p.attended_from as string) < "2025-01-01") expect(org.adminUnitCode).toBe(p.admin_unit_code);
      else if (org) expect(unitsShareGround(p.admin_unit_code as string, org.adminUnitCode)).toBe(true);
    }
    for (const l of [...rows.listings.map((x) => [x.owner_id, x.product_id]), ...rows.links.map((x) => [x.seller_id, x.product_id])]) {
      const product = productById.get(l[1] as string)!;
      expect(product.ownerOrganizationId ?? product.ownerId).toBe(l[0]);
    }
  });

  it("keeps the share of OCOP owners selling online below the province's 50% target in every demo year", () => {
    for (const year of [2022, 2023, 2024]) {
      const [from, to] = [`${year}-01-01`, `${year}-12-31`];
      const eventIds = new Set(rows.events.filter((e) => (e.starts_on as string) <= to && (e.ends_on as string) >= from).map((e) => e.id));
      const showing = new Set(rows.products.map((x) => x.participation_id));
      const activeListings = rows.listings.filter((l) => (l.listed_on as string) <= to && (l.delisted_on === null || (l.delisted_on as string) >= from));
      const online = new Set(activeListings.map((l) => l.owner_id));
      const owners = new Set([
        ...rows.participations.filter((p) => eventIds.has(p.event_id) && showing.has(p.id)).map((p) => p.participant_id),
        ...online,
        ...rows.links.filter((l) => (l.agreed_on as string) >= from && (l.agreed_on as string) <= to).map((l) => l.seller_id),
      ]);
      expect(online.size).toBeGreaterThan(0);
      expect(online.size / owners.size).toBeLessThan(0.5);
    }
  });

  it("names membership organisations as membership's seed records them: that kind and unit, not yet dissolved", () => {
    // The writes would refuse anything else (they ask membership); the seed must not hold it either.
    const recorded = new Map(demoOrganizations().map((o) => [o.id, o]));
    const named = [
      ...rows.participations.map((p) => [p.participant_id, p.participant_kind, p.admin_unit_code, p.attended_from]),
      ...rows.listings.map((l) => [l.owner_id, l.owner_kind, l.admin_unit_code, l.listed_on]),
      ...rows.links.map((l) => [l.seller_id, l.seller_kind, l.admin_unit_code, l.agreed_on]),
    ].filter(([, kind]) => kind !== "OCOP_LOCAL_OWNER") as string[][];
    const unlike = named.filter(([id, kind, unit, on]) => {
      const o = recorded.get(id);
      return !o || o.kind !== kind || !unitsShareGround(unit, o.adminUnitCode) || (o.dissolvedOn !== null && o.dissolvedOn <= on);
    });
    expect(named.length).toBeGreaterThan(100);
    expect(unlike).toEqual([]);
  });
});
