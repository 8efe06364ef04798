/**
 * The reader on files these tests make the way people make them: real .xlsx written by exceljs,
 * CSV in UTF-8 with and without BOM and in Windows-1258, and hostile files.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTable, SpreadsheetError, type KindSpec, type TableRow } from "../src";
import { plainCell } from "../src/columns";
import { DEFAULT_LIMITS, openSource, xlsxRowsWhole } from "../src/readers";

const report: KindSpec = {
  name: "test register",
  sheetName: "Báo cáo",
  columns: [
    { key: "name", label: "Tên HTX", aliases: ["Tên hợp tác xã"], type: { kind: "text" }, required: true, note: "" },
    { key: "code", label: "Mã số thuế", aliases: ["MST"], type: { kind: "code", pattern: /^[0-9]{10}$/u, example: "3001234567" }, note: "" },
    { key: "capital", label: "Vốn điều lệ", aliases: [], type: { kind: "money" }, note: "" },
    { key: "revenue", label: "Doanh thu", aliases: [], type: { kind: "money" }, note: "" },
    { key: "contributed", label: "Vốn góp giá trị", aliases: ["Vốn góp"], type: { kind: "money" }, note: "" },
    { key: "share", label: "Vốn góp tỷ lệ", aliases: [], type: { kind: "decimal", min: 0, max: 100 }, note: "" },
    { key: "foundedOn", label: "Ngày thành lập", aliases: [], type: { kind: "date" }, note: "" },
    { key: "workers", label: "Số lao động", aliases: [], type: { kind: "integer", min: 0 }, note: "" },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kttt-sheet-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(path: string, spec = report, options = {}): Promise<{ rows: TableRow[]; table: Awaited<ReturnType<typeof openTable>> }> {
  const table = await openTable(path, spec, options);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { rows, table };
}

async function refusal(promise: Promise<unknown>): Promise<SpreadsheetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetError) return error;
    throw error;
  }
  throw new Error("the file was not refused");
}

describe("an .xlsx made the way the Alliance makes them", () => {
  it("finds a two-row merged header under a title block, reads units, formulas, serials and skips STT, number, blank and subtotal rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Báo cáo");
    sheet.addRow(["BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG CỦA HỢP TÁC XÃ NĂM 2024"]);
    sheet.mergeCells("A1:I1");
    sheet.addRow(["Đơn vị tính: triệu đồng"]);
    sheet.addRow([]);
    sheet.addRow(["STT", "Tên HTX", "MST", "Vốn điều lệ", "Doanh thu (tr.đ)", "Vốn góp", null, "Ngày thành lập", "Số lao động"]);
    sheet.addRow([null, null, null, null, null, "Giá trị (đồng)", "Tỷ lệ (%)", null, null]);
    for (const col of ["A", "B", "C", "D", "E", "H", "I"]) sheet.mergeCells(`${col}4:${col}5`);
    sheet.mergeCells("F4:G4");
    sheet.addRow(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"]);
    sheet.addRow([1, "Hợp tác xã Nông nghiệp Kỳ Phú", "30.01.234.567", 1234.5, "2,5 tỷ", "1.234.567", "57,57", new Date(Date.UTC(2023, 1, 24)), 12]);
    sheet.addRow([]);
    sheet.addRow([2, "HTX Dịch vụ Cẩm Bình", 3001234568, { formula: "D7*2", result: 2469 }, "1.234,5", 5000000, 12.5, 45000, "1.500"]);
    sheet.addRow([null, "Tổng cộng", null, { formula: "SUM(D7:D9)", result: 3703.5 }, null, null, null, null, null]);
    const path = join(dir, "report.xlsx");
    await workbook.xlsx.writeFile(path);

    const { rows, table } = await rowsOf(path);
    expect(table.headerRows).toEqual([4, 5]);
    expect(table.skipped.subtotals).toBe(1);
    expect(rows.map((r) => r.problems)).toEqual([[], []]);
    expect(rows.map((r) => r.rowNumber)).toEqual([7, 9]);
    expect(rows[0].values).toEqual({
      name: "Hợp tác xã Nông nghiệp Kỳ Phú",
      code: "3001234567",
      capital: 1_234_500_000n, // sheet unit: triệu đồng
      revenue: 2_500_000_000n, // the cell's own unit wins
      contributed: 1_234_567n, // the header's (đồng)
      share: 57.57,
      foundedOn: "2023-02-24",
      workers: 12,
    });
    expect(rows[1].values).toMatchObject({
      code: "3001234568",
      capital: 2_469_000_000n,
      revenue: 1_234_500_000n,
      contributed: 5_000_000n,
      foundedOn: "2023-03-15",
      workers: 1500,
    });
  });

  it("names the cell, the value and the reason for each bad cell, and converts legacy-encoded text to Unicode", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DS");
    sheet.addRow(["Tên hợp tác xã", "Vốn điều lệ (đồng)", "Ngày thành lập", "Số lao động"]);
    sheet.addRow(["Hîp t¸c x· N«ng nghiÖp", "-5", "31/02/2024", "1,5"]);
    sheet.addRow(["Hôïp taùc xaõ Noâng nghieäp", "1,5-2 triệu đồng", "2/3/24", "mười"]);
    sheet.addRow(['=HYPERLINK("http://x.example","bấm")', "1.234,5", { formula: 'WEBSERVICE("http://x.example")', result: "1" }, 3]);
    const path = join(dir, "bad.xlsx");
    await workbook.xlsx.writeFile(path);
    const { rows } = await rowsOf(path);
    const reasons = rows.map((r) => Object.fromEntries(r.problems.map((p) => [p.columnLetter, p.reason])));
    expect(reasons[0].A).toBeUndefined();
    expect(rows[0].values.name).toBe("Hợp tác xã Nông nghiệp");
    expect(reasons[0].C).toMatch(/not a date that exists/u);
    expect(reasons[0].D).toMatch(/not a whole number/u);
    expect(rows[0].values.capital).toBe(-5n); // negative money is the owner's rule to refuse, with its own reason
    expect(reasons[1].A).toBeUndefined();
    expect(rows[1].values.name).toBe("Hợp tác xã Nông nghiệp");
    expect(reasons[1].B).toMatch(/range/u);
    expect(reasons[1].C).toMatch(/two-digit year/u);
    expect(reasons[1].D).toMatch(/not a number/u);
    expect(reasons[2].A).toMatch(/formula/u);
    expect(reasons[2].B).toMatch(/1\.234,5 đồng is not a whole number of đồng/u);
    expect(reasons[2].C).toMatch(/calls outside the sheet/u);
    expect(rows[2].problems.find((p) => p.columnLetter === "B")).toMatchObject({ column: "Vốn điều lệ (đồng)", value: "1.234,5" });
  });

  it("refuses money whose header names no unit rather than guessing", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("DS").addRows([
      ["Tên HTX", "Doanh thu"],
      ["HTX A", 1000],
    ]);
    const path = join(dir, "nounit.xlsx");
    await workbook.xlsx.writeFile(path);
    const { rows } = await rowsOf(path);
    expect(rows[0].problems[0].reason).toMatch(/names no unit/u);
  });

  it("reads the sheet asked for by name and says which sheets exist when it is missing", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Ghi chú").addRow(["Hướng dẫn"]);
    workbook.addWorksheet("Danh sách").addRows([["Tên HTX"], ["HTX Một"]]);
    const path = join(dir, "sheets.xlsx");
    await workbook.xlsx.writeFile(path);
    const { rows } = await rowsOf(path, report, { sheet: "danh sách" });
    expect(rows.map((r) => r.values.name)).toEqual(["HTX Một"]);
    const missing = await refusal(rowsOf(path, report, { sheet: "Năm 2024" }));
    expect(missing.code).toBe("SHEET_NOT_FOUND");
    expect(missing.message).toMatch(/Ghi chú, Danh sách/u);
  });
});

describe("the whole-file reader, the streaming reader's fallback (exceljs/exceljs#3064)", () => {
  it("gives the rows the streaming reader gives, and the same refusal for a missing sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Ghi chú").addRow(["Hướng dẫn"]);
    const sheet = workbook.addWorksheet("Danh sách");
    sheet.addRow(["BÁO CÁO NĂM 2024"]);
    sheet.mergeCells("A1:D1");
    sheet.addRow([]);
    sheet.addRow(["Tên HTX", "MST", "Vốn điều lệ", "Ngày thành lập"]);
    sheet.addRow(["Hợp tác xã Nông nghiệp Kỳ Phú", "30.01.234.567", 1234.5, new Date(Date.UTC(2023, 1, 24))]);
    sheet.addRow(["HTX Dịch vụ Cẩm Bình", 3001234568, { formula: "C4*2", result: 2469 }, "24/02/2023"]);
    sheet.addRow([{ richText: [{ text: "HTX " }, { text: "Một", font: { bold: true } }] }, null, null, null]);
    const path = join(dir, "whole.xlsx");
    await workbook.xlsx.writeFile(path);
    const rowsOf = async (rows: AsyncIterable<{ number: number; cells: unknown[] }>) => {
      const all: { number: number; cells: unknown[] }[] = [];
      for await (const row of rows) all.push(row);
      return all;
    };
    const streamed = await rowsOf((await openSource(path, { sheet: "danh sách" })).rows);
    const names: string[] = [];
    const whole = await rowsOf(xlsxRowsWhole(path, "danh sách", DEFAULT_LIMITS, (name) => names.push(name)));
    expect(names).toEqual(["Danh sách"]);
    expect(streamed.map((r) => r.number)).toEqual([1, 3, 4, 5, 6]);
    // Cell for cell as the importer reads them (rich text, formulas and dates made plain).
    const plain = (rows: { number: number; cells: unknown[] }[]) => rows.map((r) => ({ number: r.number, cells: Array.from(r.cells, (c) => plainCell(c)) }));
    expect(plain(whole)).toEqual(plain(streamed));
    expect(plain(whole)[4].cells[0]).toEqual({ ok: true, value: "HTX Một" });
    await expect(rowsOf(xlsxRowsWhole(path, "Năm 2024", DEFAULT_LIMITS, () => undefined))).rejects.toMatchObject({
      code: "SHEET_NOT_FOUND",
      message: expect.stringMatching(/Ghi chú, Danh sách/u),
    });
  });
});

/** Text as Windows-1258 holds it: letters with circumflex, breve or horn precomposed, tones as combining marks. */
const windows1258Form = (text: string) =>
  [...text.normalize("NFC")]
    .map((letter) => {
      const [base, ...marks] = [...letter.normalize("NFD")];
      const shape = marks.filter((m) => /[\u0302\u0306\u031b]/u.test(m));
      return `${base}${shape.join("")}`.normalize("NFC") + marks.filter((m) => !shape.includes(m)).join("");
    })
    .join("");

