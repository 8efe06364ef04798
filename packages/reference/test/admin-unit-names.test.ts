/** Places as files write them, resolved by the row's date against the three maps. */
import { unitNamedOn } from "../src";

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
