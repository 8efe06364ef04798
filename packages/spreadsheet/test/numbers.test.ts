import { readCell, readNumberText, scaleToWhole, type ColumnSpec } from "../src";

const money: ColumnSpec = { key: "m", label: "Vốn", aliases: [], type: { kind: "money" }, note: "" };

describe("numbers as Vietnamese sheets write them", () => {
  it.each([
    ["1.234.567", 1234567n, 0],
    ["1.234,5", 12345n, 1],
    ["1,5", 15n, 1],
    ["1.5", 15n, 1],
    ["1.500", 1500n, 0],
    ["1,234,567", 1234567n, 0],
    ["1,234.5", 12345n, 1],
    ["-2.000", -2000n, 0],
    ["  12 345 ", 12345n, 0],
  ])("%s", (text, units, scale) => {
    expect(readNumberText(text)).toEqual({ ok: true, value: { units, scale }, unit: null });
  });

  it.each(["1.23.4", "1,5-2", "abc", "12,", "1.234,5,6"])("refuses %s", (text) => {
    expect(readNumberText(text).ok).toBe(false);
  });

  it("converts to whole đồng exactly, never through a float", () => {
    expect(readCell(money, "2,5 tỷ", null)).toEqual({ ok: true, value: 2_500_000_000n });
    expect(readCell(money, "1.934 triệu đồng", null)).toEqual({ ok: true, value: 1_934_000_000n });
    expect(readCell(money, "9.007.199.254.740.993", 0)).toEqual({ ok: true, value: 9_007_199_254_740_993n }); // above 2^53
    expect(readCell(money, 0.1 + 0.2, 6)).toEqual({ ok: true, value: 300_000n }); // Excel's 15 significant digits
    expect(readCell(money, "1,2345678", 6)).toEqual({ ok: false, reason: "1,2345678 triệu đồng is not a whole number of đồng" });
    expect(scaleToWhole({ units: 15n, scale: 1 }, 3)).toBe(1500n);
  });
});
