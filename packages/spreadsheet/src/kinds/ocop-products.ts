/**
 * OCOP lists (danh sách sản phẩm OCOP): a product, its owner and, when it was rated, its certificate,
 * one row each, as recognition decisions list them; how a row becomes an `OcopProductImportRow` of
 * the ocop subgraph's importOcopProducts. An owner kept by membership (HTX, THT, LHHTX) is found there
 * by its registration number (a group by its name) before the rows are sent; the ocop subgraph checks
 * it again with membership.
 */
import { foldText } from "@kttt/core";
import { OCOP_GROUP_LABEL, OCOP_SUBGROUPS, type OcopGroupCode } from "@kttt/reference";
import type { ColumnSpec, KindSpec } from "../columns";
import type { ImportKind } from "../importer";
import { importMutation } from "../import-mutation";
import { findMembershipOwners } from "./membership-owners";
import { adminUnitColumn, communeColumn, COLLECTIVE_KIND_CHOICES, registrationNumberColumn } from "./shared-columns";

/** Spellings of the groups in lists made under the 2018 programme (Decision 490/QĐ-TTg) that map to one group of today's six. */
const GROUP_SPELLINGS: Record<OcopGroupCode, string[]> = {
  FOOD: ["Nhóm thực phẩm"],
  BEVERAGE: ["Nhóm đồ uống"],
  HERBAL: ["Dược liệu", "Thảo dược", "Nhóm thảo dược"],
  HANDICRAFT: ["Thủ công mỹ nghệ", "Lưu niệm - nội thất - trang trí"],
  ORNAMENTAL: [],
  TOURISM: ["Dịch vụ du lịch", "Du lịch cộng đồng"],
};

const OWNER_TYPES = [
  ...COLLECTIVE_KIND_CHOICES,
  { value: "ENTERPRISE", label: "Doanh nghiệp", spellings: ["DN", "Công ty"] },
  { value: "HOUSEHOLD_BUSINESS", label: "Hộ kinh doanh", spellings: ["HKD", "Hộ SXKD", "Hộ sản xuất kinh doanh"] },
];

const score = (key: string, part: string, label: string, max: number): ColumnSpec => ({
  key,
  label: `Điểm phần ${part}`,
  aliases: [`Phần ${part}`, `Điểm ${part}`],
  type: { kind: "integer", min: 0, max },
  note: `Điểm phần ${part} (${label}), 0–${max}; cùng với các cột của giấy chứng nhận.`,
});

