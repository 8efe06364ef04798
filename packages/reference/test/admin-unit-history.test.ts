import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { addDays } from "@kttt/core";
import {
  ADMIN_UNIT_CHANGES,
  ADMIN_UNIT_VERSIONS,
  ADMIN_UNITS,
  communeCodeOn,
  communeOf,
  districtOf,
  groupingUnitsByCodeOn,
  groupingUnitsOn,
  inForceOn,
  latestUnit,
  unitById,
  unitOn,
  unitsOn,
  unitsReplacing,
  unitMapDay,
} from "../src";
import { renderFromFolder, SHARED_ADMIN_UNITS_DIR } from "../src/admin-units-generate";

const count = (date: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const u of unitsOn(date)) out[u.level] = (out[u.level] ?? 0) + 1;
  return out;
};

describe("Hà Tĩnh's units on any date", () => {
  it("the committed data is what the shared CSV files give today", () => {
    const committed = readFileSync(join(__dirname, "..", "src", "admin-units-data.ts"), "utf8");
    expect(renderFromFolder(SHARED_ADMIN_UNITS_DIR)).toBe(committed);
  });

  it("counts the three maps: 13 districts and 216 communes, 12 and 209, then 69 communes", () => {
    expect(count("2024-07-15")).toEqual({ PROVINCE: 1, DISTRICT: 13, COMMUNE: 216 });
    expect(count("2024-12-31")).toEqual({ PROVINCE: 1, DISTRICT: 13, COMMUNE: 216 });
    expect(count("2025-03-01")).toEqual({ PROVINCE: 1, DISTRICT: 12, COMMUNE: 209 });
    expect(count("2025-06-30")).toEqual({ PROVINCE: 1, DISTRICT: 12, COMMUNE: 209 });
    expect(count("2025-07-01")).toEqual({ PROVINCE: 1, COMMUNE: 69 });
    const today = unitsOn("2026-06-30").filter((u) => u.level === "COMMUNE");
    expect(today.filter((u) => u.kind === "COMMUNE")).toHaveLength(60);
    expect(today.filter((u) => u.kind === "WARD")).toHaveLength(9);
  });

  it("today's 69 codes and names are the shared file's", () => {
    const rows = parse(readFileSync(join(SHARED_ADMIN_UNITS_DIR, "ha-tinh-communes-2025.csv"), "utf8"), { columns: true }) as { code: string; name: string }[];
    const ours = unitsOn("2025-07-01")
      .filter((u) => u.level === "COMMUNE")
      .map((u) => [u.code, u.name]);
    expect(ours.sort()).toEqual(rows.map((r) => [r.code, r.name.normalize("NFC")]).sort());
  });

  it("no code is borne by two units at once, and every unit's parent is in force on its days", () => {
    for (const v of ADMIN_UNIT_VERSIONS) {
      if (v.validFrom && v.validTo) expect(v.validFrom <= v.validTo).toBe(true);
      for (const day of [v.validFrom, v.validTo].filter((d): d is string => d !== null)) {
        expect(ADMIN_UNIT_VERSIONS.filter((o) => o.code === v.code && inForceOn(o, day))).toEqual([v]);
        if (v.parentId) expect(inForceOn(unitById(v.parentId)!, day)).toBe(true);
      }
    }
    expect(new Set(ADMIN_UNIT_VERSIONS.map((v) => v.id)).size).toBe(ADMIN_UNIT_VERSIONS.length);
  });

  it("every unit that ended has successors, but the two communes the sources leave open", () => {
    const ended = ADMIN_UNIT_VERSIONS.filter((v) => v.validTo !== null && !ADMIN_UNIT_CHANGES.some((c) => c.fromId === v.id));
    expect(ended.map((v) => v.name).sort()).toEqual(["Xã Phú Phong", "Xã Trung Lộc"]);
    for (const v of ended) expect(v.note).toMatch(/không nêu/u);
    const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const c of ADMIN_UNIT_CHANGES) {
      expect(c.on).toBe(dayAfter(unitById(c.fromId)!.validTo!));
      expect(inForceOn(unitById(c.toId)!, c.on)).toBe(true);
    }
  });

  it("follows a place through the changes: whole, split, inferred and unknown", () => {
    // Phường Trần Phú (2024) merged into Thạch Linh renamed Trần Phú on 2025-01-01 (inferred), then into Thành Sen.
    expect(communeOf("18070", "2024-07-15", "2026-01-01")).toMatchObject({ code: "18073", name: "Phường Thành Sen" });
    expect(communeOf("18070", "2024-07-15", "2025-03-01")).toMatchObject({ code: "18094", name: "Phường Trần Phú" });
    const split = unitsReplacing(unitOn("18796", "2024-07-15")!, "2026-01-01");
    expect(split.units.map((u) => [u.unit.name, u.share])).toEqual([
      ["Phường Sông Trí", "PART"],
      ["Phường Vũng Áng", "PART"],
      ["Phường Hoành Sơn", "PART"],
    ]);
    expect(communeOf("18796", "2024-07-15", "2026-01-01")).toBeNull();
    expect(unitsReplacing(unitOn("18472", "2024-07-15")!, "2026-01-01")).toEqual({ units: [], unknownPart: true });
    expect(communeOf("18472", "2024-07-15", "2026-01-01")).toBeNull();
    // A unit in force on the date is its own place.
    expect(communeOf("18202", "2026-01-01", "2026-01-01")).toMatchObject({ name: "Xã Tứ Mỹ" });
  });

  it("a district's place after it ended is its communes' (Lộc Hà: Thạch Hà and one commune of the city)", () => {
    const locHa = unitsReplacing(unitOn("448", "2024-07-15")!, "2025-03-01").units;
    expect(new Set(locHa.map((u) => u.unit.parentId))).toEqual(new Set(["445", "436"]));
    expect(locHa.find((u) => u.unit.parentId === "436")!.unit.name).toBe("Xã Hộ Độ");
    const huongKhe = unitsReplacing(unitOn("444", "2024-07-15")!, "2026-01-01").units;
    expect(huongKhe.map((u) => u.unit.name)).toContain("Xã Phúc Trạch");
    expect(huongKhe.every((u) => u.share === "PART" && u.unit.validFrom === "2025-07-01")).toBe(true);
  });

  it("a commune's district follows from the date", () => {
    expect(districtOf("18598", "2024-07-15")?.name).toBe("Huyện Lộc Hà");
    expect(districtOf("18598", "2025-03-01")?.name).toBe("Thành phố Hà Tĩnh");
    expect(districtOf("18598", "2025-07-01")).toBeNull();
  });

  it("a bare code names the last unit that bore it", () => {
    expect(latestUnit("18073")).toMatchObject({ name: "Phường Thành Sen", validFrom: "2025-07-01" });
    expect(latestUnit("444")).toMatchObject({ name: "Huyện Hương Khê", validTo: "2025-06-30" });
    expect(latestUnit("99999")).toBeNull();
  });

  it("the 2024 district list and the history agree", () => {
    for (const d of ADMIN_UNITS) expect(unitById(d.code)).toMatchObject({ name: d.name, validFrom: d.validFrom, validTo: d.validTo });
  });
});

