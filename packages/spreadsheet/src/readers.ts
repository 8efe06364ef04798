/**
 * The rows of a file, streamed: .xlsx through exceljs's streaming reader, .csv through csv-parse
 * after iconv-lite has decoded it. The file is checked first for what it really is and for the
 * shapes that would exhaust memory (zip bombs, giant cells, sheets padded with empty rows); those
 * are refused as a whole with a SpreadsheetError.
 */
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse";
import { parse as parseCsvSync } from "csv-parse/sync";
import iconv from "iconv-lite";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import yauzl from "yauzl";
import { MAX_CELL_CHARS } from "./columns";
import { SpreadsheetError } from "./errors";
import { LEGACY_ENCODING_NAME, legacyEncodingOfBytes } from "./legacy";

export interface ReadLimits {
  /** Uncompressed bytes of one part of an .xlsx. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all parts together. */
  maxTotalBytes: number;
  /** Uncompressed/compressed ratio above which a large part is taken for a zip bomb. */
  maxRatio: number;
  /** Rows in a sheet or records in a CSV. */
  maxRows: number;
  /** Blank rows in a row before the sheet is taken as padded with formatted empty rows. */
  maxBlankRun: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxEntryBytes: 80 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  maxRows: 500_000,
  maxBlankRun: 10_000,
};

export type FileFormat = "xlsx" | "csv";

/** One row as the reader gives it: its number as Excel shows it, and its cells from column 1. */
export interface RawRow {
  number: number;
  cells: unknown[];
}

export interface Source {
  format: FileFormat;
  /** The sheet read (xlsx), or the encoding and delimiter found (csv). */
  description: string;
  rows: AsyncGenerator<RawRow>;
}

async function head(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, "r").catch(() => {
    throw new SpreadsheetError("FILE_NOT_FOUND", `Cannot open ${path}.`);
  });
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;
const isOle = (b: Buffer) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** What the bytes are, checked against what the name says. */
export async function detectFormat(path: string): Promise<FileFormat> {
  const start = await head(path, 4096);
  const extension = extname(path).toLowerCase();
  const actual = isZip(start)
    ? "an Excel workbook (.xlsx) or another zip archive"
    : isOle(start)
      ? "an Excel 97-2003 workbook (.xls)"
      : start.includes(0) && !isUtf16(start)
        ? "a binary file"
        : "text";
  if (extension === ".xls" || (isOle(start) && extension !== ".xlsx" && extension !== ".csv")) {
    throw new SpreadsheetError(
      "UNSUPPORTED_FORMAT",
      `${path} is an Excel 97-2003 workbook (.xls), which no maintained library here reads: open it in Excel or LibreOffice and save it as .xlsx.`,
    );
  }
  if (extension === ".xlsx" || extension === ".xlsm") {
    if (!isZip(start)) throw new SpreadsheetError("FILE_TYPE_MISMATCH", `${path} is named .xlsx but is ${actual}, not an Excel workbook.`);
    return "xlsx";
  }
  if (extension === ".csv" || extension === ".txt") {
    if (actual !== "text")
      throw new SpreadsheetError("FILE_TYPE_MISMATCH", `${path} is named ${extension} but is ${actual}, not text: give it its real extension.`);
    return "csv";
  }
  throw new SpreadsheetError("UNSUPPORTED_FORMAT", `${path}: only .xlsx and .csv files are read (got "${extension || "no extension"}").`);
}

const isUtf16 = (b: Buffer) => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/**
 * Refuses an .xlsx whose parts would unpack to more than the limits: reads the zip's central
 * directory (yauzl) without inflating anything.
 */
