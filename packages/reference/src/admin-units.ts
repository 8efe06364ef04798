/**
 * Hà Tĩnh's district-level units of 2024 (province code 42, official unit codes), as the mid-2024 review
 * counted them. `communes` are the short names the demo spreads its organisations over (illustrative, not
 * the full list); the official communes of each map, with codes, are in `admin-unit-history.ts`.
 */

export interface AdminUnitRecord {
  code: string;
  name: string;
  kind: "CITY" | "TOWN" | "DISTRICT";
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  changeNote: string | null;
  communes: string[];
}

const ABOLISHED = "2025-06-30";
const ABOLISHED_NOTE =
  "Cấp huyện chấm dứt hoạt động từ 01/7/2025 (chính quyền địa phương hai cấp, Nghị quyết 60-NQ/TW); địa bàn chia cho các xã, phường mới theo Nghị quyết 1665/NQ-UBTVQH15.";

export const ADMIN_UNITS: AdminUnitRecord[] = [
  {
    code: "436",
    name: "Thành phố Hà Tĩnh",
    kind: "CITY",
    communes: ["Thạch Trung", "Thạch Hạ", "Thạch Bình", "Thạch Hưng", "Đồng Môn", "Bắc Hà", "Nam Hà", "Tân Giang", "Văn Yên", "Trần Phú"],
  },
  { code: "437", name: "Thị xã Hồng Lĩnh", kind: "TOWN", communes: ["Thuận Lộc", "Đức Thuận", "Trung Lương", "Nam Hồng", "Bắc Hồng", "Đậu Liêu"] },
  {
    code: "439",
    name: "Huyện Hương Sơn",
    kind: "DISTRICT",
    communes: [
      "Sơn Kim 1",
      "Sơn Kim 2",
      "Sơn Tây",
      "Sơn Lĩnh",
      "Sơn Hồng",
      "Sơn Lâm",
      "Sơn Giang",
      "Sơn Ninh",
      "Sơn Trung",
      "Sơn Châu",
      "Sơn Bình",
      "Sơn Tiến",
      "Phố Châu",
      "Tây Sơn",
      "Sơn Phú",
      "Sơn Trường",
      "Quang Diệm",
      "Kim Hoa",
    ],
  },
  {
    code: "440",
    name: "Huyện Đức Thọ",
    kind: "DISTRICT",
    communes: [
      "Đức Đồng",
      "Đức Lạng",
      "Tân Hương",
      "Trường Sơn",
      "Liên Minh",
      "Tùng Ảnh",
      "Đức Lạc",
      "Yên Hồ",
      "Bùi La Nhân",
      "Thanh Bình Thịnh",
      "Tùng Châu",
      "Quang Vĩnh",
      "An Dũng",
    ],
  },
  {
    code: "441",
    name: "Huyện Vũ Quang",
    kind: "DISTRICT",
    communes: ["Hương Minh", "Quang Thọ", "Thọ Điền", "Đức Lĩnh", "Hương Quang", "Ân Phú", "Đức Giang", "Đức Bồng", "Đức Hương", "Hương Điền"],
  },
  {
    code: "442",
    name: "Huyện Nghi Xuân",
    kind: "DISTRICT",
    communes: [
      "Xuân Hội",
      "Xuân Trường",
      "Xuân Yên",
      "Xuân Thành",
      "Cương Gián",
      "Xuân Liên",
      "Xuân Lĩnh",
      "Xuân Viên",
      "Cổ Đạm",
      "Xuân Hồng",
      "Tiên Điền",
      "Xuân Giang",
      "Đan Trường",
    ],
  },
  {
    code: "443",
    name: "Huyện Can Lộc",
    kind: "DISTRICT",
    communes: [
      "Thượng Lộc",
      "Vượng Lộc",
      "Trung Lộc",
      "Xuân Lộc",
      "Quang Lộc",
      "Thiên Lộc",
      "Gia Hanh",
      "Khánh Vĩnh Yên",
      "Tùng Lộc",
      "Phú Lộc",
      "Đồng Lộc",
      "Mỹ Lộc",
      "Sơn Lộc",
      "Kim Song Trường",
      "Thanh Lộc",
    ],
  },
  {
    code: "444",
    name: "Huyện Hương Khê",
    kind: "DISTRICT",
    communes: [
      "Phúc Trạch",
      "Hương Trạch",
      "Phúc Đồng",
      "Hương Đô",
      "Hương Xuân",
      "Hương Lâm",
      "Hương Vĩnh",
      "Gia Phố",
      "Hà Linh",
      "Hòa Hải",
      "Phú Gia",
      "Lộc Yên",
      "Hương Bình",
      "Hương Long",
      "Hương Liên",
      "Điền Mỹ",
      "Hương Thủy",
      "Phú Phong",
    ],
  },
  {
    code: "445",
    name: "Huyện Thạch Hà",
    kind: "DISTRICT",
    communes: [
      "Thạch Đài",
      "Thạch Xuân",
      "Thạch Ngọc",
      "Thạch Hội",
      "Thạch Khê",
      "Thạch Lạc",
      "Thạch Sơn",
      "Thạch Thắng",
      "Thạch Liên",
      "Thạch Kênh",
      "Việt Tiến",
      "Nam Điền",
      "Ngọc Sơn",
      "Lưu Vĩnh Sơn",
      "Tân Lâm Hương",
      "Thạch Văn",
    ],
  },
  {
    code: "446",
    name: "Huyện Cẩm Xuyên",
    kind: "DISTRICT",
    communes: [
      "Cẩm Thành",
      "Cẩm Bình",
      "Cẩm Vịnh",
      "Cẩm Thạch",
      "Cẩm Quang",
      "Cẩm Duệ",
      "Cẩm Mỹ",
      "Cẩm Thịnh",
      "Cẩm Lạc",
      "Cẩm Trung",
      "Cẩm Hưng",
      "Cẩm Nhượng",
      "Cẩm Lĩnh",
      "Cẩm Dương",
      "Cẩm Yên",
      "Thiên Cầm",
      "Nam Phúc Thăng",
      "Yên Hòa",
    ],
  },
  {
    code: "447",
    name: "Huyện Kỳ Anh",
    kind: "DISTRICT",
    communes: [
      "Kỳ Phú",
      "Kỳ Đồng",
      "Kỳ Khang",
      "Kỳ Văn",
      "Kỳ Trung",
      "Kỳ Thọ",
      "Kỳ Tây",
      "Kỳ Thượng",
      "Kỳ Hải",
      "Kỳ Thư",
      "Kỳ Châu",
      "Kỳ Tân",
      "Kỳ Xuân",
      "Kỳ Bắc",
      "Kỳ Giang",
      "Kỳ Tiến",
      "Kỳ Sơn",
      "Kỳ Lạc",
      "Lâm Hợp",
    ],
  },
  {
    code: "448",
    name: "Huyện Lộc Hà",
    kind: "DISTRICT",
    communes: ["Thạch Kim", "Thạch Châu", "Thạch Mỹ", "Hộ Độ", "Mai Phụ", "Hồng Lộc", "Tân Lộc", "Bình An", "Thịnh Lộc", "Ích Hậu", "Phù Lưu"],
  },
  {
    code: "449",
    name: "Thị xã Kỳ Anh",
    kind: "TOWN",
    communes: ["Kỳ Trinh", "Kỳ Thịnh", "Kỳ Long", "Kỳ Liên", "Kỳ Phương", "Kỳ Nam", "Kỳ Hà", "Kỳ Hoa", "Hưng Trí", "Sông Trí"],
  },
].map((unit) => ({
  ...unit,
  kind: unit.kind as AdminUnitRecord["kind"],
  validFrom: unit.code === "449" ? "2015-06-01" : unit.code === "448" ? "2007-07-01" : "1991-10-01",
  validTo: unit.code === "448" ? "2024-12-31" : ABOLISHED,
  successorCode: unit.code === "448" ? "445" : null,
  changeNote:
    unit.code === "448" ? "Nhập vào Huyện Thạch Hà từ 01/01/2025 (một xã, Hộ Độ, về Thành phố Hà Tĩnh) theo Nghị quyết 1283/NQ-UBTVQH15." : ABOLISHED_NOTE,
}));

/** The unit and the units it was merged into, in order (Lộc Hà: itself, then Thạch Hà). */
function unitAndSuccessors(code: string): string[] {
  const chain = [code];
  for (let unit = ADMIN_UNITS.find((u) => u.code === code); unit?.successorCode && !chain.includes(unit.successorCode);) {
    chain.push(unit.successorCode);
    unit = ADMIN_UNITS.find((u) => u.code === unit!.successorCode);
  }
  return chain;
}

/**
 * True when two unit codes name the same place over time: the same code, or one unit was merged into
 * the other. A record dated before a merger names the old unit, a registry may already name the new one
 * (or still the old one, until it is updated); either way it is the same organisation's unit.
 */
export function sameOrMergedUnit(a: string, b: string): boolean {
  return unitAndSuccessors(a).includes(b) || unitAndSuccessors(b).includes(a);
}
