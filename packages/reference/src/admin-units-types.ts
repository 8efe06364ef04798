/** Row shapes of the generated `admin-units-data.ts` (one field per column of the shared CSV files). */

export interface Commune2025Row {
  code: string;
  name: string;
  kind: "XA" | "PHUONG";
  /** The mid-2024 district that gave most of its former communes: inferred, by count of communes. */
  mainDistrict2024Code: string;
  districts2024Contributing: string;
  formerUnits2024: string;
}

export interface CrosswalkRow {
  oldCode: string;
  oldName2024: string;
  /** Null for a code that appears only in the early-2025 list (Bình Lộc, 18448: a data artefact). */
  oldDistrictCode2024: string | null;
  /** "(merged away 2025-01-01)" when the commune was merged into a neighbour on 2025-01-01. */
  oldName2025H1: string;
  oldDistrictCode2025H1: string | null;
  /** Null where the sources do not say which 2025 unit took the commune (Trung Lộc, Phú Phong). */
  newCode: string | null;
  newName: string;
  mergeType: "full" | "partial" | "inferred";
  note: string | null;
}