export async function checkZip(path: string, limits: ReadLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, file) =>
      error || !file
        ? reject(new SpreadsheetError("MALFORMED_XLSX", `${path} is not a readable Excel workbook: ${error?.message ?? "no zip directory"}.`))
        : resolve(file),
    ),
  );
  try {
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
        if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
          return reject(
            new SpreadsheetError(
              "ZIP_BOMB",
              `${entry.fileName} in ${path} unpacks to ${mb(entry.uncompressedSize)} from ${Math.max(1, Math.round(entry.compressedSize / 1024))} KB (${Math.round(ratio)}:1): refused as a zip bomb. A workbook padded with empty formatted rows or a cell of repeated text looks the same: delete them and save again.`,
            ),
          );
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          return reject(
            new SpreadsheetError(
              "FILE_TOO_LARGE",
              `${entry.fileName} in ${path} unpacks to ${mb(entry.uncompressedSize)}, over the ${mb(limits.maxEntryBytes)} a part may hold: split the file.`,
            ),
          );
        }
        if (total > limits.maxTotalBytes) {
          return reject(new SpreadsheetError("FILE_TOO_LARGE", `${path} unpacks to more than ${mb(limits.maxTotalBytes)}: split the file.`));
        }
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", (error: Error) => reject(new SpreadsheetError("MALFORMED_XLSX", `${path} is not a readable Excel workbook: ${error.message}.`)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The sheet names of a workbook in their order, from its workbook part (read by streaming). */
interface SheetModel {
  sheets?: { name: string; id: number; rId: string }[];
}

async function* xlsxRowsOnce(
  path: string,
  sheet: string | undefined,
  limits: ReadLimits,
  found: (name: string) => void,
  yielded: { rows: number },
): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let matched = false;
  const names: string[] = [];
  // The sheet asked for, or the first.
  try {
    for await (const worksheet of reader) {
      const internals = reader as unknown as { model?: SheetModel; workbookRels?: { Id: string; Target: string }[] };
      const file = `sheet${(worksheet as unknown as { id: string }).id}.xml`;
      const rel = internals.workbookRels?.find((r) => r.Target.endsWith(`/${file}`) || r.Target === file);
      const name = internals.model?.sheets?.find((s) => s.rId === rel?.Id)?.name ?? `Sheet${(worksheet as unknown as { id: string }).id}`;
      names.push(name);
      if (sheet !== undefined && name.trim().toLowerCase() !== sheet.trim().toLowerCase()) {
        // Read past it: exceljs may hold a later sheet in a temporary file it removes once this one is done.
        for await (const _row of worksheet) void _row;
        continue;
      }
      matched = true;
      found(name);
      let blankRun = 0;
      for await (const row of worksheet) {
        if (row.number > limits.maxRows) throw tooManyRows(name, limits);
        const cells = (row.values as unknown[]).slice(1);
        const blank = isBlankRow(cells);
        blankRun = blank ? blankRun + 1 : 0;
        if (blankRun > limits.maxBlankRun) {
          throw new SpreadsheetError(
            "PADDED_WITH_BLANK_ROWS",
            `Sheet "${name}" has more than ${limits.maxBlankRun} empty formatted rows in a row (from row ${row.number - blankRun + 1}): select them, delete the rows and save again.`,
          );
        }
        if (!blank) {
          yielded.rows += 1;
          yield { number: row.number, cells };
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof SpreadsheetError || isReaderRace(error)) throw error;
    throw unreadableWorkbook(path, error);
  }
  if (!matched) throw sheetNotFound(path, sheet, names);
}

/** The refusals and the blank row both .xlsx readers (streaming, whole) share. */
const unreadableWorkbook = (path: string, error: unknown) =>
  new SpreadsheetError("MALFORMED_XLSX", `${path} could not be read as an Excel workbook: ${(error as Error).message}.`);
const tooManyRows = (sheet: string, limits: ReadLimits) =>
  new SpreadsheetError("TOO_MANY_ROWS", `Sheet "${sheet}" has more than ${limits.maxRows} rows: split the file.`);
const isBlankRow = (cells: unknown[]) => cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
const sheetNotFound = (path: string, sheet: string | undefined, names: string[]) =>
  new SpreadsheetError("SHEET_NOT_FOUND", sheet ? `There is no sheet "${sheet}" in ${path}; its sheets are: ${names.join(", ")}.` : `${path} has no sheet.`);

/**
 * The same rows through exceljs's whole-file reader (the workbook in memory, its parts found through the zip's central
 * directory): the fallback when the streaming reader's single pass ends before the workbook part (exceljs/exceljs#3064,
 * open in 4.4.0). Rows with no value are left out, as the streaming reader leaves out the rows a sheet does not hold.
 */
export async function* xlsxRowsWhole(path: string, sheet: string | undefined, limits: ReadLimits, found: (name: string) => void): AsyncGenerator<RawRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw unreadableWorkbook(path, error);
  }
  const wanted = sheet?.trim().toLowerCase();
  const worksheet = wanted === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name.trim().toLowerCase() === wanted);
  if (!worksheet)
    throw sheetNotFound(
      path,
      sheet,
      workbook.worksheets.map((w) => w.name),
    );
  found(worksheet.name);
  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > limits.maxRows) throw tooManyRows(worksheet.name, limits);
    // A merged range's value in its first cell only, as the sheet stores it (this reader repeats it in every cell).
    const cells: unknown[] = [];
    row.eachCell((cell, column) => {
      if (!cell.isMerged || cell.master.address === cell.address) cells[column - 1] = cell.value;
    });
    if (!isBlankRow(cells)) rows.push({ number, cells });
  });
  yield* rows;
}

