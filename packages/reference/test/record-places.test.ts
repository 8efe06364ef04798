import { groupingUnitsByCodeOn, placementOn, unitFilterOn, unitMapDateFor, unitsShareGround, unitById } from "../src";

describe("where a record lies", () => {
  it("places a record by the unit in force on the date, refusing an ended district with the communes that replaced it", () => {
    expect(placementOn("444", "2024-07-15", "f")).toEqual({ adminUnitCode: "444", communeId: null, communeSince: null });
    expect(placementOn("18547", "2026-02-01", "f")).toEqual({ adminUnitCode: "18547", communeId: "18547@2025-07-01", communeSince: "2026-02-01" });
    const mid2024 = placementOn("18547", "2024-07-15", "f");
    expect(mid2024.adminUnitCode).toBe(unitById(mid2024.communeId!)!.parentId);
    expect(() => placementOn("444", "2026-02-01", "input.adminUnitCode")).toThrow(
      /Huyện Hương Khê \(444\) no longer existed on 2026-02-01.*Xã Phúc Trạch \(18547, part\)/u,
    );
    expect(() => placementOn("99999", "2026-02-01", "f")).toThrow(/no administrative unit with code 99999/u);
  });

  it("tells which unit codes can name the same record's place, and which cannot", () => {
    expect(unitsShareGround("445", "448")).toBe(true); // Lộc Hà merged into Thạch Hà
    expect(unitsShareGround("436", "448")).toBe(true); // Hộ Độ went to the city
    expect(unitsShareGround("436", "437")).toBe(false); // two districts that stayed apart
    expect(unitsShareGround("18547", "444")).toBe(true); // a 2025 commune and the district it took land from
    expect(unitsShareGround("18547", "436")).toBe(false);
  });

  it("counts code-only records under the period's units: Lộc Hà under Thạch Hà in 2025, districts unplaced after 2025-06-30", () => {
    const on = (date: string) => {
      const { codes, unitCodes } = groupingUnitsByCodeOn(date);
      return new Map(codes.map((c, i) => [c, unitCodes[i]]));
    };
    expect(on("2024-12-31").get("448")).toBe("448");
    expect(on("2025-03-01").get("448")).toBe("445");
    expect(on("2026-01-01").has("444")).toBe(false);
    expect(on("2026-01-01").get("18547")).toBe("18547");
  });

  it("judges a unit filter on its date, and a unit's own figures on its last day once it ended", () => {
    const locHa = unitFilterOn("445", "2025-06-30", "2026-01-01");
    expect(locHa.codes).toEqual(expect.arrayContaining(["445", "448"]));
    expect(unitFilterOn("445", "2024-07-15", "2026-01-01").codes).not.toContain("448");
    expect(unitMapDateFor("444", "2025-01-01", "2025-12-31")).toBe("2025-06-30");
    expect(unitMapDateFor("18547@2025-07-01", "2025-01-01", "2025-12-31")).toBe("2025-12-31");
    expect(unitMapDateFor("444", "2024-01-01", "2024-12-31")).toBe("2024-12-31");
  });
});
