/**
 * What a kind of import expects: its columns, how each is recognised in a header and how its cells
 * are read. Cells arrive as exceljs or csv-parse give them (string, number, Date, formula…) and leave
 * as plain values (text NFC, money as bigint đồng, dates YYYY-MM-DD) or as a reason a person can act on.
 */
import { cleanText, foldText } from "@kttt/core";
import { dateOfCellDate, dateOfExcelSerial, readDateText } from "./dates";
import { fromLegacyText, type LegacyEncoding } from "./legacy";
import { decimalOfNumber, formatDecimal, readNumberText, scaleToWhole, unitLabel, words, type Decimal } from "./numbers";

/** Excel's own limit on the characters of a cell. */
export const MAX_CELL_CHARS = 32_767;

export type ColumnType =
  | { kind: "text"; maxLength?: number }
  | { kind: "code"; pattern: RegExp; example: string }
  | { kind: "money" }
  | { kind: "integer"; min?: number; max?: number }
  | { kind: "decimal"; min?: number; max?: number }
  | { kind: "date" }
  | { kind: "choice"; choices: { value: string; label: string; spellings?: string[] }[] };

export interface ColumnSpec {
  /** The field of the row this column fills. */
  key: string;
  /** The header written in templates and exports (Vietnamese). */
  label: string;
  /** Other headers people write for it; matched without case, diacritics, spacing or units. */
  aliases: string[];
  type: ColumnType;
  required?: boolean;
  /** What the column means, for the notes sheet of the template. */
  note: string;
  /** Values a template offers in a list for a text column (communes), without refusing others. */
  suggestions?: () => string[];
}

export interface KindSpec {
  name: string;
  /** The sheet name of its template (Vietnamese). */
  sheetName: string;
  columns: ColumnSpec[];
}

export type CellReading = { ok: true; value: unknown } | { ok: false; reason: string };

/** A cell emptied of markup: exceljs rich text, hyperlinks and formulas become what Excel shows. */
export type PlainCell = string | number | boolean | Date | null;

const DANGEROUS_FORMULA = /\||\b(HYPERLINK|WEBSERVICE|FILTERXML|IMPORTXML|IMPORTDATA|IMPORTHTML|IMPORTRANGE|CALL|REGISTER|EXEC|RTD|DDE)\s*\(/iu;

/** Text that a spreadsheet would run as a formula if written back ("=HYPERLINK(…)", "=cmd|…", "@SUM(…)"). */
export function looksLikeFormula(text: string): boolean {
  // Most cells begin with a letter or a digit: nothing more to look at.
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122)) return false;
  const t = text.trimStart();
  if (/^[=@]/u.test(t)) return true;
  return /^[+-]/u.test(t) && /[(!|]/u.test(t);
}

/** Turns an exceljs cell value into what Excel shows, refusing what must not be imported. */
export function plainCell(value: unknown): { ok: true; value: PlainCell } | { ok: false; reason: string } {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return { ok: true, value };
  const v = value as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) {
    const formula = String(v.formula ?? v.sharedFormula ?? "");
    if (DANGEROUS_FORMULA.test(formula))
      return { ok: false, reason: `the cell holds the formula =${formula.slice(0, 60)}, which calls outside the sheet; type its value instead` };
    if (v.result === undefined || v.result === null)
      return { ok: false, reason: `the formula =${formula.slice(0, 60)} has no saved value: open the file in Excel, let it calculate and save it again` };
    return plainCell(v.result);
  }
  if ("error" in v) return { ok: false, reason: `the cell shows the error ${String(v.error)}` };
  if (Array.isArray(v.richText)) return { ok: true, value: (v.richText as { text: string }[]).map((r) => r.text).join("") };
  if ("text" in v) return plainCell(v.text);
  return { ok: false, reason: "the cell holds a value that is not text, a number or a date" };
}