/**
 * exceljs's streaming reader now and then reaches the sheets before it has read the workbook part
 * (its zip iteration ends early under load: "Cannot read properties of undefined (reading 'sheets')").
 * Nothing has been read from the sheet then, so reading the file again is safe: once more as a stream, then whole.
 */
const isReaderRace = (error: unknown) => error instanceof TypeError && /reading 'sheets'/u.test(error.message);

async function* xlsxRows(path: string, sheet: string | undefined, limits: ReadLimits, found: (name: string) => void): AsyncGenerator<RawRow> {
  for (let attempt = 1; ; attempt += 1) {
    const yielded = { rows: 0 };
    try {
      yield* xlsxRowsOnce(path, sheet, limits, found, yielded);
      return;
    } catch (error) {
      if (!isReaderRace(error)) throw error;
      if (yielded.rows > 0) throw unreadableWorkbook(path, error);
      if (attempt >= 2) {
        yield* xlsxRowsWhole(path, sheet, limits, found);
        return;
      }
    }
  }
}

const DELIMITERS = [",", ";", "\t", "|"] as const;
const DELIMITER_NAME: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar" };

/** The text encoding of a CSV from its first bytes: a BOM, else valid UTF-8, else Windows-1258. */
export function detectEncoding(start: Buffer): "utf8" | "utf16le" | "utf16be" | "windows1258" {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return "utf8";
  if (start[0] === 0xff && start[1] === 0xfe) return "utf16le";
  if (start[0] === 0xfe && start[1] === 0xff) return "utf16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(start, { stream: true });
    return "utf8";
  } catch {
    return "windows1258";
  }
}

/** The delimiter that splits the first lines into the most rows of one width above 1. */
export function detectDelimiter(sample: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  const lines = sample.split(/\r?\n/u).slice(0, 60).join("\n");
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parseCsvSync(lines, { delimiter, relax_column_count: true, relax_quotes: true, skip_records_with_error: true }) as string[][];
    } catch {
      continue;
    }
    const widths = new Map<number, number>();
    for (const r of records) {
      const width = r.length;
      if (width > 1 && r.some((c) => c.trim() !== "")) widths.set(width, (widths.get(width) ?? 0) + 1);
    }
    const score = Math.max(0, ...widths.values());
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * A character after which text may not be NFC as it is: beyond Latin letters and the spacing modifiers
 * (U+0000–U+02FF), other than the precomposed Vietnamese vowels (U+1EA0–U+1EF9), none of which composes
 * with its neighbours. Text without one (most cells) needs no call to ICU.
 */
const MAYBE_NOT_NFC = /[\u0300-\u1e9f\u1efa-\u{10ffff}]/u;

