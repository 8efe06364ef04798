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
import { adminUnitColumn, collectiveKindColumn, communeColumn, moneyColumn, registrationNumberColumn } from "./shared-columns";

/** The columns that name the programme and the organisation, the same on both lists. */
const WHO: ColumnSpec[] = [
  {
    key: "programmeCode",
    label: "Mã chương trình",
    aliases: ["Chương trình", "Mã CT", "Mã chương trình hỗ trợ"],
    type: { kind: "text", maxLength: 60 },
    required: true,
    note: "Mã chương trình hỗ trợ như đã ghi trong hệ thống, ví dụ CT-2024-SO-CT-XTTM.",
  },
  collectiveKindColumn("organizationKind", "Loại hình", ["Loại hình tổ chức", "Loại hình kinh tế"]),
  {
    key: "organizationName",
    label: "Tên tổ chức",
    aliases: ["Tên HTX", "Tên đơn vị", "Đơn vị thụ hưởng", "Đối tượng thụ hưởng", "Tên đối tượng"],
    type: { kind: "text", maxLength: 300 },
    required: true,
    note: "Tên hợp tác xã, tổ hợp tác, liên hiệp.",
  },
  registrationNumberColumn(
    "organizationRegistrationNumber",
    "Mã số HTX (mã số thuế)",
    ["Mã số thuế", "MST", "Mã số HTX", "Mã số hợp tác xã"],
    "10 chữ số; tổ hợp tác để trống (tìm theo tên).",
  ),
];

export const beneficiariesKind: KindSpec = {
  name: "support beneficiaries",
  sheetName: "Đối tượng thụ hưởng",
  columns: [
    ...WHO,
    adminUnitColumn("nơi tổ chức đăng ký"),
    communeColumn,
    {
      key: "fundingSource",
      label: "Nguồn kinh phí",
      aliases: ["Nguồn vốn", "Nguồn ngân sách"],
      type: {
        kind: "choice",
        choices: [
          { value: "CENTRAL", label: "Ngân sách trung ương", spellings: ["Trung ương", "NSTW"] },
          { value: "PROVINCIAL", label: "Ngân sách tỉnh", spellings: ["Tỉnh", "NST"] },
          { value: "DISTRICT", label: "Ngân sách huyện", spellings: ["Huyện", "NSH"] },
          { value: "COMMUNE", label: "Ngân sách xã", spellings: ["Xã"] },
          { value: "OTHER", label: "Nguồn hợp pháp khác", spellings: ["Khác", "Nguồn khác"] },
        ],
      },
      required: true,
      note: "Dòng ngân sách của chương trình mà khoản hỗ trợ được tính vào.",
    },
    {
      key: "support",
      label: "Nội dung hỗ trợ",
      aliases: ["Nội dung", "Hình thức hỗ trợ"],
      type: { kind: "text", maxLength: 500 },
      required: true,
      note: "Tổ chức được hỗ trợ gì, ví dụ: Đào tạo cán bộ quản lý.",
    },
    moneyColumn(
      "plannedAmount",
      "Kinh phí được duyệt (đồng)",
      ["Kinh phí phê duyệt", "Kinh phí hỗ trợ", "Số tiền hỗ trợ", "Kinh phí"],
      "Số tiền được phê duyệt; đơn vị ghi ở tiêu đề cột (đồng, triệu đồng).",
      true,
    ),
    {
      key: "managersTrained",
      label: "Số cán bộ được đào tạo",
      aliases: ["Cán bộ quản lý được đào tạo", "Số người được đào tạo"],
      type: { kind: "integer", min: 0, max: 100 },
      note: "Chỉ với chương trình đào tạo; để trống là 0.",
    },
    {
      key: "approvedOn",
      label: "Ngày phê duyệt",
      aliases: ["Ngày quyết định", "Ngày duyệt"],
      type: { kind: "date" },
      required: true,
      note: "Ngày phê duyệt khoản hỗ trợ (dd/mm/yyyy).",
    },
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
    {
      key: "disbursedOn",
      label: "Ngày giải ngân",
      aliases: ["Ngày chi", "Ngày thanh toán"],
      type: { kind: "date" },
      required: true,
      note: "Ngày giải ngân (dd/mm/yyyy).",
    },
    {
      key: "overrideReason",
      label: "Lý do vượt kế hoạch",
      aliases: ["Lý do vượt"],
      type: { kind: "text", maxLength: 500 },
      note: "Chỉ ghi khi tổng giải ngân vượt số được duyệt (10–500 ký tự).",
    },
    { key: "note", label: "Ghi chú", aliases: [], type: { kind: "text", maxLength: 1000 }, note: "Ghi chú (không bắt buộc)." },
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
