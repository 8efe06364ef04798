/**
 * A register read as a table: the header row found under any title block (one row, or two when
 * merged cells group columns), each header matched to a column of the kind, the money unit read
 * from the header or from a "Đơn vị tính" line, then every data row read into values or problems.
 * STT columns, column-number rows, blank rows and subtotal rows ("Tổng cộng", "Cộng") are skipped.
 */
import {
  headerKey,
  headerMatch,
  isBlank,
  plainCell,
  readCell,
  type CellReading,
  type ColumnLegacy,
  type ColumnSpec,
  type KindSpec,
  type PlainCell,
} from "./columns";
import { legacyEncodingOf } from "./legacy";
import { SpreadsheetError } from "./errors";
import { unitOf, words } from "./numbers";
import { openSource, type RawRow, type ReadLimits, type Source } from "./readers";

export interface CellProblem {
  /** The column's header as the file writes it. */
  column: string;
  /** The column letter as Excel shows it (A, B, …, AA). */
  columnLetter: string;
  value: string;
  reason: string;
}

export interface TableRow {
  /** The row number as Excel shows it. */
  rowNumber: number;
  values: Record<string, unknown>;
  problems: CellProblem[];
}

export interface MatchedColumn {
  spec: ColumnSpec;
  /** 0-based index of the file's column. */
  index: number;
  header: string;
  /** Money unit as a power of ten, read from the header or the sheet's "Đơn vị tính". */
  unit: number | null;
}

export interface Table {
  source: Source;
  /** Excel row numbers of the header (one, or two when a merged row groups the columns). */
  headerRows: number[];
  columns: MatchedColumn[];
  /** How many columns the header spans. */
  width: number;
  /** Headers of the file that no column of the kind takes (ignored; shown to the user). */
  ignoredHeaders: string[];
  rows: AsyncGenerator<TableRow>;
  /** Counts of rows skipped as subtotals or notes, filled in as rows are read. */
  skipped: { subtotals: number; notes: number };
}

const HEADER_SEARCH_ROWS = 30;
const STT = new Set(["stt", "so tt", "tt", "so thu tu", "thu tu", "no"]);
const SUBTOTAL = /^(tong cong|tong so|tong|cong|total)( |:|$)/u;

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function text(cell: unknown): string {
  const plain = plainCell(cell);
  if (!plain.ok || plain.value === null) return "";
  return plain.value instanceof Date ? plain.value.toISOString().slice(0, 10) : String(plain.value).replace(/\s+/gu, " ").trim();
}

/** Whether a cell shows anything (its `text` is not empty), without a copy of the usual string cell. */
const shows = (cell: unknown) => (typeof cell === "string" ? cell.trim() !== "" : cell !== null && cell !== undefined && text(cell) !== "");

/** Distinct texts of a column whose readings are kept, and the longest text kept. */
const CACHE_SIZE = 1000;
const CACHED_CHARS = 200;

/** The header texts of one row, or of two rows where the upper one's merged labels span the lower one's. */
function headerTexts(upper: RawRow | null, lower: RawRow): string[] {
  const width = Math.max(lower.cells.length, upper?.cells.length ?? 0);
  const out: string[] = [];
  let group = "";
  for (let i = 0; i < width; i += 1) {
    const top = upper ? text(upper.cells[i]) : "";
    const bottom = text(lower.cells[i]);
    // A merged cell keeps its text in its first cell only: carry it right over the cells it spans.
    if (top !== "") group = top;
    else if (bottom === "") group = "";
    if (!upper) out.push(bottom);
    else if (bottom === "") out.push(top);
    else if (group !== "" && top === "") out.push(`${group} ${bottom}`);
    else out.push(top === "" ? bottom : bottom === top ? top : `${top} ${bottom}`);
  }
  return out;
}

