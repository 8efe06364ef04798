/** A file refused as a whole (not a row of it): a stable code and a sentence that says what to do. */
export class SpreadsheetError extends Error {
  constructor(
    readonly code:
      | "FILE_NOT_FOUND"
      | "UNSUPPORTED_FORMAT"
      | "FILE_TYPE_MISMATCH"
      | "ZIP_BOMB"
      | "FILE_TOO_LARGE"
      | "CELL_TOO_LARGE"
      | "TOO_MANY_ROWS"
      | "PADDED_WITH_BLANK_ROWS"
      | "MIXED_DELIMITERS"
      | "MALFORMED_CSV"
      | "MALFORMED_XLSX"
      | "SHEET_NOT_FOUND"
      | "HEADER_NOT_FOUND",
    message: string,
  ) {
    super(message);
    this.name = "SpreadsheetError";
  }
}
