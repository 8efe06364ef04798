/**
 * The policy-support vocabulary: enums with their Vietnamese labels. `OrganizationKind` repeats
 * membership's enum value for value, so the two compose into one supergraph enum.
 * Every enum the subgraph publishes is declared here, the breakdowns (`…GroupBy`) and sort orders (`…Order`) included.
 */
import { registerEnumType } from "type-graphql";
import { OrganizationKind } from "@kttt/core";

export enum LegalDocumentType {
  LAW = "LAW",
  DECREE = "DECREE",
  DECISION = "DECISION",
  CIRCULAR = "CIRCULAR",
  RESOLUTION = "RESOLUTION",
  PLAN = "PLAN",
  OFFICIAL_LETTER = "OFFICIAL_LETTER",
}
export const DOCUMENT_TYPE_LABEL: Record<LegalDocumentType, string> = {
  LAW: "Luật",
  DECREE: "Nghị định",
  DECISION: "Quyết định",
  CIRCULAR: "Thông tư",
  RESOLUTION: "Nghị quyết",
  PLAN: "Kế hoạch",
  OFFICIAL_LETTER: "Công văn",
};
registerEnumType(LegalDocumentType, {
  name: "LegalDocumentType",
  description: "Kind of legal or policy document (loại văn bản).",
  valuesConfig: {
    LAW: { description: "Luật: a law passed by the National Assembly." },
    DECREE: { description: "Nghị định: a decree of the Government." },
    DECISION: { description: "Quyết định: a decision, e.g. of the Prime Minister." },
    CIRCULAR: { description: "Thông tư: a circular of a ministry." },
    RESOLUTION: { description: "Nghị quyết: a resolution, e.g. of the Party Central Committee." },
    PLAN: { description: "Kế hoạch: a plan, e.g. the province's yearly collective-economy plan." },
    OFFICIAL_LETTER: { description: "Công văn: an official letter." },
  },
});

export enum PolicyKind {
  HUMAN_RESOURCES = "HUMAN_RESOURCES",
  SCIENCE_TECHNOLOGY_DIGITAL = "SCIENCE_TECHNOLOGY_DIGITAL",
  TRADE_PROMOTION_MARKET = "TRADE_PROMOTION_MARKET",
  CREDIT_DEVELOPMENT_FUND = "CREDIT_DEVELOPMENT_FUND",
  LAND = "LAND",
  INFRASTRUCTURE_EQUIPMENT = "INFRASTRUCTURE_EQUIPMENT",
  CONSULTING_INFORMATION = "CONSULTING_INFORMATION",
  AGRICULTURE_SPECIFIC = "AGRICULTURE_SPECIFIC",
  TAX_FEES = "TAX_FEES",
}
export const POLICY_KIND_LABEL: Record<PolicyKind, string> = {
  HUMAN_RESOURCES: "Đào tạo, bồi dưỡng nguồn nhân lực",
  SCIENCE_TECHNOLOGY_DIGITAL: "Ứng dụng khoa học, công nghệ và chuyển đổi số",
  TRADE_PROMOTION_MARKET: "Xúc tiến thương mại, mở rộng thị trường",
  CREDIT_DEVELOPMENT_FUND: "Tiếp cận tín dụng, quỹ hỗ trợ phát triển hợp tác xã",
  LAND: "Đất đai",
  INFRASTRUCTURE_EQUIPMENT: "Đầu tư kết cấu hạ tầng, trang thiết bị",
  CONSULTING_INFORMATION: "Tư vấn, thông tin, thành lập mới",
  AGRICULTURE_SPECIFIC: "Hỗ trợ riêng lĩnh vực nông nghiệp",
  TAX_FEES: "Ưu đãi thuế, phí, lệ phí",
};
registerEnumType(PolicyKind, {
  name: "PolicyKind",
  description: "Kind of State support for the collective economy (loại chính sách hỗ trợ), after Law 17/2023/QH15 and Decree 113/2024/NĐ-CP.",
  valuesConfig: Object.fromEntries(Object.entries(POLICY_KIND_LABEL).map(([k, v]) => [k, { description: v }])),
});

export enum AgencyKind {
  PROVINCIAL_DEPARTMENT = "PROVINCIAL_DEPARTMENT",
  COOPERATIVE_ALLIANCE = "COOPERATIVE_ALLIANCE",
  DISTRICT_COMMITTEE = "DISTRICT_COMMITTEE",
}
registerEnumType(AgencyKind, {
  name: "AgencyKind",
  description: "Kind of implementing agency (loại cơ quan thực hiện).",
  valuesConfig: {
    PROVINCIAL_DEPARTMENT: { description: "Sở, ban, ngành: a department of the provincial People's Committee." },
    COOPERATIVE_ALLIANCE: { description: "Liên minh Hợp tác xã tỉnh: the provincial Cooperative Alliance." },
    DISTRICT_COMMITTEE: { description: "Ủy ban nhân dân cấp huyện: the People's Committee of a district-level unit." },
  },
});

