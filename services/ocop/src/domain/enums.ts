/**
 * The OCOP vocabulary: enums with their Vietnamese labels. The rules themselves (bands, levels,
 * validity) live in @kttt/reference's ocop-rules, shared with the demo catalogue.
 * Every enum the subgraph publishes is declared here, the breakdowns (`…GroupBy`) and sort orders (`…Order`) included.
 */
import { COLLECTIVE_KINDS, describedEnum, groupByEnum, labelledEnum, labelsOf, sortOrderEnum, type EnumValue } from "@kttt/core";
import { OCOP_GROUP_LABEL } from "@kttt/reference";

export const GROUP_LABEL = OCOP_GROUP_LABEL;
export const OcopGroup = describedEnum(
  "OcopGroup",
  "Product group (nhóm sản phẩm) of Decision 148/QĐ-TTg.",
  Object.fromEntries(Object.entries(GROUP_LABEL).map(([value, label]) => [value, `${label}.`])) as Record<keyof typeof GROUP_LABEL, string>,
);
export type OcopGroup = EnumValue<typeof OcopGroup>;

const OWNER_TYPES = {
  ...COLLECTIVE_KINDS,
  ENTERPRISE: ["Doanh nghiệp", ": a company, kept by this subgraph."],
  HOUSEHOLD_BUSINESS: ["Hộ kinh doanh", ": a household business, kept by this subgraph."],
} as const;
export const OcopOwnerType = labelledEnum("OcopOwnerType", "Kind of OCOP product owner (loại chủ thể OCOP): most owners are not cooperatives.", OWNER_TYPES);
export type OcopOwnerType = EnumValue<typeof OcopOwnerType>;
export const OWNER_TYPE_LABEL: Record<OcopOwnerType, string> = labelsOf(OWNER_TYPES);
/** Owners kept by the membership subgraph (referenced by id), by their GraphQL type name. */
export const COLLECTIVE_OWNER_TYPES: Record<string, OcopOwnerType> = {
  Cooperative: OcopOwnerType.COOPERATIVE,
  CooperativeGroup: OcopOwnerType.COOPERATIVE_GROUP,
  CooperativeUnion: OcopOwnerType.COOPERATIVE_UNION,
};
export const isCollective = (type: OcopOwnerType) =>
  type === OcopOwnerType.COOPERATIVE || type === OcopOwnerType.COOPERATIVE_GROUP || type === OcopOwnerType.COOPERATIVE_UNION;

export const OcopLocalOwnerType = describedEnum(
  "OcopLocalOwnerType",
  "Kind of owner this subgraph keeps itself (chủ thể không phải tổ chức kinh tế tập thể).",
  {
    ENTERPRISE: "Doanh nghiệp: a company.",
    HOUSEHOLD_BUSINESS: "Hộ kinh doanh: a household business.",
  },
);
export type OcopLocalOwnerType = EnumValue<typeof OcopLocalOwnerType>;

export const OcopLevel = describedEnum("OcopLevel", "Level that assesses and recognises the stars (cấp đánh giá, công nhận).", {
  DISTRICT:
    "Cấp huyện: the district People's Committee recognised 3★ for decisions before 2025-07-06 (Decision 148/QĐ-TTg); no district level since (Decision 1489/QĐ-TTg of 06/07/2025).",
  PROVINCE: "Cấp tỉnh: the provincial People's Committee, 4★; and 3★ for decisions from 2025-07-06 (Decision 1489/QĐ-TTg).",
  CENTRAL: "Cấp trung ương: 5★ (products scoring 90 or more).",
});
export type OcopLevel = EnumValue<typeof OcopLevel>;

export const OcopStatus = describedEnum(
  "OcopStatus",
  "Where a product stands on a date (tình trạng chứng nhận), from its latest certificate decided by then.",
  {
    ACTIVE: "Còn hiệu lực: the certificate is in force.",
    EXPIRED: "Hết hạn: the 36 months have passed without re-assessment.",
    REVOKED: "Bị thu hồi: the certificate was withdrawn.",
  },
);
export type OcopStatus = EnumValue<typeof OcopStatus>;

export const OcopCertificationKind = describedEnum("OcopCertificationKind", "How a certificate relates to the product's previous one (loại đánh giá).", {
  INITIAL: "Đánh giá lần đầu: the product's first certificate.",
  UPGRADE: "Nâng hạng: re-assessed with more stars.",
  DOWNGRADE: "Hạ hạng: re-assessed with fewer stars.",
  RENEWAL: "Đánh giá lại: re-assessed with the same stars (renewal).",
});
export type OcopCertificationKind = EnumValue<typeof OcopCertificationKind>;

export function kindOf(previousStars: number | null, stars: number): OcopCertificationKind {
  if (previousStars === null) return OcopCertificationKind.INITIAL;
  if (stars > previousStars) return OcopCertificationKind.UPGRADE;
  if (stars < previousStars) return OcopCertificationKind.DOWNGRADE;
  return OcopCertificationKind.RENEWAL;
}

export const OcopGroupBy = groupByEnum("OcopGroupBy", "the OCOP statistics", {
  STARS: "By the stars of the certificate that says where each product stands.",
  GROUP: "By product group.",
  ADMIN_UNIT:
    "By administrative unit where produced, of the map `unitMap` names: districts for dates before 2025-07-01, communes after; products no unit can hold are the group with a null key.",
  OWNER_TYPE: "By kind of owner.",
});
export type OcopGroupBy = EnumValue<typeof OcopGroupBy>;

export const OcopProductOrder = sortOrderEnum(
  "OcopProductOrder",
  "OCOP product",
  "REGISTERED_ON",
  "Registered longest ago first.",
  "Registered most recently first.",
);
export type OcopProductOrder = EnumValue<typeof OcopProductOrder>;

export const OcopReferenceProblem = describedEnum("OcopReferenceProblem", "What is wrong with a stored membership reference (lỗi tham chiếu).", {
  UNKNOWN: "Membership does not know the id (không tồn tại).",
  WRONG_TYPE: "The id is an organisation of another legal form than stored (sai loại hình).",
  DISSOLVED: "The organisation has been dissolved (đã giải thể); its products need a new owner or revocation.",
});
export type OcopReferenceProblem = EnumValue<typeof OcopReferenceProblem>;
