/**
 * Columns several import kinds share, written once: who a row names and where it is registered; and the
 * builders every kind writes its own columns with, one call a column.
 */
import { COLLECTIVE_KINDS, labelsOf, today, type OrganizationKind } from "@kttt/core";
import { unitById, unitsOn } from "@kttt/reference";
import type { ColumnSpec, ColumnType } from "../columns";

/** A column filling `key` from cells of `type`; a `required` one must be filled on every row. */
export function column(key: string, label: string, aliases: string[], type: ColumnType, note: string, required = false): ColumnSpec {
  return { key, label, aliases, type, ...(required ? { required } : {}), note };
}

/** Text of at most `maxLength` characters. */
export const text = (maxLength: number): ColumnType => ({ kind: "text", maxLength });

/** A date, in any of the forms lists write one. */
export const DATE: ColumnType = { kind: "date" };

type Choice = { value: string; label: string; spellings?: string[] };

/** One of `choices`, each recognised by its label or one of its spellings. */
export const choice = (choices: Choice[]): ColumnType => ({ kind: "choice", choices });

/** The choices of an enum from its labels (value → label), in the labels' order, with the other spellings lists write for each value. */
export function labelledChoices<K extends string>(labels: Readonly<Record<K, string>>, spellings?: Readonly<Record<K, string[]>>): Choice[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value], ...(spellings ? { spellings: spellings[value] } : {}) }));
}

/** A free note on the row (ghi chú). */
export const noteColumn: ColumnSpec = column("note", "Ghi chú", [], text(1000), "Ghi chú (không bắt buộc).");

/** How lists write the legal forms besides their names. */
export const COLLECTIVE_KIND_SPELLINGS: Readonly<Record<OrganizationKind, string[]>> = {
  COOPERATIVE: ["HTX"],
  COOPERATIVE_UNION: ["LHHTX", "Liên hiệp HTX"],
  COOPERATIVE_GROUP: ["THT"],
};

/** The legal forms membership keeps, as lists write them (in the order owners and participants list them). */
export const COLLECTIVE_KIND_CHOICES = labelledChoices(labelsOf(COLLECTIVE_KINDS), COLLECTIVE_KIND_SPELLINGS);

/** A registration or tax number (mã số HTX, mã số thuế): 10 digits, a branch -3 more. */
export const REGISTRATION_NUMBER = /^[0-9]{10}(-[0-9]{3})?$/u;

/** A column of registration or tax numbers (see `REGISTRATION_NUMBER`). */
export function registrationNumberColumn(key: string, label: string, aliases: string[], note: string): ColumnSpec {
  const type: ColumnType = { kind: "code", pattern: REGISTRATION_NUMBER, example: "3001234567 or 3001234567-001" };
  return column(key, label, aliases, type, `${note} Định dạng ô là văn bản để Excel không bỏ số 0 ở đầu.`);
}

/**
 * The cooperative, group or union a row names (a group has no registration number and is found by its name), in the
 * columns `<prefix>Kind`, `<prefix>Name` and `<prefix>RegistrationNumber`, with the headers of each list.
 */
export function collectiveColumns(prefix: string, kind: string, kindAliases: string[], name: string, nameAliases: string[], nameNote: string): ColumnSpec[] {
  return [
    column(
      `${prefix}Kind`,
      kind,
      kindAliases,
      choice(COLLECTIVE_KIND_CHOICES),
      "Hợp tác xã, Tổ hợp tác hoặc Liên hiệp hợp tác xã (đã có trong sổ đăng ký).",
      true,
    ),
    column(`${prefix}Name`, name, nameAliases, text(300), nameNote, true),
    registrationNumberColumn(
      `${prefix}RegistrationNumber`,
      "Mã số HTX (mã số thuế)",
      ["Mã số thuế", "MST", "Mã số HTX", "Mã số hợp tác xã"],
      "10 chữ số; tổ hợp tác để trống (tìm theo tên).",
    ),
  ];
}

/** An amount of money in đồng; the unit (đồng, triệu đồng, tỷ đồng) is read from the header. */
export function moneyColumn(key: string, label: string, aliases: string[], note: string, required = false): ColumnSpec {
  return column(key, label, aliases, { kind: "money" }, note, required);
}

/** A count of people, booths, contracts… (0 or more). */
export function countColumn(key: string, label: string, aliases: string[], note: string, required = false): ColumnSpec {
  return column(key, label, aliases, { kind: "integer", min: 0 }, note, required);
}

/** The headers lists write over a district-level unit (huyện). */
export const DISTRICT_ALIASES = ["Huyện", "Huyện, thị xã, thành phố", "Huyện/thị xã/thành phố", "Địa bàn", "Mã đơn vị hành chính", "Mã huyện"];

/** The district-level unit, by code or name (đơn vị hành chính): with a commune, the district it lay in; not needed for a 2025 commune. */
export function adminUnitColumn(note: string): ColumnSpec {
  return column(
    "adminUnit",
    "Đơn vị hành chính",
    DISTRICT_ALIASES,
    text(100),
    `Mã (ví dụ 444) hoặc tên huyện, thị xã, thành phố ${note}. Có cột xã: huyện của xã đó (trước 01/7/2025); bỏ trống khi ghi xã, phường mới (từ 01/7/2025).`,
  );
}

/** The mid-2024 date of the Alliance's review: the 216 communes of the 13 districts. */
const MAP_2024 = "2024-07-15";

/** The communes a template offers: the mid-2024 communes with their district, then today's communes. */
export function communeChoices(on: string = today()): string[] {
  const communes = (date: string) => unitsOn(date).filter((u) => u.level === "COMMUNE");
  const of2024 = communes(MAP_2024).map((u) => `${u.name}, ${(u.parentId && unitById(u.parentId)?.name) || ""}`.replace(/, $/u, ""));
  const now = communes(on).map((u) => u.name);
  return [...new Set([...of2024.sort((a, b) => a.localeCompare(b, "vi")), ...now.sort((a, b) => a.localeCompare(b, "vi"))])];
}

/**
 * The commune a record lies in, as the lists write it (xã, phường): a 2024 commune (with the district column, or
 * ", Huyện …" in the cell where its name alone is ambiguous) or a 2025 commune, resolved on the row's date.
 */
export const communeColumn: ColumnSpec = {
  ...column(
    "commune",
    "Xã, phường",
    ["Xã", "Phường", "Xã/phường", "Xã, phường, thị trấn", "Địa bàn xã", "Mã xã"],
    text(200),
    "Tên (hoặc mã) xã, phường, thị trấn theo bản đồ hành chính của ngày ghi trên dòng: trước 01/7/2025 là xã cũ (ghi thêm huyện ở cột huyện " +
      "hoặc sau dấu phẩy, ví dụ Xã Sơn Tây, Huyện Hương Sơn); từ 01/7/2025 là một trong 69 xã, phường mới (ví dụ Xã Tứ Mỹ). Chọn trong danh sách.",
  ),
  suggestions: communeChoices,
};