describe("CSV in the encodings people save", () => {
  const content = "Danh sách hợp tác xã\nSTT;Tên hợp tác xã;Vốn điều lệ (nghìn đồng);Ngày thành lập\n1;Hợp tác xã Thạch Hà;1.500;5/1/2020\n;Cộng;1.500;\n";

  it.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content, "utf8")])],
    ["UTF-8 without BOM", Buffer.from(content, "utf8")],
    ["Windows-1258", iconv.encode(windows1258Form(content), "windows1258")],
  ])("reads %s with its delimiter detected, into NFC text", async (_name, bytes) => {
    const path = join(dir, `enc-${_name.replace(/\W/gu, "")}.csv`);
    await writeFile(path, bytes);
    const { rows, table } = await rowsOf(path);
    expect(table.source.description).toMatch(/semicolon/u);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rowNumber: 3, problems: [], values: { name: "Hợp tác xã Thạch Hà", capital: 1_500_000n, foundedOn: "2020-01-05" } });
    expect((rows[0].values.name as string) === (rows[0].values.name as string).normalize("NFC")).toBe(true);
  });

  it("refuses a formula a spreadsheet would run", async () => {
    const path = join(dir, "inject.csv");
    await writeFile(path, "Tên HTX,Mã số thuế\n\"=cmd|' /C calc'!A0\",3001234567\n@SUM(1+1),3001234567\n");
    const { rows } = await rowsOf(path);
    expect(rows.map((r) => r.problems[0]?.reason)).toEqual([expect.stringMatching(/formula/u), expect.stringMatching(/formula/u)]);
  });
});

