/**
 * Text typed in the pre-Unicode Vietnamese font encodings and read back as Unicode. TCVN3 (ABC, the
 * .VnTime fonts) puts each accented letter on one Latin-1 code, many of them symbols ("Hîp t¸c x·"
 * for "Hợp tác xã"); VNI (VNI-Times) writes the base letter followed by a Latin-1 letter standing for
 * the marks ("Hôïp taùc xaõ"). Unicode Vietnamese never contains those symbols, nor the Latin-1
 * letters Vietnamese does not use, nor a plain vowel followed by a tone-marked one of VNI's pairs.
 * Such text is refused with the encoding named, so the person converts it (Unikey's converter does).
 */

export type LegacyEncoding = "TCVN3" | "VNI";

const LATIN1_SYMBOLS = /[\u00a1-\u00bf\u00d7\u00f7]/gu;
/** Latin-1 letters that Vietnamese does not use. */
const FOREIGN_LETTERS = /[äåæçëîïðñöøûüþÿÄÅÆÇËÎÏÐÑÖØÛÜÞß]/gu;
/** VNI's base vowel + mark letter pairs that cannot occur in Vietnamese words. */
const VNI_PAIRS = /[aeiouyAEIOUY][ùøûõïäåë]/gu;

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

export function legacyEncodingOf(text: string): LegacyEncoding | null {
  const symbols = count(text, LATIN1_SYMBOLS);
  const foreign = count(text, FOREIGN_LETTERS);
  if (symbols >= 1 && symbols + foreign >= 2) return "TCVN3";
  if (symbols === 0 && foreign + count(text, VNI_PAIRS) >= 2) return "VNI";
  return null;
}

export const LEGACY_ENCODING_NAME: Record<LegacyEncoding, string> = {
  TCVN3: "TCVN3 (ABC, .VnTime fonts)",
  VNI: "VNI (VNI-Times fonts)",
};
