/**
 * The OCOP vocabulary: enums with their Vietnamese labels. The rules themselves (bands, levels,
 * validity) live in @kttt/reference's ocop-rules, shared with the demo catalogue.
 * Every enum the subgraph publishes is declared here, the breakdowns (`…GroupBy`) and sort orders (`…Order`) included.
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
export const isCollective = (type: OcopOwnerType) =>
  type === OcopOwnerType.COOPERATIVE || type === OcopOwnerType.COOPERATIVE_GROUP || type === OcopOwnerType.COOPERATIVE_UNION;
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
    DISTRICT: {
      description:
        "Cấp huyện: the district People's Committee recognised 3★ for decisions before 2025-07-06 (Decision 148/QĐ-TTg); no district level since (Decision 1489/QĐ-TTg of 06/07/2025).",
    },
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

export enum OcopGroupBy {
  STARS = "STARS",
  GROUP = "GROUP",
  ADMIN_UNIT = "ADMIN_UNIT",
  OWNER_TYPE = "OWNER_TYPE",
}
registerEnumType(OcopGroupBy, {
  name: "OcopGroupBy",
  description: "How to break the OCOP statistics down (phân nhóm).",
  valuesConfig: {
    STARS: { description: "By the stars of the certificate that says where each product stands." },
    GROUP: { description: "By product group." },
    ADMIN_UNIT: {
      description:
        "By administrative unit where produced, of the map `unitMap` names: districts for dates before 2025-07-01, communes after; products no unit can hold are the group with a null key.",
    },
    OWNER_TYPE: { description: "By kind of owner." },
  },
});

export enum OcopProductOrder {
  NAME_ASC = "NAME_ASC",
  NAME_DESC = "NAME_DESC",
  REGISTERED_ON_ASC = "REGISTERED_ON_ASC",
  REGISTERED_ON_DESC = "REGISTERED_ON_DESC",
}
registerEnumType(OcopProductOrder, {
  name: "OcopProductOrder",
  description: "Sort order of OCOP product lists (thứ tự sắp xếp).",
  valuesConfig: {
    NAME_ASC: { description: "By name, A to Z." },
    NAME_DESC: { description: "By name, Z to A." },
    REGISTERED_ON_ASC: { description: "Registered longest ago first." },
    REGISTERED_ON_DESC: { description: "Registered most recently first." },
  },
});

export enum OcopReferenceProblem {
  UNKNOWN = "UNKNOWN",
  WRONG_TYPE = "WRONG_TYPE",
  DISSOLVED = "DISSOLVED",
}
registerEnumType(OcopReferenceProblem, {
  name: "OcopReferenceProblem",
  description: "What is wrong with a stored membership reference (lỗi tham chiếu).",
  valuesConfig: {
    UNKNOWN: { description: "Membership does not know the id (không tồn tại)." },
    WRONG_TYPE: { description: "The id is an organisation of another legal form than stored (sai loại hình)." },
    DISSOLVED: { description: "The organisation has been dissolved (đã giải thể); its products need a new owner or revocation." },
  },
});
