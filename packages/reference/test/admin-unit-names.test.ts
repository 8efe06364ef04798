/** Places as files write them, resolved by the row's date against the three maps. */
import { placementNamedOn, unitNamedOn } from "../src";

const resolved = (text: string, date: string) => {
  const found = unitNamedOn(text, date);
  return found.unit ? found.unit.id : `${found.problem.code}: ${found.problem.message}`;
};

describe("a unit named in a file, on the row's date", () => {
  it.each([
    ["444", "2020-01-01", "444"],
    ["Huyện Hương Sơn", "2020-01-01", "439"],
    ["huyen huong son", "2020-01-01", "439"],
    ["Cẩm Xuyên", "2021-09-05", "446"], // a bare name that is a district and a township names the district
    ["TT Cẩm Xuyên", "2024-01-01", "18673"],
    ["Xã Sơn Tây, huyện Hương Sơn", "2020-01-01", "18172"],
    ["Xã Sơn Tây - Hương Sơn", "2024-06-30", "18172"],
    ["Xã Sơn Tây", "2026-01-01", "18172@2025-07-01"],
    ["18172", "2026-01-01", "18172@2025-07-01"],
    ["Phường Thành Sen, tỉnh Hà Tĩnh", "2026-01-01", "18073@2025-07-01"],
  ])("%s on %s is %s", (text, date, id) => expect(resolved(text, date)).toBe(id));

  it("refuses a 2024 commune named for a date after the communes' reform, naming the units that replaced it", () => {
    expect(resolved("Xã Cẩm Quang", "2026-01-01")).toMatch(
      /^ADMIN_UNIT_NOT_VALID_ON_DATE: Xã Cẩm Quang, Huyện Cẩm Xuyên \(18697\) no longer existed on 2026-01-01: it ended on 2025-06-30, and its area then lay in Xã Cẩm Xuyên \(18673\)/u,
    );
    expect(resolved("Xã Sơn Tây, huyện Hương Sơn", "2026-01-01")).toMatch(/no longer existed on 2026-01-01.*lay in Xã Sơn Tây \(18172\)/u);
    expect(resolved("Xã Kỳ Lợi", "2026-01-01")).toMatch(/Phường Sông Trí \(18754, part\)/u);
    expect(unitNamedOn("Xã Cẩm Quang", "2026-01-01").problem?.replacedBy).toEqual(["18673"]);
  });

  it("refuses a bare district name after the districts ended, a unit not yet formed, and names it does not know", () => {
    expect(resolved("Đức Thọ", "2026-04-12")).toMatch(
      /^ADMIN_UNIT_NOT_VALID_ON_DATE: Huyện Đức Thọ \(440\) no longer existed on 2026-04-12.*Xã Đức Thọ \(18229, part\)/u,
    );
    expect(resolved("Phường Thành Sen", "2020-01-01")).toMatch(/did not exist yet on 2020-01-01: it is in force from 2025-07-01/u);
    expect(resolved("Huyện Xa Lắm", "2020-01-01")).toMatch(/^UNKNOWN_ADMIN_UNIT: No administrative unit of Hà Tĩnh is called "Huyện Xa Lắm"/u);
  });
});

describe("a row's place from its commune and unit columns, on the row's date", () => {
  const placed = (place: { adminUnit?: string; commune?: string }, date: string) => {
    try {
      const { adminUnitCode, communeId, communeSince } = placementNamedOn(place, date);
      return { adminUnitCode, communeId, communeSince };
    } catch (error) {
      const { field, reason } = (error as { extensions: { field: string; reason: string } }).extensions;
      return `${field} ${reason}: ${(error as Error).message}`;
    }
  };

  it.each([
    // A 2024 commune with its district: the district is the unit, the commune is kept since the row's date.
    [{ adminUnit: "Huyện Hương Sơn", commune: "Xã Sơn Tây" }, "2024-03-10", { adminUnitCode: "439", communeId: "18172", communeSince: "2024-03-10" }],
    [{ adminUnit: "439", commune: "Sơn Tây" }, "2024-03-10", { adminUnitCode: "439", communeId: "18172", communeSince: "2024-03-10" }],
    // A name that is a district's and its township's: the commune column means the township.
    [{ adminUnit: "Cẩm Xuyên", commune: "Cẩm Xuyên" }, "2024-03-10", { adminUnitCode: "446", communeId: "18673", communeSince: "2024-03-10" }],
    // A 2025 commune is both; "tỉnh Hà Tĩnh" where the district stood names nothing below the province.
    [{ commune: "Xã Tứ Mỹ" }, "2025-08-01", { adminUnitCode: "18202", communeId: "18202@2025-07-01", communeSince: "2025-08-01" }],
    [{ adminUnit: "Tỉnh Hà Tĩnh", commune: "18202" }, "2025-08-01", { adminUnitCode: "18202", communeId: "18202@2025-07-01", communeSince: "2025-08-01" }],
    // A unit column alone places the record in the unit, with no commune.
    [{ adminUnit: "Huyện Hương Khê" }, "2024-03-10", { adminUnitCode: "444", communeId: null, communeSince: null }],
  ])("%j on %s", (place, date, expected) => expect(placed(place, date)).toEqual(expected));

  it("refuses a place not in force on the row's date, at the column at fault, naming the unit, the date and what replaced it", () => {
    expect(placed({ adminUnit: "444" }, "2026-01-05")).toMatch(
      /^adminUnit ADMIN_UNIT_NOT_VALID_ON_DATE: Huyện Hương Khê \(444\) no longer existed on 2026-01-05: .*Xã Hương Khê \(18496, part\)/u,
    );
    expect(placed({ commune: "Xã Tứ Mỹ" }, "2024-05-01")).toBe(
      "commune ADMIN_UNIT_NOT_VALID_ON_DATE: Xã Tứ Mỹ (18202) did not exist yet on 2024-05-01: it is in force from 2025-07-01. Use the unit in force on that date.",
    );
    expect(placed({ commune: "Xã Không Có" }, "2024-05-01")).toMatch(/^commune UNKNOWN_ADMIN_UNIT: .*"Xã Không Có".*\(the row's date: 01\/05\/2024\)$/u);
    expect(placed({ adminUnit: "Huyện Kỳ Anh", commune: "18172" }, "2024-05-01")).toBe(
      "commune COMMUNE_NOT_IN_UNIT: Xã Sơn Tây (18172) did not lie in Huyện Kỳ Anh (447) on 01/05/2024: correct the commune or the unit.",
    );
    expect(placed({ commune: "Huyện Hương Sơn" }, "2024-05-01")).toMatch(
      /^commune NOT_A_COMMUNE: "Huyện Hương Sơn" names Huyện Hương Sơn \(439\), not a commune/u,
    );
    expect(placed({}, "2024-05-01")).toMatch(/^commune REQUIRED: The row names no place/u);
  });
});
