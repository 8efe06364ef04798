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
import {
  adminUnitColumn,
  choice,
  column,
  communeColumn,
  COLLECTIVE_KIND_CHOICES,
  DATE,
  labelledChoices,
  registrationNumberColumn,
  text,
} from "./shared-columns";

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

const score = (key: string, part: string, label: string, max: number): ColumnSpec =>
  column(
    key,
    `Điểm phần ${part}`,
    [`Phần ${part}`, `Điểm ${part}`],
    { kind: "integer", min: 0, max },
    `Điểm phần ${part} (${label}), 0–${max}; cùng với các cột của giấy chứng nhận.`,
  );

export const ocopProductsKind: KindSpec = {
  name: "OCOP products",
  sheetName: "Sản phẩm OCOP",
  columns: [
    column("name", "Tên sản phẩm", ["Sản phẩm", "Tên sản phẩm OCOP", "Tên SP"], text(300), "Tên sản phẩm, có dấu, ví dụ: Mật ong Cường Nga.", true),
    column(
      "group",
      "Nhóm sản phẩm",
      ["Nhóm", "Nhóm ngành", "Bộ sản phẩm", "Ngành hàng"],
      choice(labelledChoices(OCOP_GROUP_LABEL, GROUP_SPELLINGS)),
      "Một trong sáu nhóm của Quyết định 148/QĐ-TTg (xem danh sách chọn).",
      true,
    ),
    column(
      "subgroup",
      "Phân nhóm",
      ["Phân nhóm sản phẩm", "Nhóm con"],
      choice([...new Set(Object.values(OCOP_SUBGROUPS).flat())].map((s) => ({ value: s, label: s }))),
      "Phân nhóm thuộc nhóm sản phẩm (xem danh sách chọn).",
      true,
    ),
    adminUnitColumn("nơi sản xuất (ví dụ Huyện Hương Khê), đúng với ngày đăng ký"),
    communeColumn,
    column(
      "registeredOn",
      "Ngày đăng ký",
      ["Ngày đăng ký đánh giá", "Ngày đăng ký tham gia"],
      DATE,
      "Ngày sản phẩm đăng ký đánh giá, phân hạng (dd/mm/yyyy).",
      true,
    ),
    column(
      "ownerType",
      "Loại chủ thể",
      ["Loại hình chủ thể", "Loại hình"],
      choice(OWNER_TYPES),
      "Hợp tác xã, Tổ hợp tác, Liên hiệp hợp tác xã (đã có trong sổ đăng ký), Doanh nghiệp hoặc Hộ kinh doanh.",
      true,
    ),
    column(
      "ownerName",
      "Chủ thể",
      ["Tên chủ thể", "Chủ thể sản xuất", "Chủ thể OCOP", "Đơn vị sản xuất", "Cơ sở sản xuất"],
      text(300),
      "Tên chủ thể sản phẩm, ví dụ: HTX Nông nghiệp Kỳ Phú.",
      true,
    ),
    registrationNumberColumn(
      "ownerRegistrationNumber",
      "Mã số thuế chủ thể",
      ["Mã số thuế", "MST", "Mã số HTX", "Mã số chủ thể", "Mã số đăng ký", "Mã số doanh nghiệp"],
      "10 chữ số (chi nhánh thêm -3 chữ số). Bắt buộc trừ tổ hợp tác (tìm theo tên).",
    ),
    column("ownerAddress", "Địa chỉ chủ thể", ["Địa chỉ"], text(500), "Địa chỉ của doanh nghiệp, hộ kinh doanh (ghi khi chủ thể chưa có trong hệ thống)."),
    column("description", "Mô tả", ["Mô tả sản phẩm", "Ghi chú"], text(2000), "Mô tả ngắn (không bắt buộc)."),
    score("scoreA", "A", "sản phẩm và sức mạnh cộng đồng", 40),
    score("scoreB", "B", "khả năng tiếp thị", 25),
    score("scoreC", "C", "chất lượng sản phẩm", 35),
    column(
      "stars",
      "Hạng sao",
      ["Số sao", "Xếp hạng", "Hạng", "Kết quả xếp hạng", "Kết quả đánh giá"],
      choice([3, 4, 5].map((n) => ({ value: String(n), label: `${n} sao`, spellings: [String(n), `${n}★`, `${n} sao (${"*".repeat(n)})`] }))),
      "3 sao, 4 sao hoặc 5 sao; phải đúng với tổng điểm (3 sao 50–69, 4 sao 70–89, 5 sao 90–100).",
    ),
    column(
      "level",
      "Cấp công nhận",
      ["Cấp đánh giá", "Cấp"],
      choice([
        { value: "DISTRICT", label: "Cấp huyện", spellings: ["Huyện"] },
        { value: "PROVINCE", label: "Cấp tỉnh", spellings: ["Tỉnh"] },
        { value: "CENTRAL", label: "Cấp trung ương", spellings: ["Trung ương", "Cấp quốc gia", "Quốc gia"] },
      ]),
      "Không bắt buộc: suy ra từ hạng sao và ngày quyết định; nếu ghi phải khớp.",
    ),
    column(
      "decisionNumber",
      "Số quyết định",
      ["Quyết định", "Số QĐ", "Quyết định công nhận", "Số quyết định công nhận"],
      text(60),
      "Số quyết định công nhận, ví dụ 2394/QĐ-UBND. Để trống các cột điểm, hạng sao và quyết định nếu sản phẩm chưa được công nhận.",
    ),
    column(
      "decidedOn",
      "Ngày quyết định",
      ["Ngày công nhận", "Ngày QĐ", "Ngày ban hành", "Ngày quyết định công nhận"],
      DATE,
      "Ngày của quyết định công nhận (dd/mm/yyyy); giấy chứng nhận có hiệu lực 36 tháng từ ngày này.",
    ),
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