export function isBlank(cell: PlainCell): boolean {
  // trim() drops what \s matches (no-break spaces included): no copy of the cell for the usual filled one.
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** "-" and "–" stand for nil in published tables. */
const isNil = (text: string) => /^[-–—]$/u.test(text);

function readMoney(cell: PlainCell, headerUnit: number | null): CellReading {
  let value: Decimal | null;
  let unit = headerUnit;
  if (typeof cell === "number") value = decimalOfNumber(cell);
  else if (typeof cell === "string") {
    const read = readNumberText(cell);
    if (!read.ok) return read;
    value = read.value;
    if (read.unit !== null) unit = read.unit;
  } else return { ok: false, reason: "the cell is not an amount of money" };
  if (value === null) return { ok: false, reason: `${String(cell)} is not an amount of money` };
  if (unit === null) return { ok: false, reason: "the header names no unit: write it in the header, e.g. (đồng) or (triệu đồng)" };
  const dong = scaleToWhole(value, unit);
  if (dong === null) return { ok: false, reason: `${formatDecimal(value)} ${unitLabel(unit)} is not a whole number of đồng` };
  return { ok: true, value: dong };
}

function readDecimal(cell: PlainCell): { ok: true; value: Decimal } | { ok: false; reason: string } {
  if (typeof cell === "number") {
    const value = decimalOfNumber(cell);
    return value ? { ok: true, value } : { ok: false, reason: `${cell} is not a number` };
  }
  if (typeof cell === "string") {
    const read = readNumberText(cell.replace(/%$/u, ""));
    if (!read.ok) return read;
    if (read.unit !== null) return { ok: false, reason: `"${cell}" carries a unit where a plain number belongs` };
    return { ok: true, value: read.value };
  }
  return { ok: false, reason: "the cell is not a number" };
}

function inRange(n: number, type: { min?: number; max?: number }): string | null {
  if (type.min !== undefined && n < type.min) return `${n} is below ${type.min}`;
  if (type.max !== undefined && n > type.max) return `${n} is above ${type.max}`;
  return null;
}

/** What a sheet has shown so far of a legacy encoding: once one cell is surely TCVN3 or VNI, its short cells are read as such. */
export interface ColumnLegacy {
  encoding: LegacyEncoding | null;
}

/**
 * Reads one non-blank cell as its column's type; `headerUnit` is the money unit read from the header;
 * text typed in a legacy encoding is converted to Unicode first (`legacy` carries the sheet's encoding).
 */
export function readCell(spec: ColumnSpec, cell: PlainCell, headerUnit: number | null, legacy: ColumnLegacy = { encoding: null }): CellReading {
  if (typeof cell === "string") {
    if (cell.length > MAX_CELL_CHARS) return { ok: false, reason: `the cell holds ${cell.length} characters, more than Excel's limit of ${MAX_CELL_CHARS}` };
    if (looksLikeFormula(cell)) {
      return { ok: false, reason: `"${cell.slice(0, 60)}" looks like a spreadsheet formula; formulas are not imported` };
    }
    const unicode = fromLegacyText(cell, legacy.encoding);
    if (!unicode.ok) return { ok: false, reason: unicode.reason };
    if (unicode.encoding) legacy.encoding = unicode.encoding;
    cell = unicode.text;
    if (spec.type.kind !== "text" && isNil(cell.trim())) return { ok: true, value: null };
  }
  const type = spec.type;
  switch (type.kind) {
    case "text": {
      const text = cleanText(cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell));
      if (type.maxLength && text.length > type.maxLength) return { ok: false, reason: `the text has ${text.length} characters; at most ${type.maxLength}` };
      return { ok: true, value: text };
    }
    case "code": {
      // Excel drops leading zeros of numbers and people type dots or spaces inside codes.
      const text = typeof cell === "number" ? String(cell) : cleanText(String(cell)).replace(/[.\s]/gu, "");
      if (!type.pattern.test(text)) return { ok: false, reason: `"${String(cell)}" is not a valid code (e.g. ${type.example})` };
      return { ok: true, value: text };
    }
    case "money":
      return readMoney(cell, headerUnit);
    case "integer": {
      const read = readDecimal(cell);
      if (!read.ok) return read;
      const whole = scaleToWhole(read.value, 0);
      if (whole === null) return { ok: false, reason: `${String(cell)} is not a whole number` };
      const n = Number(whole);
      const out = inRange(n, type);
      return out ? { ok: false, reason: out } : { ok: true, value: n };
    }
    case "decimal": {
      const read = readDecimal(cell);
      if (!read.ok) return read;
      const n = Number(read.value.units) / 10 ** read.value.scale;
      const out = inRange(n, type);
      return out ? { ok: false, reason: out } : { ok: true, value: n };
    }
    case "date": {
      const reading = cell instanceof Date ? dateOfCellDate(cell) : typeof cell === "number" ? dateOfExcelSerial(cell) : readDateText(String(cell));
      return reading;
    }
    case "choice": {
      const folded = words(String(cell));
      const found = type.choices.find(
        (c) => c.value.toLowerCase() === String(cell).trim().toLowerCase() || words(c.label) === folded || (c.spellings ?? []).some((s) => words(s) === folded),
      );
      if (!found) return { ok: false, reason: `"${String(cell)}" is not one of: ${type.choices.map((c) => c.label).join("; ")}` };
      return { ok: true, value: found.value };
    }
  }
}

/** A header reduced for matching: folded, units and parenthesised remarks dropped, words only. */
export function headerKey(text: string): string {
  return words(
    foldText(text)
      .replace(/\([^)]*\)?/gu, " ")
      .replace(/\s*,\s*(don vi|dvt|trieu|ty|nghin|ngan|dong|vnd).*$/u, ""),
  );
}

/** A column's label and aliases reduced as headers are, once per column. */
const NAME_KEYS = new WeakMap<ColumnSpec, string[]>();

/** How well a header cell, reduced by `headerKey`, names a column: 2 exact, 1 by a leading alias, 0 not at all. */
export function headerMatch(spec: ColumnSpec, key: string): number {
  if (key === "") return 0;
  let names = NAME_KEYS.get(spec);
  if (!names) NAME_KEYS.set(spec, (names = [spec.label, ...spec.aliases].map(headerKey)));
  if (names.includes(key)) return 2;
  return names.some((n) => n.length >= 4 && key.startsWith(`${n} `)) ? 1 : 0;
}
