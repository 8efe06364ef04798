import { cleanText, foldText, searchCondition, searchTerms } from "../src/text";

describe("Vietnamese text", () => {
  it("stores names in NFC with white space tidied", () => {
    const decomposed = "Hợp tác xã  Đức Thọ ".normalize("NFD");
    expect(cleanText(decomposed)).toBe("Hợp tác xã Đức Thọ");
    expect(cleanText(decomposed)).toBe(cleanText(decomposed).normalize("NFC"));
    expect(cleanText("Hợp\u0000 tác\u0007 xã")).toBe("Hợp tác xã");
  });

  it("folds diacritics and đ for search", () => {
    expect(foldText("Hợp tác xã Nông nghiệp ĐỨC THỌ")).toBe("hop tac xa nong nghiep duc tho");
    expect(searchTerms("  Hợp  tác %xã_ ")).toEqual(["hop", "tac", "xa"]);
    expect(searchTerms("113/2024/NĐ-CP (Điều 5)")).toEqual(["113", "2024", "nd", "cp", "dieu", "5"]);
    expect(searchTerms("")).toEqual([]);
  });

  it("builds one LIKE per term: a word where a word starts, a number anywhere", () => {
    expect(searchCondition("o.search_text", ["hop", "3001000188", "nd"])).toEqual({
      sql: "o.search_text LIKE :search0 AND o.search_text LIKE :search1 AND o.search_text LIKE :search2",
      params: { search0: "% hop%", search1: "%3001000188%", search2: "% nd%" },
    });
  });
});
