/** Columns several import kinds share, written once: who a row names and where it is registered. */
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

/** The district-level unit, by code or name (đơn vị hành chính). */
export function adminUnitColumn(note: string): ColumnSpec {
  return {
    key: "adminUnit",
    label: "Đơn vị hành chính",
    aliases: ["Huyện", "Huyện, thị xã, thành phố", "Huyện/thị xã/thành phố", "Địa bàn", "Mã đơn vị hành chính", "Mã huyện"],
    type: { kind: "text", maxLength: 100 },
    required: true,
    note: `Mã (ví dụ 444) hoặc tên huyện, thị xã, thành phố ${note}.`,
  };
}

/**
 * The commune a record lies in, as the lists write it (xã, phường). Not read yet: the ocop,
 * trade-promotion and policy-support mutations take the district-level unit until commune places
 * reach them; then this column joins their kinds.
 */
export const communeColumn: ColumnSpec = {
  key: "commune",
  label: "Xã, phường",
  aliases: ["Xã", "Phường", "Xã/phường", "Xã, phường, thị trấn", "Địa bàn xã"],
  type: { kind: "text", maxLength: 100 },
  note: "Tên xã, phường nơi đăng ký hoặc nơi sản xuất, theo bản đồ hành chính của ngày ghi trên dòng.",
};