export const ocopProductsKind: KindSpec = {
  name: "OCOP products",
  sheetName: "Sản phẩm OCOP",
  columns: [
    {
      key: "name",
      label: "Tên sản phẩm",
      aliases: ["Sản phẩm", "Tên sản phẩm OCOP", "Tên SP"],
      type: { kind: "text", maxLength: 300 },
      required: true,
      note: "Tên sản phẩm, có dấu, ví dụ: Mật ong Cường Nga.",
    },
    {
      key: "group",
      label: "Nhóm sản phẩm",
      aliases: ["Nhóm", "Nhóm ngành", "Bộ sản phẩm", "Ngành hàng"],
      type: {
        kind: "choice",
        choices: (Object.keys(OCOP_GROUP_LABEL) as OcopGroupCode[]).map((value) => ({
          value,
          label: OCOP_GROUP_LABEL[value],
          spellings: GROUP_SPELLINGS[value],
        })),
      },
      required: true,
      note: "Một trong sáu nhóm của Quyết định 148/QĐ-TTg (xem danh sách chọn).",
    },
    {
      key: "subgroup",
      label: "Phân nhóm",
      aliases: ["Phân nhóm sản phẩm", "Nhóm con"],
      type: { kind: "choice", choices: [...new Set(Object.values(OCOP_SUBGROUPS).flat())].map((s) => ({ value: s, label: s })) },
      required: true,
      note: "Phân nhóm thuộc nhóm sản phẩm (xem danh sách chọn).",
    },
    adminUnitColumn("nơi sản xuất (ví dụ Huyện Hương Khê), đúng với ngày đăng ký"),
    communeColumn,
    {
      key: "registeredOn",
      label: "Ngày đăng ký",
      aliases: ["Ngày đăng ký đánh giá", "Ngày đăng ký tham gia"],
      type: { kind: "date" },
      required: true,
      note: "Ngày sản phẩm đăng ký đánh giá, phân hạng (dd/mm/yyyy).",
    },
    {
      key: "ownerType",
      label: "Loại chủ thể",
      aliases: ["Loại hình chủ thể", "Loại hình"],
      type: { kind: "choice", choices: OWNER_TYPES },
      required: true,
      note: "Hợp tác xã, Tổ hợp tác, Liên hiệp hợp tác xã (đã có trong sổ đăng ký), Doanh nghiệp hoặc Hộ kinh doanh.",
    },
    {
      key: "ownerName",
      label: "Chủ thể",
      aliases: ["Tên chủ thể", "Chủ thể sản xuất", "Chủ thể OCOP", "Đơn vị sản xuất", "Cơ sở sản xuất"],
      type: { kind: "text", maxLength: 300 },
      required: true,
      note: "Tên chủ thể sản phẩm, ví dụ: HTX Nông nghiệp Kỳ Phú.",
    },
    registrationNumberColumn(
      "ownerRegistrationNumber",
      "Mã số thuế chủ thể",
      ["Mã số thuế", "MST", "Mã số HTX", "Mã số chủ thể", "Mã số đăng ký", "Mã số doanh nghiệp"],
      "10 chữ số (chi nhánh thêm -3 chữ số). Bắt buộc trừ tổ hợp tác (tìm theo tên).",
    ),
    {
      key: "ownerAddress",
      label: "Địa chỉ chủ thể",
      aliases: ["Địa chỉ"],
      type: { kind: "text", maxLength: 500 },
      note: "Địa chỉ của doanh nghiệp, hộ kinh doanh (ghi khi chủ thể chưa có trong hệ thống).",
    },
    {
      key: "description",
      label: "Mô tả",
      aliases: ["Mô tả sản phẩm", "Ghi chú"],
      type: { kind: "text", maxLength: 2000 },
      note: "Mô tả ngắn (không bắt buộc).",
    },
    score("scoreA", "A", "sản phẩm và sức mạnh cộng đồng", 40),
    score("scoreB", "B", "khả năng tiếp thị", 25),
    score("scoreC", "C", "chất lượng sản phẩm", 35),
    {
      key: "stars",
      label: "Hạng sao",
      aliases: ["Số sao", "Xếp hạng", "Hạng", "Kết quả xếp hạng", "Kết quả đánh giá"],
      type: {
        kind: "choice",
        choices: [3, 4, 5].map((n) => ({ value: String(n), label: `${n} sao`, spellings: [String(n), `${n}★`, `${n} sao (${"*".repeat(n)})`] })),
      },
      note: "3 sao, 4 sao hoặc 5 sao; phải đúng với tổng điểm (3 sao 50–69, 4 sao 70–89, 5 sao 90–100).",
    },
    {
      key: "level",
      label: "Cấp công nhận",
      aliases: ["Cấp đánh giá", "Cấp"],
      type: {
        kind: "choice",
        choices: [
          { value: "DISTRICT", label: "Cấp huyện", spellings: ["Huyện"] },
          { value: "PROVINCE", label: "Cấp tỉnh", spellings: ["Tỉnh"] },
          { value: "CENTRAL", label: "Cấp trung ương", spellings: ["Trung ương", "Cấp quốc gia", "Quốc gia"] },
        ],
      },
      note: "Không bắt buộc: suy ra từ hạng sao và ngày quyết định; nếu ghi phải khớp.",
    },
    {
      key: "decisionNumber",
      label: "Số quyết định",
      aliases: ["Quyết định", "Số QĐ", "Quyết định công nhận", "Số quyết định công nhận"],
      type: { kind: "text", maxLength: 60 },
      note: "Số quyết định công nhận, ví dụ 2394/QĐ-UBND. Để trống các cột điểm, hạng sao và quyết định nếu sản phẩm chưa được công nhận.",
    },
    {
      key: "decidedOn",
      label: "Ngày quyết định",
      aliases: ["Ngày công nhận", "Ngày QĐ", "Ngày ban hành", "Ngày quyết định công nhận"],
      type: { kind: "date" },
      note: "Ngày của quyết định công nhận (dd/mm/yyyy); giấy chứng nhận có hiệu lực 36 tháng từ ngày này.",
    },
  ],
};

export const ocopProductsImport: ImportKind = {
  spec: ocopProductsKind,
  field: "importOcopProducts",
  mutation: importMutation("importOcopProducts", "OcopProductImportRow", "productId certificateAdded"),
  key: (v) => (typeof v.name === "string" ? `${String(v.ownerRegistrationNumber ?? foldText(String(v.ownerName ?? "")))}|${foldText(v.name)}` : null),
  keyColumn: "name",
  keyLabel: (v) => `${String(v.name)} of ${String(v.ownerName)}`,
  toRow: ({ stars, ...rest }) => ({ ...rest, ...(stars === undefined ? {} : { stars: Number(stars) }) }),
  prepare: (rows, ask) =>
    findMembershipOwners(rows, ask, { kind: "ownerType", number: "ownerRegistrationNumber", name: "ownerName", id: "ownerOrganizationId" }),
};
