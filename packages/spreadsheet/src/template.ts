/**
 * `npm run import -- --template <kind>`: an .xlsx to fill in, with the kind's Vietnamese headers (one
 * sheet per part, e.g. organisations and their founding members), a notes sheet explaining each
 * column, and lists to choose from where a column takes fixed values.
 */
import ExcelJS from "exceljs";
import type { KindSpec } from "./columns";
import { columnLetter } from "./table";

const LISTS_SHEET = "Danh mục";
const TEMPLATE_ROWS = 2000;

/** Writes the template; `extraLists` adds choices the graph knows (administrative units) to text columns, by key. */
export async function writeTemplate(specs: KindSpec | KindSpec[], out: string, extraLists: Record<string, string[]> = {}): Promise<void> {
  const parts = Array.isArray(specs) ? specs : [specs];
  const workbook = new ExcelJS.Workbook();
  const sheets = parts.map((spec) => workbook.addWorksheet(spec.sheetName, { views: [{ state: "frozen", ySplit: 1 }] }));
  const notes = workbook.addWorksheet("Ghi chú");
  const lists = workbook.addWorksheet(LISTS_SHEET);
  notes.columns = [
    { header: "Trang", key: "sheet", width: 14 },
    { header: "Cột", key: "column", width: 28 },
    { header: "Bắt buộc", key: "required", width: 10 },
    { header: "Cách ghi", key: "note", width: 100 },
  ];
  notes.getRow(1).font = { bold: true };
  let listColumn = 0;
  parts.forEach((spec, s) => {
    const sheet = sheets[s];
    sheet.columns = spec.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(14, c.label.length + 4) }));
    sheet.getRow(1).font = { bold: true };
    spec.columns.forEach((column, i) => {
      notes.addRow({ sheet: spec.sheetName, column: column.label, required: column.required ? "Có" : "", note: column.note });
      const letter = columnLetter(i);
      if (column.type.kind === "code") sheet.getColumn(i + 1).numFmt = "@";
      if (column.type.kind === "date") sheet.getColumn(i + 1).numFmt = "dd/mm/yyyy";
      if (column.type.kind === "money") sheet.getColumn(i + 1).numFmt = "#,##0";
      const choices = column.type.kind === "choice" ? column.type.choices.map((c) => c.label) : (extraLists[column.key] ?? column.suggestions?.());
      if (!choices?.length) return;
      const listLetter = columnLetter(listColumn++);
      lists.getCell(`${listLetter}1`).value = column.label;
      choices.forEach((choice, j) => (lists.getCell(`${listLetter}${j + 2}`).value = choice));
      for (let r = 2; r <= TEMPLATE_ROWS + 1; r += 1) {
        sheet.getCell(`${letter}${r}`).dataValidation = {
          type: "list",
          allowBlank: !column.required,
          formulae: [`'${LISTS_SHEET}'!$${listLetter}$2:$${listLetter}$${choices.length + 1}`],
          showErrorMessage: column.type.kind === "choice",
          errorTitle: column.label,
          error: "Chọn một giá trị trong danh sách.",
        };
      }
    });
  });
  await workbook.xlsx.writeFile(out);
}