export enum FundingSource {
  CENTRAL = "CENTRAL",
  PROVINCIAL = "PROVINCIAL",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  OTHER = "OTHER",
}
export const FUNDING_SOURCE_LABEL: Record<FundingSource, string> = {
  CENTRAL: "Ngân sách trung ương",
  PROVINCIAL: "Ngân sách tỉnh",
  DISTRICT: "Ngân sách huyện",
  COMMUNE: "Ngân sách xã",
  OTHER: "Nguồn hợp pháp khác",
};
registerEnumType(FundingSource, {
  name: "FundingSource",
  description: "Where the money comes from (nguồn kinh phí).",
  valuesConfig: Object.fromEntries(Object.entries(FUNDING_SOURCE_LABEL).map(([k, v]) => [k, { description: v }])),
});

export enum ProgrammeStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(ProgrammeStatus, {
  name: "ProgrammeStatus",
  description: "Whether a programme still takes allocations and payments (trạng thái chương trình).",
  valuesConfig: {
    OPEN: { description: "Đang thực hiện: allocations and disbursements can be recorded within its period." },
    CLOSED: { description: "Đã kết thúc: the books are closed; nothing more is recorded." },
  },
});

/** Declared once in core: membership and policy support name the same enum. */
export { OrganizationKind };

export enum IndicatorUnit {
  COUNT = "COUNT",
  PERCENT = "PERCENT",
  VND = "VND",
}
registerEnumType(IndicatorUnit, {
  name: "IndicatorUnit",
  description: "Unit of a plan indicator (đơn vị tính).",
  valuesConfig: {
    COUNT: { description: "A number of things (số lượng)." },
    PERCENT: { description: "A percentage, 0 to 100 (tỷ lệ %)." },
    VND: { description: "An amount of đồng (đồng); served in the VND fields." },
  },
});

export enum PlanIndicator {
  NEW_COOPERATIVES = "NEW_COOPERATIVES",
  COOPERATIVE_COUNT = "COOPERATIVE_COUNT",
  COOPERATIVE_GROUP_COUNT = "COOPERATIVE_GROUP_COUNT",
  GOOD_OR_FAIR_SHARE = "GOOD_OR_FAIR_SHARE",
  OCOP_PRODUCTS = "OCOP_PRODUCTS",
  TRAINED_MANAGERS = "TRAINED_MANAGERS",
  AVERAGE_WORKER_INCOME = "AVERAGE_WORKER_INCOME",
  SUPPORT_DISBURSEMENT_RATE = "SUPPORT_DISBURSEMENT_RATE",
}
export const INDICATOR_UNIT: Record<PlanIndicator, IndicatorUnit> = {
  NEW_COOPERATIVES: IndicatorUnit.COUNT,
  COOPERATIVE_COUNT: IndicatorUnit.COUNT,
  COOPERATIVE_GROUP_COUNT: IndicatorUnit.COUNT,
  GOOD_OR_FAIR_SHARE: IndicatorUnit.PERCENT,
  OCOP_PRODUCTS: IndicatorUnit.COUNT,
  TRAINED_MANAGERS: IndicatorUnit.COUNT,
  AVERAGE_WORKER_INCOME: IndicatorUnit.VND,
  SUPPORT_DISBURSEMENT_RATE: IndicatorUnit.PERCENT,
};
export const INDICATOR_LABEL: Record<PlanIndicator, string> = {
  NEW_COOPERATIVES: "Số hợp tác xã thành lập mới",
  COOPERATIVE_COUNT: "Tổng số hợp tác xã",
  COOPERATIVE_GROUP_COUNT: "Tổng số tổ hợp tác",
  GOOD_OR_FAIR_SHARE: "Tỷ lệ hợp tác xã xếp loại tốt, khá",
  OCOP_PRODUCTS: "Số sản phẩm đạt chuẩn OCOP",
  TRAINED_MANAGERS: "Số cán bộ quản lý hợp tác xã được đào tạo, bồi dưỡng",
  AVERAGE_WORKER_INCOME: "Thu nhập bình quân của lao động thường xuyên (đồng/người/tháng)",
  SUPPORT_DISBURSEMENT_RATE: "Tỷ lệ giải ngân kinh phí hỗ trợ",
};
registerEnumType(PlanIndicator, {
  name: "PlanIndicator",
  description: "An indicator of a yearly collective-economy development plan (chỉ tiêu kế hoạch phát triển KTTT).",
  valuesConfig: Object.fromEntries(Object.entries(INDICATOR_LABEL).map(([k, v]) => [k, { description: `${v} (${INDICATOR_UNIT[k as PlanIndicator]}).` }])),
});

export enum PolicySupportGroupBy {
  POLICY_KIND = "POLICY_KIND",
  AGENCY = "AGENCY",
  FUNDING_SOURCE = "FUNDING_SOURCE",
  ADMIN_UNIT = "ADMIN_UNIT",
}
registerEnumType(PolicySupportGroupBy, {
  name: "PolicySupportGroupBy",
  description: "How to break policy-support statistics down (phân nhóm).",
  valuesConfig: {
    POLICY_KIND: { description: "By kind of support policy." },
    AGENCY: { description: "By implementing agency." },
    FUNDING_SOURCE: { description: "By the budget the allocation is charged to." },
    ADMIN_UNIT: { description: "By the district-level unit where the beneficiary is registered." },
  },
});