function matchColumns(spec: KindSpec, headers: string[]): { columns: MatchedColumn[]; score: number } {
  const columns: MatchedColumn[] = [];
  let score = 0;
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  for (const column of spec.columns) {
    let best = { index: -1, quality: 0 };
    keys.forEach((key, index) => {
      if (used.has(index)) return;
      const quality = headerMatch(column, key);
      if (quality > best.quality) best = { index, quality };
    });
    if (best.index >= 0) {
      used.add(best.index);
      score += best.quality;
      columns.push({ spec: column, index: best.index, header: headers[best.index], unit: null });
    }
  }
  return { columns, score };
}

function sheetUnit(rows: RawRow[]): number | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      const t = words(text(cell));
      const m = /(?:^| )(?:don vi tinh|don vi|dvt)( .*)$/u.exec(t);
      if (m) {
        const unit = unitOf(m[1]);
        if (unit !== null) return unit;
      }
    }
  }
  return null;
}

/** Opens a file as a table of the given kind. */
export async function openTable(path: string, spec: KindSpec, options: { sheet?: string; limits?: Partial<ReadLimits> } = {}): Promise<Table> {
  const source = await openSource(path, options);
  const iterator = source.rows[Symbol.asyncIterator]();
  const buffered: RawRow[] = [];
  while (buffered.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
  }
  let best: { at: number; two: boolean; columns: MatchedColumn[]; score: number; headers: string[] } | null = null;
  buffered.forEach((row, i) => {
    const candidates: { two: boolean; headers: string[] }[] = [{ two: false, headers: headerTexts(null, row) }];
    if (i > 0 && buffered[i - 1].number === row.number - 1) candidates.push({ two: true, headers: headerTexts(buffered[i - 1], row) });
    for (const c of candidates) {
      const { columns, score } = matchColumns(spec, c.headers);
      if (!best || score > best.score) best = { at: i, two: c.two, columns, score, headers: c.headers };
    }
  });
  const found = best as { at: number; two: boolean; columns: MatchedColumn[]; score: number; headers: string[] } | null;
  const required = spec.columns.filter((c) => c.required);
  const missing = found ? required.filter((r) => !found.columns.some((c) => c.spec.key === r.key)) : required;
  if (!found || found.score === 0 || missing.length > 0) {
    throw new SpreadsheetError(
      "HEADER_NOT_FOUND",
      `No header row for ${spec.name} was found in the first ${HEADER_SEARCH_ROWS} rows of ${source.description || path}` +
        (found && found.score > 0 ? ` (the best candidate, row ${buffered[found.at].number}, lacks ${missing.map((m) => `"${m.label}"`).join(", ")})` : "") +
        `. The columns are: ${spec.columns.map((c) => `"${c.label}"${c.required ? " (required)" : ""}`).join(", ")}.`,
    );
  }
  const defaultUnit = sheetUnit(buffered.slice(0, found.at + 1));
  for (const column of found.columns) {
    if (column.spec.type.kind === "money")
      column.unit = unitOf((/\(([^)]*)\)?/u.exec(column.header)?.[1] ?? column.header.split(",").slice(1).join(",")) || "") ?? defaultUnit;
  }
  const taken = new Set(found.columns.map((c) => c.index));
  const ignoredHeaders = found.headers.filter((h, i) => h !== "" && !taken.has(i) && !STT.has(words(h)));
  const headerRows = found.two ? [buffered[found.at - 1].number, buffered[found.at].number] : [buffered[found.at].number];
  const skipped = { subtotals: 0, notes: 0 };
  const rest = buffered.slice(found.at + 1);
  const columns = found.columns;
  const requiredColumns = columns.filter((c) => c.spec.required);

  // A sheet is typed in one font: once a cell is surely TCVN3 or VNI, short cells of the sheet are read as such.
  // The rows already read tell it before the first of them is read.
  const legacy: ColumnLegacy = { encoding: null };
  for (const row of rest) {
    for (const column of columns) {
      const cell = row.cells[column.index];
      if (typeof cell === "string" && legacy.encoding === null) legacy.encoding = legacyEncodingOf(cell);
    }
  }
  // Columns repeat a handful of texts (kinds, sectors, districts, dates): each read once per column. A column
  // whose first CACHE_SIZE texts are nearly all different (names, codes) is not looked up again.
  const caches: (Map<string, CellReading> | null)[] = columns.map(() => new Map());
  const hits = columns.map(() => 0);

  /** A cell's reading, from its column's cache when the column repeats its texts. */
  function reading(k: number, value: Exclude<PlainCell, null>): CellReading {
    const column = columns[k];
    const cache = typeof value === "string" && value.length <= CACHED_CHARS ? caches[k] : null;
    const known = cache?.get(value as string);
    if (known !== undefined) {
      hits[k] += 1;
      return known;
    }
    const encoding = legacy.encoding;
    const read = readCell(column.spec, value, column.unit, legacy);
    // A legacy encoding found changes how later short cells read: what was cached before no longer holds.
    if (legacy.encoding !== encoding) for (const c of caches) c?.clear();
    else if (cache) {
      if (cache.size < CACHE_SIZE) cache.set(value as string, read);
      else if (hits[k] < CACHE_SIZE) caches[k] = null;
    }
    return read;
  }

  async function* rows(): AsyncGenerator<TableRow> {
    let afterHeader = 0;
    let buffered = 0;
    for (;;) {
      let raw: RawRow;
      if (buffered < rest.length) raw = rest[buffered++];
      else {
        const next = await iterator.next();
        if (next.done) return;
        raw = next.value;
      }
      afterHeader += 1;
      const cells = raw.cells;
      // The row of column numbers ("1", "(2)", …) printed under official forms' headers.
      if (afterHeader <= 2) {
        const filled = cells.map(text).filter((t) => t !== "");
        if (filled.length >= 3 && filled.every((t) => /^\(?\d{1,2}\)?$/u.test(t))) continue;
      }
      let filled = 0;
      let subtotal = false;
      for (let i = 0; i < cells.length; i += 1) {
        const cell = cells[i];
        if (!shows(cell)) continue;
        filled += 1;
        // Folding is the costly part of a row: only the first three filled cells, and only those that can begin "Tổng"/"Cộng".
        if (filled <= 3 && !subtotal) {
          const t = typeof cell === "string" ? cell : text(cell);
          subtotal = /^[\s(]*[tTcC]/u.test(t) && SUBTOTAL.test(words(t));
        }
      }
      if (subtotal) {
        skipped.subtotals += 1;
        continue;
      }
      if (filled <= 2 && requiredColumns.every((c) => !shows(cells[c.index]))) {
        skipped.notes += 1;
        continue;
      }
      const values: Record<string, unknown> = {};
      const problems: CellProblem[] = [];
      for (let k = 0; k < columns.length; k += 1) {
        const column = columns[k];
        const cell = cells[column.index];
        let reason: string | null = null;
        // A string cell is already what Excel shows: no plainCell for it.
        const plain = typeof cell === "string" ? null : plainCell(cell);
        const value = plain === null ? (cell as string) : plain.ok ? plain.value : null;
        if (plain && !plain.ok) reason = plain.reason;
        else if (isBlank(value)) reason = column.spec.required ? `"${column.header}" is required` : null;
        else {
          const read = reading(k, value as Exclude<PlainCell, null>);
          if (!read.ok) reason = read.reason;
          else if (read.value !== null) values[column.spec.key] = read.value;
          else if (column.spec.required) reason = `"${column.header}" is required`;
        }
        if (reason !== null) problems.push({ column: column.header, columnLetter: columnLetter(column.index), value: text(cell), reason });
      }
      yield { rowNumber: raw.number, values, problems };
    }
  }

  return { source, headerRows, columns, width: found.headers.length, ignoredHeaders, rows: rows(), skipped };
}
