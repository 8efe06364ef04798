/**
 * The policy-support vocabulary: enums with their Vietnamese labels. `OrganizationKind` repeats
 * membership's enum value for value, so the two compose into one supergraph enum.
 * Every enum the subgraph publishes is declared here, the breakdowns (`…GroupBy`) and sort orders (`…Order`) included.
 */
import { describedEnum, groupByEnum, labelledEnum, labelsOf, OrganizationKind, type EnumValue } from "@kttt/core";

const DOCUMENT_TYPES = {
  LAW: ["Luật", ": a law passed by the National Assembly."],
  DECREE: ["Nghị định", ": a decree of the Government."],
  DECISION: ["Quyết định", ": a decision, e.g. of the Prime Minister."],
  CIRCULAR: ["Thông tư", ": a circular of a ministry."],
  RESOLUTION: ["Nghị quyết", ": a resolution, e.g. of the Party Central Committee."],
  PLAN: ["Kế hoạch", ": a plan, e.g. the province's yearly collective-economy plan."],
  OFFICIAL_LETTER: ["Công văn", ": an official letter."],
} as const;
export const LegalDocumentType = labelledEnum("LegalDocumentType", "Kind of legal or policy document (loại văn bản).", DOCUMENT_TYPES);
export type LegalDocumentType = EnumValue<typeof LegalDocumentType>;
export const DOCUMENT_TYPE_LABEL: Record<LegalDocumentType, string> = labelsOf(DOCUMENT_TYPES);

/** Labels and GraphQL descriptions alike. */
export const POLICY_KIND_LABEL = {
  HUMAN_RESOURCES: "Đào tạo, bồi dưỡng nguồn nhân lực",
  SCIENCE_TECHNOLOGY_DIGITAL: "Ứng dụng khoa học, công nghệ và chuyển đổi số",
  TRADE_PROMOTION_MARKET: "Xúc tiến thương mại, mở rộng thị trường",
  CREDIT_DEVELOPMENT_FUND: "Tiếp cận tín dụng, quỹ hỗ trợ phát triển hợp tác xã",
  LAND: "Đất đai",
  INFRASTRUCTURE_EQUIPMENT: "Đầu tư kết cấu hạ tầng, trang thiết bị",
  CONSULTING_INFORMATION: "Tư vấn, thông tin, thành lập mới",
  AGRICULTURE_SPECIFIC: "Hỗ trợ riêng lĩnh vực nông nghiệp",
  TAX_FEES: "Ưu đãi thuế, phí, lệ phí",
} as const;
export const PolicyKind = describedEnum(
  "PolicyKind",
  "Kind of State support for the collective economy (loại chính sách hỗ trợ), after Law 17/2023/QH15 and Decree 113/2024/NĐ-CP.",
  POLICY_KIND_LABEL,
);
export type PolicyKind = EnumValue<typeof PolicyKind>;

export const AgencyKind = describedEnum("AgencyKind", "Kind of implementing agency (loại cơ quan thực hiện).", {
  PROVINCIAL_DEPARTMENT: "Sở, ban, ngành: a department of the provincial People's Committee.",
  COOPERATIVE_ALLIANCE: "Liên minh Hợp tác xã tỉnh: the provincial Cooperative Alliance.",
  DISTRICT_COMMITTEE: "Ủy ban nhân dân cấp huyện: the People's Committee of a district-level unit.",
});
export type AgencyKind = EnumValue<typeof AgencyKind>;

/** Labels and GraphQL descriptions alike. */
export const FUNDING_SOURCE_LABEL = {
  CENTRAL: "Ngân sách trung ương",
  PROVINCIAL: "Ngân sách tỉnh",
  DISTRICT: "Ngân sách huyện",
  COMMUNE: "Ngân sách xã",
  OTHER: "Nguồn hợp pháp khác",
} as const;
export const FundingSource = describedEnum("FundingSource", "Where the money comes from (nguồn kinh phí).", FUNDING_SOURCE_LABEL);
export type FundingSource = EnumValue<typeof FundingSource>;

export const ProgrammeStatus = describedEnum("ProgrammeStatus", "Whether a programme still takes allocations and payments (trạng thái chương trình).", {
  OPEN: "Đang thực hiện: allocations and disbursements can be recorded within its period.",
  CLOSED: "Đã kết thúc: the books are closed; nothing more is recorded.",
});
export type ProgrammeStatus = EnumValue<typeof ProgrammeStatus>;

/** Declared once in core: membership and policy support name the same enum. */
export { OrganizationKind };

export const IndicatorUnit = describedEnum("IndicatorUnit", "Unit of a plan indicator (đơn vị tính).", {
  COUNT: "A number of things (số lượng).",
  PERCENT: "A percentage, 0 to 100 (tỷ lệ %).",
  VND: "An amount of đồng (đồng); served in the VND fields.",
});
export type IndicatorUnit = EnumValue<typeof IndicatorUnit>;

/** Each indicator's label and unit; its GraphQL description is "label (UNIT).". */
const PLAN_INDICATORS = {
  NEW_COOPERATIVES: ["Số hợp tác xã thành lập mới", IndicatorUnit.COUNT],
  COOPERATIVE_COUNT: ["Tổng số hợp tác xã", IndicatorUnit.COUNT],
  COOPERATIVE_GROUP_COUNT: ["Tổng số tổ hợp tác", IndicatorUnit.COUNT],
  GOOD_OR_FAIR_SHARE: ["Tỷ lệ hợp tác xã xếp loại tốt, khá", IndicatorUnit.PERCENT],
  OCOP_PRODUCTS: ["Số sản phẩm đạt chuẩn OCOP", IndicatorUnit.COUNT],
  TRAINED_MANAGERS: ["Số cán bộ quản lý hợp tác xã được đào tạo, bồi dưỡng", IndicatorUnit.COUNT],
  AVERAGE_WORKER_INCOME: ["Thu nhập bình quân của lao động thường xuyên (đồng/người/tháng)", IndicatorUnit.VND],
  SUPPORT_DISBURSEMENT_RATE: ["Tỷ lệ giải ngân kinh phí hỗ trợ", IndicatorUnit.PERCENT],
} as const;
type PlanIndicatorKey = keyof typeof PLAN_INDICATORS;
const indicatorEntries = Object.entries(PLAN_INDICATORS) as [PlanIndicatorKey, (typeof PLAN_INDICATORS)[PlanIndicatorKey]][];
export const INDICATOR_LABEL: Record<PlanIndicatorKey, string> = labelsOf(PLAN_INDICATORS);
export const INDICATOR_UNIT = Object.fromEntries(indicatorEntries.map(([key, [, unit]]) => [key, unit])) as Record<PlanIndicatorKey, IndicatorUnit>;
export const PlanIndicator = describedEnum(
  "PlanIndicator",
  "An indicator of a yearly collective-economy development plan (chỉ tiêu kế hoạch phát triển KTTT).",
  Object.fromEntries(indicatorEntries.map(([key, [label, unit]]) => [key, `${label} (${unit}).`])) as Record<PlanIndicatorKey, string>,
);
export type PlanIndicator = EnumValue<typeof PlanIndicator>;

export const PolicySupportGroupBy = groupByEnum("PolicySupportGroupBy", "policy-support statistics", {
  POLICY_KIND: "By kind of support policy.",
  AGENCY: "By implementing agency.",
  FUNDING_SOURCE: "By the budget the allocation is charged to.",
  ADMIN_UNIT: "By the district-level unit where the beneficiary is registered.",
});
export type PolicySupportGroupBy = EnumValue<typeof PolicySupportGroupBy>;
