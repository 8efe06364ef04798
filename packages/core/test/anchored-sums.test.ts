import { anchorDay, groupRawSums, halfYearOf, netRawSums, rawSumsOf } from "../src/anchored-sums";

describe("anchored sums", () => {
  it("anchors every date of a half-year at its end", () => {
    expect(["2024-01-01", "2024-02-29", "2024-06-30"].map(anchorDay)).toEqual(["2024-06-30", "2024-06-30", "2024-06-30"]);
    expect(["2024-07-01", "2024-12-31"].map(anchorDay)).toEqual(["2024-12-31", "2024-12-31"]);
    expect(["2024-01-01", "2024-06-30", "2024-07-01", "2024-12-31"].map((d) => halfYearOf(d).first)).toEqual([
      "2024-01-01",
      "2024-01-01",
      "2024-07-01",
      "2024-07-01",
    ]);
  });

  it("adds the changes on the date, takes away the same records on the anchor day, and drops keys left empty", () => {
    const rows = rawSumsOf(
      [
        // The anchor day: two parts of one key (a UNION), and a key whose one record was founded after the date.
        { commune: "A", n: 3, count: 3, money: "100" },
        { commune: "A", n: 2, count: 0, money: null },
        { commune: "B", n: 1, count: 1, money: "9007199254740993" },
        // Changed records as on the date (plus) and as on the anchor day (not plus).
        { commune: "A", plus: true, n: 1, count: 1, money: "5" },
        { commune: "B", plus: false, n: 1, count: 1, money: "9007199254740993" },
        { commune: "C", plus: true, n: 1, count: 1, money: "7" },
      ],
      ["commune"],
      ["count"],
      ["money"],
    );
    expect(netRawSums(rows)).toEqual([
      { keys: ["A"], n: 6, counts: [4], sums: [105n] },
      { keys: ["C"], n: 1, counts: [1], sums: [7n] },
    ]);
  });

  it("groups rows by a key of their raw keys", () => {
    const rows = netRawSums(
      rawSumsOf(
        [
          { c: "1", n: 1 },
          { c: "2", n: 2 },
          { c: "3", n: 3 },
        ],
        ["c"],
        [],
      ),
    );
    const groups = groupRawSums(rows, ([c]) => (Number(c) % 2 ? "odd" : "even"));
    expect([...groups.entries()].map(([k, rs]) => [k, rs.map((r) => r.n)])).toEqual([
      ["odd", [1, 3]],
      ["even", [2]],
    ]);
  });
});
