/**
 * What the import tests share: a kind's template filled in as a person would (by column), and a file read back as
 * the importer reads it, so an export can be compared with the file imported cell by cell.
 */
import { openTable, writeTemplate, type KindSpec } from "@kttt/spreadsheet";
import ExcelJS from "exceljs";
import { join } from "node:path";

export type TemplateRow = Record<string, unknown>;

/** The kind's template written in `dir`, its rows filled from the second row on, saved as `<name>.xlsx`. */
export async function filledTemplate(dir: string, kind: KindSpec, name: string, rows: TemplateRow[]): Promise<string> {
  const template = join(dir, `template-${name}.xlsx`);
  await writeTemplate(kind, template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet(kind.sheetName)!;
  rows.forEach((row, i) => (sheet.getRow(i + 2).values = kind.columns.map((c) => (row[c.key] ?? null) as ExcelJS.CellValue)));
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Every row of a file as the importer reads it for `kind` (the keys of the columns it has), in the order `by` sorts them. */
export async function readRows(path: string, kind: KindSpec, by: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  const table = await openTable(path, kind);
  for await (const row of table.rows) {
    if (row.problems.length > 0) throw new Error(`${path} row ${row.rowNumber}: ${row.problems.map((p) => `${p.column}: ${p.reason}`).join("; ")}`);
    rows.push(row.values);
  }
  return rows.sort((a, b) => String(a[by]).localeCompare(String(b[by])));
}

/**
 * A sheet as offices make them: a title block, an STT column, a header of their own words (units in it), a row of
 * column numbers, the rows, and a subtotal row; row `n` of `rows` is Excel row n + 6.
 */
export async function messySheet(dir: string, name: string, header: string[], rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["UBND TỈNH HÀ TĨNH", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
  sheet.addRow([`DANH SÁCH ${name.toUpperCase()}`]);
  sheet.addRow([]);
  sheet.addRow(["STT", ...header]);
  sheet.addRow(["(1)", ...header.map((_, i) => `(${i + 2})`)]);
  rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  sheet.addRow([null, "Tổng cộng", ...header.slice(1).map(() => null)]);
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}