async function* csvRows(path: string, limits: ReadLimits, describe: (text: string) => void): AsyncGenerator<RawRow> {
  const start = await head(path, 64 * 1024);
  const found = detectEncoding(start);
  // A CSV saved from a sheet typed in TCVN3 carries its bytes: decoded with TCVN3's table. VNI's bytes read
  // as Latin-1 are the letter pairs each cell's text is converted from.
  const legacy = found === "windows1258" ? legacyEncodingOfBytes(start) : null;
  const encoding = legacy === "TCVN3" ? "tcvn" : legacy === "VNI" ? "latin1" : found;
  const sample = iconv.decode(start, encoding);
  const delimiter = detectDelimiter(sample);
  describe(
    `${legacy ? LEGACY_ENCODING_NAME[legacy] : found === "windows1258" ? "Windows-1258" : found === "utf8" ? "UTF-8" : "UTF-16"}, ${DELIMITER_NAME[delimiter]}-separated`,
  );
  const others = DELIMITERS.filter((d) => d !== delimiter);
  // csv-parse builds an Error (with its stack) for every record whose width differs from the first
  // record's, even when relax_column_count lets it through; a title line above the header made that
  // every data row (a tenth of a millisecond each). The width expected is set to the last record's as
  // records are read (an on_record hook would do it as they are parsed, but csv-parse builds an info
  // object for each call, a fifth of its time): only the records parsed ahead of a change of width pay.
  const csv = parseCsv({
    delimiter,
    bom: true,
    relax_column_count: true,
    max_record_size: 4 * MAX_CELL_CHARS,
    skip_empty_lines: false,
  });
  const state = (csv as unknown as { state?: { expectedRecordLength?: number } }).state ?? {};
  // csv-parse reads bytes and decodes each field: UTF-8 goes to it as it is (its BOM dropped), other encodings through iconv-lite.
  const bytes = createReadStream(path);
  const parser = encoding === "utf8" ? bytes.pipe(csv) : bytes.pipe(iconv.decodeStream(encoding)).pipe(csv);
  let number = 0;
  let width = 0;
  let blankRun = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      number += 1;
      if (state.expectedRecordLength !== cells.length) state.expectedRecordLength = cells.length;
      if (number > limits.maxRows) throw new SpreadsheetError("TOO_MANY_ROWS", `${path} has more than ${limits.maxRows} rows: split the file.`);
      let filled = 0;
      let broken = false;
      for (let i = 0; i < cells.length; i += 1) {
        let cell = cells[i];
        if (MAYBE_NOT_NFC.test(cell)) {
          cell = cells[i] = cell.normalize("NFC");
          broken ||= cell.includes("\uFFFD");
        }
        if (cell.trim() !== "") filled += 1;
      }
      const blank = filled === 0;
      blankRun = blank ? blankRun + 1 : 0;
      if (blankRun > limits.maxBlankRun)
        throw new SpreadsheetError(
          "PADDED_WITH_BLANK_ROWS",
          `${path} has more than ${limits.maxBlankRun} empty rows in a row (from row ${number - blankRun + 1}): delete them and save again.`,
        );
      if (blank) continue;
      if (broken) {
        throw new SpreadsheetError(
          "MALFORMED_CSV",
          `Row ${number} of ${path} is not valid ${encoding === "utf8" ? "UTF-8" : "text"} although the file starts as such: save the whole file as "CSV UTF-8".`,
        );
      }
      if (width > 1 && cells.length === 1 && others.some((d) => cells[0].includes(d))) {
        const used = others.find((d) => cells[0].includes(d)) ?? "";
        throw new SpreadsheetError(
          "MIXED_DELIMITERS",
          `Row ${number} of ${path} is separated by ${DELIMITER_NAME[used]}s while the file uses ${DELIMITER_NAME[delimiter]}s: save the whole file with one delimiter.`,
        );
      }
      if (filled > 1) width = Math.max(width, cells.length);
      yield { number, cells };
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    const e = error as { code?: string; message: string; lines?: number };
    if (e.code === "CSV_MAX_RECORD_SIZE") {
      throw new SpreadsheetError(
        "CELL_TOO_LARGE",
        `Row ${number + 1} of ${path} is longer than ${4 * MAX_CELL_CHARS} characters; a cell holds at most ${MAX_CELL_CHARS} (Excel's own limit).`,
      );
    }
    throw new SpreadsheetError("MALFORMED_CSV", `${path} is not a well-formed CSV near row ${number + 1}: ${e.message}`);
  }
}

/** Opens a file's rows, after checking what it is. */
export async function openSource(path: string, options: { sheet?: string; limits?: Partial<ReadLimits> } = {}): Promise<Source> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  await stat(path).catch(() => {
    throw new SpreadsheetError("FILE_NOT_FOUND", `There is no file ${path}.`);
  });
  const format = await detectFormat(path);
  const source: Source = { format, description: "", rows: undefined as unknown as AsyncGenerator<RawRow> };
  if (format === "xlsx") {
    await checkZip(path, limits);
    source.rows = xlsxRows(path, options.sheet, limits, (name) => (source.description = `sheet "${name}"`));
  } else {
    if (options.sheet) throw new SpreadsheetError("SHEET_NOT_FOUND", `${path} is a CSV file: it has no sheets to choose from.`);
    source.rows = csvRows(path, limits, (text) => (source.description = text));
  }
  return source;
}
