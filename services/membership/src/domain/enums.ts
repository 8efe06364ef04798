/**
 * The membership vocabulary: enums with their Vietnamese labels, and the rules that tie them
 * together (rating bands of Circular 01/2020/TT-BKHĐT, minimum members under Law 17/2023/QH15).
 * Every enum the subgraph publishes is declared here, the breakdowns (`…GroupBy`) and sort orders (`…Order`) included.
 */
import { describedEnum, groupByEnum, labelled, OrganizationKind, registerDescribedEnum, sortOrderEnum, type EnumValue } from "@kttt/core";
import {
  CLASSIFICATION_SCHEME_DESCRIPTION,
  ClassificationScheme,
  IT_READINESS_LABEL,
  ItReadiness,
  MEMBER_KIND_DESCRIPTION,
  MEMBERSHIP_TYPE_DESCRIPTION,
  MemberKind,
  MembershipType,
  ORGANIZATION_STATUS_DESCRIPTION,
  OrganizationStatus,
  Rating,
  RATINGS,
  SECTOR_LABEL,
  Sector,
  SIZE_CLASSES,
  SizeClass,
} from "@kttt/reference";

/** Declared once in core: membership and policy support name the same enum. */
export { OrganizationKind };

/** Values and labels shared with the spreadsheet engine (@kttt/reference); registered in the schema here. */
export {
  ClassificationScheme,
  IT_READINESS_LABEL,
  ItReadiness,
  KIND_LABEL,
  MemberKind,
  MembershipType,
  OrganizationStatus,
  Rating,
  RATING_LABEL,
  Sector,
  SECTOR_LABEL,
  SIZE_CLASS_LABEL,
  SizeClass,
} from "@kttt/reference";

/** Minimum official members for an organisation to be active (Law 17/2023/QH15; Decree 77/2019 for THT). */
export const MIN_OFFICIAL_MEMBERS: Record<OrganizationKind, number> = {
  COOPERATIVE: 5,
  COOPERATIVE_UNION: 3,
  COOPERATIVE_GROUP: 2,
};

registerDescribedEnum(OrganizationStatus, "OrganizationStatus", "Operating status (tình trạng hoạt động).", ORGANIZATION_STATUS_DESCRIPTION);
registerDescribedEnum(Sector, "Sector", "Field of activity (lĩnh vực hoạt động), as the province reports it.", SECTOR_LABEL);
registerDescribedEnum(MemberKind, "MemberKind", "Who the member is (loại thành viên).", MEMBER_KIND_DESCRIPTION);
registerDescribedEnum(MembershipType, "MembershipType", "Kind of membership (loại hình thành viên) under Law 17/2023/QH15.", MEMBERSHIP_TYPE_DESCRIPTION);
registerDescribedEnum(
  Rating,
  "Rating",
  "Performance rating (xếp loại) of Circular 01/2020/TT-BKHĐT: 15 criteria, 100 points. The circular was repealed by Thông tư 78/2025/TT-BTC " +
    "from 2025-09-18 and no national rating replaced it: these ratings belong to assessments dated before that day.",
  labelled(RATINGS),
);

/** The rating a score earns under Circular 01/2020/TT-BKHĐT. */
export function ratingForScore(score: number): Rating {
  if (score >= 80) return Rating.GOOD;
  if (score >= 65) return Rating.FAIR;
  if (score >= 50) return Rating.AVERAGE;
  return Rating.WEAK;
}

export const RATING_BAND: Record<Exclude<Rating, typeof Rating.NOT_RATED>, string> = {
  GOOD: "80–100",
  FAIR: "65 to under 80",
  AVERAGE: "50 to under 65",
  WEAK: "under 50",
};

registerDescribedEnum(
  ClassificationScheme,
  "ClassificationScheme",
  "Which rule set a classification follows (căn cứ phân loại, đánh giá).",
  CLASSIFICATION_SCHEME_DESCRIPTION,
);
registerDescribedEnum(
  SizeClass,
  "SizeClass",
  "Size class (phân loại quy mô) under Law 17/2023/QH15 and Decree 113/2024/NĐ-CP, by official members and revenue or total capital, per field. " +
    "Only some of the decree's thresholds are known to the graph (agriculture: all four classes; industry–construction: large only; " +
    "trade, services and other fields: none); where they are not, the class is NOT_DETERMINED.",
  labelled(SIZE_CLASSES),
);
registerDescribedEnum(
  ItReadiness,
  "ItReadiness",
  "How far the organisation uses information technology (mức độ ứng dụng công nghệ thông tin).",
  IT_READINESS_LABEL,
);

export const AdminUnitKind = describedEnum("AdminUnitKind", "Kind of administrative unit (loại đơn vị hành chính).", {
  PROVINCE: "Tỉnh.",
  CITY: "Thành phố thuộc tỉnh (district level, until 2025-06-30).",
  TOWN: "Thị xã (district level, until 2025-06-30).",
  DISTRICT: "Huyện (district level, until 2025-06-30).",
  WARD: "Phường (commune level).",
  COMMUNE: "Xã (commune level).",
  TOWNSHIP: "Thị trấn (commune level, until 2025-06-30).",
});
export type AdminUnitKind = EnumValue<typeof AdminUnitKind>;

export const AdminUnitLevel = describedEnum("AdminUnitLevel", "Tier of local government (cấp hành chính).", {
  PROVINCE: "Cấp tỉnh.",
  DISTRICT: "Cấp huyện: abolished from 2025-07-01.",
  COMMUNE: "Cấp xã: phường, xã, thị trấn.",
});
export type AdminUnitLevel = EnumValue<typeof AdminUnitLevel>;

export const AdminUnitShare = describedEnum("AdminUnitShare", "How much of an earlier unit a later one took over (phạm vi kế thừa).", {
  WHOLE: "Toàn bộ: all of the earlier unit.",
  PART: "Một phần: the earlier unit was split and this is one part.",
});
export type AdminUnitShare = EnumValue<typeof AdminUnitShare>;

export function enumValues<T extends Record<string, string>>(e: T): string[] {
  return Object.values(e);
}

export const MembershipGroupBy = groupByEnum("MembershipGroupBy", "the membership statistics", {
  ADMIN_UNIT:
    "By administrative unit of the map `unitMap` names: districts for periods before 2025-07-01, communes after; records no unit can hold are the group with a null key.",
  SECTOR: "By sector.",
  RATING:
    "By the year's rating (Circular 01/2020). Years assessed after the circular's repeal (2025-09-18) have no national rating: their cooperatives are all in the group with a null key.",
  SIZE_CLASS:
    "By the year's size class (Decree 113/2024): NOT_DETERMINED where the decree's thresholds are not known; cooperatives with none recorded in the group with a null key.",
});
export type MembershipGroupBy = EnumValue<typeof MembershipGroupBy>;

/** The map a breakdown by unit follows: shared by every subgraph (core). */
export { UnitMap } from "@kttt/core";

export const OrganizationOrder = sortOrderEnum("OrganizationOrder", "organisation", "ESTABLISHED_ON", "Oldest first.", "Newest first.");
export type OrganizationOrder = EnumValue<typeof OrganizationOrder>;

export const MemberStatusFilter = describedEnum("MemberStatusFilter", "Which memberships to list.", {
  CURRENT: "Current members (đang là thành viên).",
  FORMER: "Former members (đã chấm dứt).",
  ALL: "Both.",
});
export type MemberStatusFilter = EnumValue<typeof MemberStatusFilter>;
