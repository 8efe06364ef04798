/**
 * Numbers as Vietnamese spreadsheets write them ("1.234.567", "1.234,5", "2,5 tỷ"), read into exact
 * decimals (digits as a bigint and a scale) so that money reaches whole đồng without a float.
 */
import { foldText } from "@kttt/core";

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

/** Powers of ten of each money unit, by its folded spellings (longest first when matching). */
export const MONEY_UNITS: { exponent: number; label: string; spellings: string[] }[] = [
  { exponent: 9, label: "tỷ đồng", spellings: ["ty dong", "ty vnd", "ty d", "ty"] },
  { exponent: 6, label: "triệu đồng", spellings: ["trieu dong", "trieu vnd", "trieu d", "trieu", "tr d", "trd", "tr"] },
  {
    exponent: 3,
    label: "nghìn đồng",
    spellings: ["nghin dong", "ngan dong", "nghin vnd", "ngan vnd", "nghin d", "ngan d", "1000 dong", "1 000 dong", "1000d", "nghin", "ngan"],
  },
  { exponent: 0, label: "đồng", spellings: ["dong", "vnd", "vnđ", "d"] },
];

/** Words of a folded text: letters and digits, everything else a separator ("tr.đ" → "tr d"). */
export function words(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/gu, " ")
    .trim();
}

/** The money unit a piece of text names, as a power of ten, or null. */
export function unitOf(text: string): number | null {
  const folded = ` ${words(text)} `;
  for (const unit of MONEY_UNITS) {
    if (unit.spellings.some((s) => folded.includes(` ${s} `))) return unit.exponent;
  }
  return null;
}

export function unitLabel(exponent: number): string {
  return MONEY_UNITS.find((u) => u.exponent === exponent)?.label ?? `10^${exponent} đồng`;
}

/** A JS number as Excel shows it (15 significant digits), as an exact decimal. */
export function decimalOfNumber(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  const text = Number(value.toPrecision(15)).toString();
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? "";
  let units = BigInt(`${m[2]}${fraction}`);
  let scale = fraction.length - Number(m[4] ?? 0);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: m[1] ? -units : units, scale };
}

export type NumberReading = { ok: true; value: Decimal; unit: number | null } | { ok: false; reason: string };

/**
 * Reads a number written as text. Thousands are grouped by "." and decimals follow ",", the
 * Vietnamese way; a lone "." followed by other than three digits can only be a decimal point.
 * A unit written after the number ("2,5 tỷ") is returned for money columns. Ranges and words are
 * refused, never guessed.
 */
export function readNumberText(raw: string): NumberReading {
  const text = raw.replace(/[\s\u00a0\u202f]+/gu, " ").trim();
  const m = /^([+-]?)\s*(\d[\d.,\s]*)(.*)$/u.exec(text);
  if (!m) return { ok: false, reason: `"${raw}" is not a number` };
  const sign = m[1] === "-" ? -1n : 1n;
  const rest = m[3].trim();
  let unit: number | null = null;
  if (rest !== "") {
    if (/^[-–~]\s*\d/u.test(rest)) return { ok: false, reason: `"${raw}" is a range, not one number: write a single value` };
    // Only a unit may follow the number, with the period a header would carry ("/năm", "/tháng").
    const spelled = words(rest).replace(/ (nam|thang)$/u, "");
    unit = MONEY_UNITS.find((u) => u.spellings.includes(spelled))?.exponent ?? null;
    if (unit === null) return { ok: false, reason: `"${raw}" is not a number` };
  }
  const body = m[2].replace(/\s+/gu, "");
  if (/[.,]$/u.test(body)) return { ok: false, reason: `"${raw}" is not a number` };
  const dots = (body.match(/\./gu) ?? []).length;
  const commas = (body.match(/,/gu) ?? []).length;
  let integer: string;
  let fraction = "";
  const grouped = (digits: string, sep: string) => (sep === "." ? /^\d{1,3}(\.\d{3})+$/u : /^\d{1,3}(,\d{3})+$/u).test(digits);
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal mark, the other groups thousands.
    const decimalMark = body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
    const groupMark = decimalMark === "," ? "." : ",";
    const [whole, frac, extra] = body.split(decimalMark);
    if (extra !== undefined || !grouped(whole, groupMark)) return { ok: false, reason: `"${raw}" mixes "." and "," in a way that is not a number` };
    integer = whole.split(groupMark).join("");
    fraction = frac;
  } else if (dots > 1 || commas > 1) {
    const mark = dots > 1 ? "." : ",";
    if (!grouped(body, mark)) return { ok: false, reason: `"${raw}" has "${mark}" where thousands should be grouped by three digits` };
    integer = body.split(mark).join("");
  } else if (dots === 1) {
    const [whole, frac] = body.split(".");
    if (frac.length === 3) integer = whole + frac;
    else {
      integer = whole;
      fraction = frac;
    }
  } else if (commas === 1) {
    [integer, fraction] = body.split(",");
  } else {
    integer = body;
  }
  return { ok: true, value: { units: sign * BigInt(`${integer}${fraction}`), scale: fraction.length }, unit };
}

/** `value × 10^exponent` in whole units, or null when it leaves a fraction. */
export function scaleToWhole(value: Decimal, exponent: number): bigint | null {
  const shift = exponent - value.scale;
  if (shift >= 0) return value.units * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return value.units % divisor === 0n ? value.units / divisor : null;
}

export function formatDecimal(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, "0");
  const whole = digits.slice(0, digits.length - value.scale).replace(/\B(?=(\d{3})+(?!\d))/gu, ".");
  const fraction = value.scale > 0 ? `,${digits.slice(digits.length - value.scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
