/**
 * Vietnamese text handling. Text is stored in Unicode NFC (one code point per accented letter), so
 * that equal names compare equal whatever keyboard produced them; search folds diacritics on both
 * sides in SQL (`kttt_fold`, see the migrations), so "hop tac xa" finds "Hợp tác xã".
 */

/**
 * Trims, collapses inner white space, drops control characters (PostgreSQL refuses NUL in text, and
 * none belongs in a name) and normalises to NFC.
 */
export function cleanText(value: string): string {
  const nfc = value.normalize("NFC");
  // Most text is clean already (a batch import cleans every cell of thousands of rows): one test, no copies.
  if (ALREADY_CLEAN.test(nfc)) return nfc;
  return nfc
    .replace(/\s+/gu, " ")
    .replace(/\p{Cc}/gu, "")
    .trim();
}

/** Words of neither white space nor control characters, one space between them: what cleanText leaves as it is. */
const ALREADY_CLEAN = /^(?:[^\s\p{Cc}]+(?: [^\s\p{Cc}]+)*)?$/u;

export function cleanOptionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanText(value);
  return cleaned === "" ? null : cleaned;
}

/**
 * Folds text the way the database's `kttt_fold` does (strip diacritics, đ→d, lower case). Used
 * to split a search into terms; the comparison itself happens in SQL.
 */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/gu, "d")
    .replace(/Đ/gu, "D")
    .toLowerCase();
}

/**
 * The search terms of a user's query: its folded words, split where the search text is (core's searchWordsMigration:
 * at every run of characters that are neither letters nor digits), so "NĐ-CP" is the terms "nd" and "cp". At most ten.
 */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  return foldText(cleanText(query))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 10);
}

/**
 * A TypeORM condition for "every term is found in the folded column", with named parameters `${prefix}0`,
 * `${prefix}1`, …. The column holds its text's words with a space in front of each (core's searchWordsMigration),
 * so a term that starts with a letter is found where a word starts (`LIKE '% term%'`: "son" finds "Hương Sơn", a word
 * typed in part such as "ngh" finds "Nông nghiệp", but "huong" does not find "Thượng" nor "ha" "Chăn"), and a number
 * anywhere (`LIKE '%term%'`), so the end of a registration number finds it too. The trigram GIN index serves both.
 */
export function searchCondition(column: string, terms: string[], prefix = "search"): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const parts = terms.map((term, i) => {
    params[`${prefix}${i}`] = /^\p{L}/u.test(term) ? `% ${term}%` : `%${term}%`;
    return `${column} LIKE :${prefix}${i}`;
  });
  return { sql: parts.join(" AND "), params };
}
