/**
 * The OCOP vocabulary: enums with their Vietnamese labels. The rules themselves (bands, levels,
 * validity) live in @kttt/reference's ocop-rules, shared with the demo catalogue.
 */
import { registerEnumType } from "type-graphql";
import { OCOP_GROUP_LABEL } from "@kttt/reference";

export enum OcopGroup {
  FOOD = "FOOD",
  BEVERAGE = "BEVERAGE",
  HERBAL = "HERBAL",
  HANDICRAFT = "HANDICRAFT",
  ORNAMENTAL = "ORNAMENTAL",
  TOURISM = "TOURISM",
}
export const GROUP_LABEL: Record<OcopGroup, string> = OCOP_GROUP_LABEL;
registerEnumType(OcopGroup, {
  name: "OcopGroup",
  description: "Product group (nhóm sản phẩm) of Decision 148/QĐ-TTg.",
  valuesConfig: Object.fromEntries(Object.entries(GROUP_LABEL).map(([k, v]) => [k, { description: `${v}.` }])),
});

export enum OcopOwnerType {
  COOPERATIVE = "COOPERATIVE",
  COOPERATIVE_GROUP = "COOPERATIVE_GROUP",
  COOPERATIVE_UNION = "COOPERATIVE_UNION",
  ENTERPRISE = "ENTERPRISE",
  HOUSEHOLD_BUSINESS = "HOUSEHOLD_BUSINESS",
}
export const OWNER_TYPE_LABEL: Record<OcopOwnerType, string> = {
  COOPERATIVE: "Hợp tác xã",
  COOPERATIVE_GROUP: "Tổ hợp tác",
  COOPERATIVE_UNION: "Liên hiệp hợp tác xã",
  ENTERPRISE: "Doanh nghiệp",
  HOUSEHOLD_BUSINESS: "Hộ kinh doanh",
};
/** Owners kept by the membership subgraph (referenced by id), by their GraphQL type name. */
export const COLLECTIVE_OWNER_TYPES: Record<string, OcopOwnerType> = {
  Cooperative: OcopOwnerType.COOPERATIVE,
  CooperativeGroup: OcopOwnerType.COOPERATIVE_GROUP,
  CooperativeUnion: OcopOwnerType.COOPERATIVE_UNION,
};
export const isCollective = (type: OcopOwnerType) => type === OcopOwnerType.COOPERATIVE || type === OcopOwnerType.COOPERATIVE_GROUP || type === OcopOwnerType.COOPERATIVE_UNION;
registerEnumType(OcopOwnerType, {
  name: "OcopOwnerType",
  description: "Kind of OCOP product owner (loại chủ thể OCOP): most owners are not cooperatives.",
  valuesConfig: {
    COOPERATIVE: { description: "Hợp tác xã (HTX), kept by the membership subgraph." },
    COOPERATIVE_GROUP: { description: "Tổ hợp tác (THT), kept by the membership subgraph." },
    COOPERATIVE_UNION: { description: "Liên hiệp hợp tác xã (LHHTX), kept by the membership subgraph." },
    ENTERPRISE: { description: "Doanh nghiệp: a company, kept by this subgraph." },
    HOUSEHOLD_BUSINESS: { description: "Hộ kinh doanh: a household business, kept by this subgraph." },
  },
});

export enum OcopLocalOwnerType {
  ENTERPRISE = "ENTERPRISE",
  HOUSEHOLD_BUSINESS = "HOUSEHOLD_BUSINESS",
}
registerEnumType(OcopLocalOwnerType, {
  name: "OcopLocalOwnerType",
  description: "Kind of owner this subgraph keeps itself (chủ thể không phải tổ chức kinh tế tập thể).",
  valuesConfig: {
    ENTERPRISE: { description: "Doanh nghiệp: a company." },
    HOUSEHOLD_BUSINESS: { description: "Hộ kinh doanh: a household business." },
  },
});

export enum OcopLevel {
  DISTRICT = "DISTRICT",
  PROVINCE = "PROVINCE",
  CENTRAL = "CENTRAL",
}
registerEnumType(OcopLevel, {
  name: "OcopLevel",
  description: "Level that assesses and recognises the stars (cấp đánh giá, công nhận).",
  valuesConfig: {
    DISTRICT: { description: "Cấp huyện: the district People's Committee recognised 3★ for decisions before 2025-07-06 (Decision 148/QĐ-TTg); no district level since (Decision 1489/QĐ-TTg of 06/07/2025)." },
    PROVINCE: { description: "Cấp tỉnh: the provincial People's Committee, 4★; and 3★ for decisions from 2025-07-06 (Decision 1489/QĐ-TTg)." },
    CENTRAL: { description: "Cấp trung ương: 5★ (products scoring 90 or more)." },
  },
});

export enum OcopStatus {
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}
registerEnumType(OcopStatus, {
  name: "OcopStatus",
  description: "Where a product stands on a date (tình trạng chứng nhận), from its latest certificate decided by then.",
  valuesConfig: {
    ACTIVE: { description: "Còn hiệu lực: the certificate is in force." },
    EXPIRED: { description: "Hết hạn: the 36 months have passed without re-assessment." },
    REVOKED: { description: "Bị thu hồi: the certificate was withdrawn." },
  },
});

export enum OcopCertificationKind {
  INITIAL = "INITIAL",
  UPGRADE = "UPGRADE",
  DOWNGRADE = "DOWNGRADE",
  RENEWAL = "RENEWAL",
}
registerEnumType(OcopCertificationKind, {
  name: "OcopCertificationKind",
  description: "How a certificate relates to the product's previous one (loại đánh giá).",
  valuesConfig: {
    INITIAL: { description: "Đánh giá lần đầu: the product's first certificate." },
    UPGRADE: { description: "Nâng hạng: re-assessed with more stars." },
    DOWNGRADE: { description: "Hạ hạng: re-assessed with fewer stars." },
    RENEWAL: { description: "Đánh giá lại: re-assessed with the same stars (renewal)." },
  },
});

export function kindOf(previousStars: number | null, stars: number): OcopCertificationKind {
  if (previousStars === null) return OcopCertificationKind.INITIAL;
  if (stars > previousStars) return OcopCertificationKind.UPGRADE;
  if (stars < previousStars) return OcopCertificationKind.DOWNGRADE;
  return OcopCertificationKind.RENEWAL;
}
