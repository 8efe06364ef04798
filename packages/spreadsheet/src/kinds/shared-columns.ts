/** Columns several import kinds share, written once: who a row names and where it is registered. */
import { today } from "@kttt/core";
import { unitById, unitsOn } from "@kttt/reference";
import type { ColumnSpec } from "../columns";

/** The legal forms membership keeps, as lists write them. */
export const COLLECTIVE_KIND_CHOICES = [
  { value: "COOPERATIVE", label: "Hợp tác xã", spellings: ["HTX"] },
  { value: "COOPERATIVE_GROUP", label: "Tổ hợp tác", spellings: ["THT"] },
  { value: "COOPERATIVE_UNION", label: "Liên hiệp hợp tác xã", spellings: ["LHHTX", "Liên hiệp HTX"] },
];

/** A cooperative's, group's or union's legal form (loại hình). */
export function collectiveKindColumn(key: string, label: string, aliases: string[]): ColumnSpec {
  return {
    key,
    label,
    aliases,
    type: { kind: "choice", choices: COLLECTIVE_KIND_CHOICES },
    required: true,
    note: "Hợp tác xã, Tổ hợp tác hoặc Liên hiệp hợp tác xã (đã có trong sổ đăng ký).",
  };
}

/** A registration or tax number (mã số HTX, mã số thuế): 10 digits, a branch -3 more. */
export function registrationNumberColumn(key: string, label: string, aliases: string[], note: string): ColumnSpec {
  return {
    key,
    label,
    aliases,
    type: { kind: "code", pattern: /^[0-9]{10}(-[0-9]{3})?$/u, example: "3001234567 or 3001234567-001" },
    note: `${note} Định dạng ô là văn bản để Excel không bỏ số 0 ở đầu.`,
  };
}

/** An amount of money in đồng; the unit (đồng, triệu đồng, tỷ đồng) is read from the header. */
export function moneyColumn(key: string, label: string, aliases: string[], note: string, required = false): ColumnSpec {
  return { key, label, aliases, type: { kind: "money" }, ...(required ? { required } : {}), note };
}

/** A count of people, booths, contracts… (0 or more). */
export function countColumn(key: string, label: string, aliases: string[], note: string, required = false): ColumnSpec {
  return { key, label, aliases, type: { kind: "integer", min: 0 }, ...(required ? { required } : {}), note };
}

/** The district-level unit, by code or name (đơn vị hành chính): with a commune, the district it lay in; not needed for a 2025 commune. */
export function adminUnitColumn(note: string): ColumnSpec {
  return {
    key: "adminUnit",
    label: "Đơn vị hành chính",
    aliases: ["Huyện", "Huyện, thị xã, thành phố", "Huyện/thị xã/thành phố", "Địa bàn", "Mã đơn vị hành chính", "Mã huyện"],
    type: { kind: "text", maxLength: 100 },
    note: `Mã (ví dụ 444) hoặc tên huyện, thị xã, thành phố ${note}. Có cột xã: huyện của xã đó (trước 01/7/2025); bỏ trống khi ghi xã, phường mới (từ 01/7/2025).`,
  };
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
  key: "commune",
  label: "Xã, phường",
  aliases: ["Xã", "Phường", "Xã/phường", "Xã, phường, thị trấn", "Địa bàn xã", "Mã xã"],
  type: { kind: "text", maxLength: 200 },
  note:
    "Tên (hoặc mã) xã, phường, thị trấn theo bản đồ hành chính của ngày ghi trên dòng: trước 01/7/2025 là xã cũ (ghi thêm huyện ở cột huyện " +
    "hoặc sau dấu phẩy, ví dụ Xã Sơn Tây, Huyện Hương Sơn); từ 01/7/2025 là một trong 69 xã, phường mới (ví dụ Xã Tứ Mỹ). Chọn trong danh sách.",
  suggestions: communeChoices,
};