describe("communeCodeOn: where a record lies on a date's map", () => {
  const kyLoi = unitOn("18796", "2024-07-15")!;
  const daiNai = unitOn("18082", "2024-07-15")!;
  it("follows a commune that went whole into one 2025 commune", () => {
    const kyChau = unitOn("18811", "2024-07-15")!; // Xã Kỳ Châu went whole into Phường Sông Trí
    expect(kyChau.name).toBe("Xã Kỳ Châu");
    expect(communeCodeOn(kyChau.id, null, "2026-01-01")).toBe("18754");
  });
  it("is the commune itself while it is in force, and nothing before the two-tier map for a district date", () => {
    expect(communeCodeOn(kyLoi.id, null, "2024-07-15")).toBe("18796");
  });
  it("lets the address decide a split commune, and leaves it unplaced when the address does not", () => {
    expect(communeCodeOn(kyLoi.id, "Thôn Tây Yên, phường Hoành Sơn", "2026-01-01")).toBe("18832");
    expect(communeCodeOn(kyLoi.id, "thon Dong Yen, phuong Vung Ang", "2026-01-01")).toBe("18823");
    expect(communeCodeOn(kyLoi.id, "Xã Kỳ Lợi, thị xã Kỳ Anh", "2026-01-01")).toBeNull();
    expect(communeCodeOn(daiNai.id, "Phường Thành Sen, Hà Tĩnh", "2026-01-01")).toBe("18073");
  });
  it("is null without a recorded commune", () => {
    expect(communeCodeOn(null, "Phường Hoành Sơn", "2026-01-01")).toBeNull();
  });
});

describe("unitMapDay: one day standing for the map in force", () => {
  it("groups records on every day from 2010 to 2027 as on its map's day", () => {
    const differing: string[] = [];
    for (let day = "2010-01-01"; day <= "2027-12-31"; day = addDays(day, 1)) {
      const mapDay = unitMapDay(day);
      const alike = (f: (date: string) => unknown) => JSON.stringify(f(day)) === JSON.stringify(f(mapDay));
      if (!alike(groupingUnitsOn) || !alike(groupingUnitsByCodeOn)) differing.push(day);
    }
    expect(differing).toEqual([]);
  });

  it("moves with each new map, and only then", () => {
    expect(unitMapDay("2024-01-01")).toBe(unitMapDay("2024-12-31"));
    expect(unitMapDay("2025-01-01")).toBe("2025-01-01");
    expect(unitMapDay("2025-06-30")).toBe("2025-01-01");
    expect(unitMapDay("2025-07-01")).toBe("2025-07-01");
    expect(unitMapDay("2026-11-30")).toBe("2025-07-01");
    // The maps on either side of a change group records differently.
    expect(groupingUnitsOn("2024-12-31")).not.toEqual(groupingUnitsOn("2025-01-01"));
    expect(groupingUnitsOn("2025-06-30")).not.toEqual(groupingUnitsOn("2025-07-01"));
  });
});
