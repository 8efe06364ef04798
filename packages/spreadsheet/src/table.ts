/**
 * A register read as a table: the header row found under any title block (one row, or two when
 * merged cells group columns), each header matched to a column of the kind, the money unit read
 * from the header or from a "Đơn vị tính" line, then every data row read into values or problems.
 * STT columns, column-number rows, blank rows and subtotal rows ("Tổng cộng", "Cộng") are skipped.
 */
import { foldText } from "@kttt/core";
import { headerMatch, isBlank, plainCell, readCell, type ColumnLegacy, type ColumnSpec, type KindSpec, type PlainCell } from "./columns";
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
  for (const column of spec.columns) {
    let best = { index: -1, quality: 0 };
    headers.forEach((header, index) => {
      if (used.has(index)) return;
      const quality = headerMatch(column, header);
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

  const choiceCache = new Map(columns.filter((c) => c.spec.type.kind === "choice").map((c) => [c.index, new Map<string, ReturnType<typeof readCell>>()]));
  // A sheet is typed in one font: once a cell is surely TCVN3 or VNI, short cells of the sheet are read as such.
  // The rows already read tell it before the first of them is read.
  const legacy: ColumnLegacy = { encoding: null };
  for (const row of rest) {
    for (const column of columns) {
      const cell = row.cells[column.index];
      if (typeof cell === "string" && legacy.encoding === null) legacy.encoding = legacyEncodingOf(cell);
    }
  }

  async function* rows(): AsyncGenerator<TableRow> {
    let afterHeader = 0;
    const all = async function* () {
      yield* rest;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    };
    for await (const raw of all()) {
      afterHeader += 1;
      const texts = raw.cells.map(text);
      const filled = texts.filter((t) => t !== "");
      // The row of column numbers ("1", "(2)", …) printed under official forms' headers.
      if (afterHeader <= 2 && filled.length >= 3 && filled.every((t) => /^\(?\d{1,2}\)?$/u.test(t))) continue;
      // Folding is the costly part of a row: only words that can begin "Tổng"/"Cộng" are folded.
      if (filled.slice(0, 3).some((t) => /^[\s(]*[tTcC]/u.test(t) && SUBTOTAL.test(words(foldText(t))))) {
        skipped.subtotals += 1;
        continue;
      }
      const requiredEmpty = requiredColumns.every((c) => isBlank(texts[c.index] ?? ""));
      if (requiredEmpty && filled.length <= 2) {
        skipped.notes += 1;
        continue;
      }
      const values: Record<string, unknown> = {};
      const problems: CellProblem[] = [];
      for (const column of columns) {
        const raw0 = raw.cells[column.index];
        const plain = plainCell(raw0);
        const shown = texts[column.index] ?? "";
        const problem = (reason: string) => problems.push({ column: column.header, columnLetter: columnLetter(column.index), value: shown, reason });
        if (!plain.ok) {
          problem(plain.reason);
          continue;
        }
        if (isBlank(plain.value as PlainCell)) {
          if (column.spec.required) problem(`"${column.header}" is required`);
          continue;
        }
        // Choice columns repeat a handful of values: read each text once per column.
        const cache = typeof plain.value === "string" && column.spec.type.kind === "choice" ? choiceCache.get(column.index) : undefined;
        const reading = cache?.get(plain.value as string) ?? readCell(column.spec, plain.value, column.unit, legacy);
        if (cache && cache.size < 1000) cache.set(plain.value as string, reading);
        if (reading.ok) {
          if (reading.value !== null) values[column.spec.key] = reading.value;
          else if (column.spec.required) problem(`"${column.header}" is required`);
        } else problem(reading.reason);
      }
      yield { rowNumber: raw.number, values, problems };
    }
  }

  return { source, headerRows, columns, width: found.headers.length, ignoredHeaders, rows: rows(), skipped };
}