describe("hostile files are refused as a whole with a clear error", () => {
  it("a file that is not what its extension says", async () => {
    const csvNamedXlsx = join(dir, "fake.xlsx");
    await writeFile(csvNamedXlsx, "Tên HTX\nHTX A\n");
    expect((await refusal(rowsOf(csvNamedXlsx))).code).toBe("FILE_TYPE_MISMATCH");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("A").addRow(["Tên HTX"]);
    const xlsxNamedCsv = join(dir, "fake.csv");
    await workbook.xlsx.writeFile(xlsxNamedCsv);
    const error = await refusal(rowsOf(xlsxNamedCsv));
    expect(error.code).toBe("FILE_TYPE_MISMATCH");
    expect(error.message).toMatch(/Excel workbook/u);
    const xls = join(dir, "old.xls");
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await refusal(rowsOf(xls))).message).toMatch(/save it as \.xlsx/u);
  });

  it("a zip bomb: 100 MB of text in one cell of an .xlsx", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("A").addRows([["Tên HTX"], ["HTX A"]]);
    const path = join(dir, "bomb.xlsx");
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const big = "a".repeat(100 * 1024 * 1024);
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Tên HTX</t></si><si><t>${big}</t></si></sst>`,
    );
    await writeFile(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const error = await refusal(rowsOf(path));
    expect(error.code).toBe("ZIP_BOMB");
    expect(error.message).toMatch(/sharedStrings\.xml/u);
  });

  it("an .xlsx padded with a million empty formatted rows", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("A").addRows([["Tên HTX"], ["HTX A"]]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const padding: string[] = [];
    for (let r = 3; r <= 1_000_002; r += 1) padding.push(`<row r="${r}" s="1" customFormat="1"/>`);
    zip.file("xl/worksheets/sheet1.xml", sheetXml.replace("</sheetData>", `${padding.join("")}</sheetData>`));
    const path = join(dir, "padded.xlsx");
    await writeFile(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    // Well compressed, so refused before any row is read; with the ratio check relaxed the row reader refuses it too.
    expect(["ZIP_BOMB", "PADDED_WITH_BLANK_ROWS"]).toContain((await refusal(rowsOf(path))).code);
    expect((await refusal(rowsOf(path, report, { limits: { maxRatio: 1e9 } }))).code).toBe("PADDED_WITH_BLANK_ROWS");
  }, 120_000);

  it("a CSV with 100 MB of text in one cell", async () => {
    const path = join(dir, "bigcell.csv");
    await writeFile(path, Buffer.concat([Buffer.from('Tên HTX,Mã số thuế\n"'), Buffer.alloc(100 * 1024 * 1024, "a"), Buffer.from('",3001234567\n')]));
    const error = await refusal(rowsOf(path));
    expect(error.code).toBe("CELL_TOO_LARGE");
    expect(error.message).toMatch(/Row 2/u);
  });

  it("a CSV with mixed delimiters", async () => {
    const path = join(dir, "mixed.csv");
    await writeFile(path, "Tên HTX,Mã số thuế,Ngày thành lập\nHTX A,3001234567,1/1/2020\nHTX B,3001234568,1/1/2020\nHTX C;3001234569;1/1/2020\n");
    const error = await refusal(rowsOf(path));
    expect(error.code).toBe("MIXED_DELIMITERS");
    expect(error.message).toMatch(/Row 4 .* semicolons .* commas/u);
  });

  it("a file with no header the kind knows", async () => {
    const path = join(dir, "noheader.csv");
    await writeFile(path, "a,b,c\n1,2,3\n");
    const error = await refusal(rowsOf(path));
    expect(error.code).toBe("HEADER_NOT_FOUND");
    expect(error.message).toMatch(/"Tên HTX" \(required\)/u);
  });
});
