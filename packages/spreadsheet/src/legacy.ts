/**
 * Text typed in the pre-Unicode Vietnamese font encodings and read back as Unicode, converted to
 * Unicode NFC. TCVN3 (ABC, the .VnTime fonts) puts each accented lowercase letter on one byte, most of
 * them Latin-1 symbols when read as Unicode ("Hîp t¸c x·" for "Hợp tác xã"): its bytes are decoded with
 * iconv-lite's TCVN 5712 table (whose upper half is TCVN3's). VNI (VNI-Times) writes the base letter
 * followed by a Latin-1 letter standing for the marks ("Hôïp taùc xaõ"): its table is built below from
 * the encoding's rule (base letter, then one mark letter for the vowel's hat and tone together).
 * Unicode Vietnamese never contains those symbols, nor the Latin-1 letters Vietnamese does not use, nor
 * a plain vowel followed by one of VNI's mark letters; text that still does after conversion is refused
 * with the encoding named, so the person converts it by hand (Unikey's converter does).
 *
 * Capitals typed with TCVN3's separate capital fonts (.VnTimeH) carry the lowercase codes: they come
 * out in lowercase, as the codes say.
 */
import iconv from "iconv-lite";

export type LegacyEncoding = "TCVN3" | "VNI";

const LATIN1_SYMBOLS = /[\u00a1-\u00bf\u00d7\u00f7]/gu;
/** Latin-1 letters that Vietnamese does not use. */
const FOREIGN_LETTERS = /[äåæçëîïðñöøûüþÿÄÅÆÇËÎÏÐÑÖØÛÜÞß]/gu;
/** VNI's base vowel (ơ and ư written ô and ö) + mark letter pairs that cannot occur in Vietnamese words. */
const VNI_PAIRS = /[aeiouyôöAEIOUYÔÖ][ùøûõïäåëÙØÛÕÏÄÅË]/gu;
/** Characters beyond Latin-1: a cell holding one is Unicode Vietnamese (ơ, ư, đ, ạ…), not a legacy encoding. */
const BEYOND_LATIN1 = /[^\t\n\r\u0020-\u00ff]/u;
/** The upper half of Latin-1, where every code of both encodings lies: text without it is no legacy text. */
const UPPER_LATIN1 = /[\u00a0-\u00ff]/u;

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

/**
 * The legacy encoding a cell's text is typed in, or null. `known` is the encoding already found in the
 * cell's column: one telltale character is then enough (a short name such as "Kú" for "Kỳ").
 */
export function legacyEncodingOf(text: string, known: LegacyEncoding | null = null): LegacyEncoding | null {
  // Most cells: plain ASCII (codes, dates, numbers) or Unicode Vietnamese; nothing to count.
  if (!UPPER_LATIN1.test(text) || BEYOND_LATIN1.test(text)) return null;
  const symbols = count(text, LATIN1_SYMBOLS);
  const foreign = count(text, FOREIGN_LETTERS);
  const pairs = count(text, VNI_PAIRS);
  if (symbols >= 1 && symbols + foreign >= 2) return "TCVN3";
  // VNI text marks most toned vowels with a pair; two foreign letters alone are a foreign name, or TCVN3 capitals.
  if (symbols === 0 && pairs >= 1 && foreign + pairs >= 2) return "VNI";
  // In a column known to be legacy text, any Latin-1 letter or symbol is one of its codes.
  if (known === "TCVN3") return "TCVN3";
  if (known === "VNI" && symbols === 0 && /[\u00c0-\u00ff]/u.test(text)) return "VNI";
  return null;
}

export const LEGACY_ENCODING_NAME: Record<LegacyEncoding, string> = {
  TCVN3: "TCVN3 (ABC, .VnTime fonts)",
  VNI: "VNI (VNI-Times fonts)",
};

/** TCVN3's bytes 0xA0–0xFF as Unicode, from iconv-lite's TCVN 5712 table. */
const TCVN3_HIGH: string[] = [...iconv.decode(Buffer.from(Array.from({ length: 96 }, (_, i) => 0xa0 + i)), "tcvn")];

function fromTcvn3(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code >= 0xa0 && code <= 0xff ? TCVN3_HIGH[code - 0xa0] : ch;
  }
  return out;
}

/** Combining tone marks in VNI's order: none, sắc, huyền, hỏi, ngã, nặng. */
const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

/**
 * VNI sequences and the letters they stand for. Each vowel is written as a base letter and, where it
 * has a hat or a tone, one mark letter (lowercase marks after lowercase letters, capitals after capitals):
 *  - tone alone (a, e, o, u, y, and ơ written ô, ư written ö): ù sắc, ø huyền, û hỏi, õ ngã, ï nặng;
 *  - circumflex (â, ê, ô), alone or with a tone: â, á, à, å, ã, ä;
 *  - breve (ă), alone or with a tone: ê, é, è, ú, ü, ë;
 *  - i is one letter with its tone: i, í, ì, æ, ó, ò; ỵ is î; đ is ñ.
 */
function vniTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (lower: string[], upper: string[], unicodeBase: string) => {
    TONES.forEach((tone, t) => {
      const letter = (unicodeBase + tone).normalize("NFC");
      if (lower[t]) table.set(lower[t], letter);
      if (upper[t]) table.set(upper[t], letter.toUpperCase());
    });
  };
  const toneMarks = ["", "ù", "ø", "û", "õ", "ï"];
  const toneMarksUpper = ["", "Ù", "Ø", "Û", "Õ", "Ï"];
  const hat = ["â", "á", "à", "å", "ã", "ä"];
  const hatUpper = ["Â", "Á", "À", "Å", "Ã", "Ä"];
  const breve = ["ê", "é", "è", "ú", "ü", "ë"];
  const breveUpper = ["Ê", "É", "È", "Ú", "Ü", "Ë"];
  const withMarks = (base: string, marks: string[]) => marks.map((m) => (m ? base + m : ""));
  for (const v of ["a", "e", "o", "u", "y"]) add(withMarks(v, toneMarks), withMarks(v.toUpperCase(), toneMarksUpper), v);
  for (const v of ["a", "e", "o"])
    add([v + hat[0], ...withMarks(v, hat.slice(1))], [v.toUpperCase() + hatUpper[0], ...withMarks(v.toUpperCase(), hatUpper.slice(1))], `${v}\u0302`);
  add([`a${breve[0]}`, ...withMarks("a", breve.slice(1))], [`A${breveUpper[0]}`, ...withMarks("A", breveUpper.slice(1))], "a\u0306");
  add(["ô", ...withMarks("ô", toneMarks.slice(1))], ["Ô", ...withMarks("Ô", toneMarksUpper.slice(1))], "o\u031b");
  add(["ö", ...withMarks("ö", toneMarks.slice(1))], ["Ö", ...withMarks("Ö", toneMarksUpper.slice(1))], "u\u031b");
  add(["", "í", "ì", "æ", "ó", "ò"], ["", "Í", "Ì", "Æ", "Ó", "Ò"], "i");
  table.set("î", "ỵ");
  table.set("Î", "Ỵ");
  table.set("ñ", "đ");
  table.set("Ñ", "Đ");
  return table;
}

const VNI = vniTable();

function fromVni(text: string): string {
  let out = "";
  const chars = [...text];
  for (let i = 0; i < chars.length; i += 1) {
    const pair = i + 1 < chars.length ? VNI.get(chars[i] + chars[i + 1]) : undefined;
    if (pair) {
      out += pair;
      i += 1;
      continue;
    }
    out += VNI.get(chars[i]) ?? chars[i];
  }
  return out;
}

export type LegacyReading = { ok: true; text: string; encoding: LegacyEncoding | null } | { ok: false; encoding: LegacyEncoding; reason: string };

/**
 * A cell's text in Unicode NFC: as it is when it is Unicode, converted when it is typed in TCVN3 or VNI,
 * refused (naming the encoding) when the conversion leaves characters Vietnamese does not use.
 */
export function fromLegacyText(text: string, known: LegacyEncoding | null = null): LegacyReading {
  const encoding = legacyEncodingOf(text, known);
  if (!encoding) return { ok: true, text, encoding: null };
  const converted = (encoding === "TCVN3" ? fromTcvn3(text) : fromVni(text)).normalize("NFC");
  if (count(converted, LATIN1_SYMBOLS) + count(converted, FOREIGN_LETTERS) > 0) {
    return {
      ok: false,
      encoding,
      reason: `"${text.slice(0, 60)}" looks typed in the legacy ${LEGACY_ENCODING_NAME[encoding]} encoding but does not convert cleanly to Unicode: convert the column to Unicode (e.g. with Unikey's converter) and import again`,
    };
  }
  return { ok: true, text: converted, encoding };
}

/**
 * The legacy encoding of a CSV that is not UTF-8, from its first bytes read as Latin-1: TCVN3 where its
 * symbols appear (Windows-1258 Vietnamese never uses them), VNI where its vowel + mark pairs do; null for
 * Windows-1258.
 */
export function legacyEncodingOfBytes(start: Buffer): LegacyEncoding | null {
  const text = start.toString("latin1");
  if (count(text, LATIN1_SYMBOLS) >= 2) return "TCVN3";
  if (count(text, /[aeiouyAEIOUY][ùøûïäåëÙØÛÏÄÅË]/gu) >= 2) return "VNI";
  return null;
}
