/**
 * A support programme's lists (danh sách đối tượng thụ hưởng, danh sách giải ngân): approved
 * allocations and payments, one row each, for the policy-support subgraph's importBeneficiaries and
 * importDisbursements. The organisation is found in membership by its registration number (a group
 * by its name).
 */
import { cleanText, foldText } from "@kttt/core";
import type { ColumnSpec, KindSpec } from "../columns";
import type { ImportKind } from "../importer";
import { importMutation } from "../import-mutation";
import { findMembershipOwners } from "./membership-owners";
import { adminUnitColumn, choice, collectiveColumns, column, communeColumn, DATE, moneyColumn, noteColumn, text } from "./shared-columns";

/** The columns that name the programme and the organisation, the same on both lists. */
const WHO: ColumnSpec[] = [
  column(
    "programmeCode",
    "Mã chương trình",
    ["Chương trình", "Mã CT", "Mã chương trình hỗ trợ"],
    text(60),
    "Mã chương trình hỗ trợ như đã ghi trong hệ thống, ví dụ CT-2024-SO-CT-XTTM.",
    true,
  ),
  ...collectiveColumns(
    "organization",
    "Loại hình",
    ["Loại hình tổ chức", "Loại hình kinh tế"],
    "Tên tổ chức",
    ["Tên HTX", "Tên đơn vị", "Đơn vị thụ hưởng", "Đối tượng thụ hưởng", "Tên đối tượng"],
    "Tên hợp tác xã, tổ hợp tác, liên hiệp.",
  ),
];

export const beneficiariesKind: KindSpec = {
  name: "support beneficiaries",
  sheetName: "Đối tượng thụ hưởng",
  columns: [
    ...WHO,
    adminUnitColumn("nơi tổ chức đăng ký"),
    communeColumn,
    column(
      "fundingSource",
      "Nguồn kinh phí",
      ["Nguồn vốn", "Nguồn ngân sách"],
      choice([
        { value: "CENTRAL", label: "Ngân sách trung ương", spellings: ["Trung ương", "NSTW"] },
        { value: "PROVINCIAL", label: "Ngân sách tỉnh", spellings: ["Tỉnh", "NST"] },
        { value: "DISTRICT", label: "Ngân sách huyện", spellings: ["Huyện", "NSH"] },
        { value: "COMMUNE", label: "Ngân sách xã", spellings: ["Xã"] },
        { value: "OTHER", label: "Nguồn hợp pháp khác", spellings: ["Khác", "Nguồn khác"] },
      ]),
      "Dòng ngân sách của chương trình mà khoản hỗ trợ được tính vào.",
      true,
    ),
    column("support", "Nội dung hỗ trợ", ["Nội dung", "Hình thức hỗ trợ"], text(500), "Tổ chức được hỗ trợ gì, ví dụ: Đào tạo cán bộ quản lý.", true),
    moneyColumn(
      "plannedAmount",
      "Kinh phí được duyệt (đồng)",
      ["Kinh phí phê duyệt", "Kinh phí hỗ trợ", "Số tiền hỗ trợ", "Kinh phí"],
      "Số tiền được phê duyệt; đơn vị ghi ở tiêu đề cột (đồng, triệu đồng).",
      true,
    ),
    column(
      "managersTrained",
      "Số cán bộ được đào tạo",
      ["Cán bộ quản lý được đào tạo", "Số người được đào tạo"],
      { kind: "integer", min: 0, max: 100 },
      "Chỉ với chương trình đào tạo; để trống là 0.",
    ),
    column("approvedOn", "Ngày phê duyệt", ["Ngày quyết định", "Ngày duyệt"], DATE, "Ngày phê duyệt khoản hỗ trợ (dd/mm/yyyy).", true),
  ],
};

export const disbursementsKind: KindSpec = {
  name: "support disbursements",
  sheetName: "Giải ngân",
  columns: [
    ...WHO,
    moneyColumn(
      "amount",
      "Số tiền giải ngân (đồng)",
      ["Số tiền", "Giải ngân", "Số tiền đã giải ngân", "Kinh phí giải ngân"],
      "Số tiền của lần giải ngân; đơn vị ghi ở tiêu đề cột.",
      true,
    ),
    column("disbursedOn", "Ngày giải ngân", ["Ngày chi", "Ngày thanh toán"], DATE, "Ngày giải ngân (dd/mm/yyyy).", true),
    column("overrideReason", "Lý do vượt kế hoạch", ["Lý do vượt"], text(500), "Chỉ ghi khi tổng giải ngân vượt số được duyệt (10–500 ký tự)."),
    noteColumn,
  ],
};

const OWNER = { kind: "organizationKind", number: "organizationRegistrationNumber", name: "organizationName", id: "organizationId" };
const who = (v: Record<string, unknown>) =>
  `${cleanText(String(v.programmeCode ?? ""))}|${String(v.organizationRegistrationNumber ?? foldText(String(v.organizationName ?? "")))}`;

export const beneficiariesImport: ImportKind = {
  spec: beneficiariesKind,
  field: "importBeneficiaries",
  mutation: importMutation("importBeneficiaries", "BeneficiaryImportRow", "beneficiaryId"),
  key: (v) => (typeof v.organizationName === "string" ? who(v) : null),
  keyColumn: "organizationName",
  keyLabel: (v) => `${cleanText(String(v.organizationName))} in ${cleanText(String(v.programmeCode))}`,
  prepare: (rows, ask) => findMembershipOwners(rows, ask, OWNER),
};

export const disbursementsImport: ImportKind = {
  spec: disbursementsKind,
  field: "importDisbursements",
  mutation: importMutation("importDisbursements", "DisbursementImportRow", "beneficiaryId"),
  key: (v) => (typeof v.organizationName === "string" ? `${who(v)}|${String(v.disbursedOn)}|${String(v.amount)}` : null),
  keyColumn: "amount",
  keyLabel: (v) => `The payment of ${String(v.amount)} đồng on ${String(v.disbursedOn)} to ${cleanText(String(v.organizationName))}`,
  prepare: (rows, ask) => findMembershipOwners(rows, ask, OWNER),
};
