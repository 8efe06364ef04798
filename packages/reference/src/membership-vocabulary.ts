/**
 * The membership vocabulary as plain values and Vietnamese labels, without GraphQL: the membership subgraph
 * registers these enums in its schema (domain/enums.ts), and the spreadsheet engine reads and writes the
 * same labels in files, so a label changes in one place for both.
 */
import { enumOf, labelsOf, ORGANIZATION_KIND_LABEL, type OrganizationKind, type EnumValue } from "@kttt/core";

/** Each legal form's Vietnamese name (core declares the forms). */
export const KIND_LABEL: Readonly<Record<OrganizationKind, string>> = ORGANIZATION_KIND_LABEL;

/** Descriptions of the values (the subgraph's schema), in schema order. */
export const ORGANIZATION_STATUS_DESCRIPTION = {
  ACTIVE: "Đang hoạt động: operating.",
  SUSPENDED: "Tạm ngừng hoạt động: temporarily stopped.",
  DISSOLVED: "Đã giải thể: dissolved; kept for history.",
} as const;
export const OrganizationStatus = enumOf(ORGANIZATION_STATUS_DESCRIPTION);
export type OrganizationStatus = EnumValue<typeof OrganizationStatus>;

/** The sector names exactly as Hà Tĩnh reports them. */
export const SECTOR_LABEL = {
  AGRICULTURE: "Nông, lâm, ngư, diêm nghiệp",
  INDUSTRY_HANDICRAFT: "Công nghiệp - tiểu thủ công nghiệp, điện",
  TRADE_SERVICES: "Thương mại, dịch vụ tổng hợp, quản lý chợ, dịch vụ khác",
  CONSTRUCTION: "Xây dựng",
  TRANSPORT: "Vận tải",
  ENVIRONMENT: "Môi trường",
  PEOPLES_CREDIT_FUND: "Quỹ tín dụng nhân dân",
} as const;
export const Sector = enumOf(SECTOR_LABEL);
export type Sector = EnumValue<typeof Sector>;

export const MEMBER_KIND_DESCRIPTION = {
  INDIVIDUAL: "Cá nhân: a person.",
  HOUSEHOLD: "Hộ gia đình: a household, represented by one person.",
  LEGAL_ENTITY: "Pháp nhân: an organisation, e.g. a cooperative member of a union.",
} as const;
export const MemberKind = enumOf(MEMBER_KIND_DESCRIPTION);
export type MemberKind = EnumValue<typeof MemberKind>;

export const MEMBERSHIP_TYPE_DESCRIPTION = {
  OFFICIAL: "Thành viên chính thức: contributes capital and uses services and/or labour.",
  ASSOCIATE_WITH_CAPITAL: "Thành viên liên kết góp vốn: associate member contributing capital.",
  ASSOCIATE_WITHOUT_CAPITAL: "Thành viên liên kết không góp vốn: associate member without capital.",
} as const;
export const MembershipType = enumOf(MEMBERSHIP_TYPE_DESCRIPTION);
export type MembershipType = EnumValue<typeof MembershipType>;

export const IT_READINESS_LABEL = {
  NONE: "Chưa ứng dụng công nghệ thông tin",
  BASIC: "Có máy tính, thư điện tử",
  SOFTWARE: "Dùng phần mềm kế toán, quản lý",
  ONLINE: "Có trang web hoặc bán hàng trực tuyến",
} as const;
export const ItReadiness = enumOf(IT_READINESS_LABEL);
export type ItReadiness = EnumValue<typeof ItReadiness>;

/** Each rating's label and what its description adds: the score band of Circular 01/2020/TT-BKHĐT. */
export const RATINGS = {
  GOOD: ["Tốt", ": 80–100 points."],
  FAIR: ["Khá", ": 65 to under 80 points."],
  AVERAGE: ["Trung bình", ": 50 to under 65 points."],
  WEAK: ["Yếu", ": under 50 points."],
  NOT_RATED: ["Chưa xếp loại", ": operating under 12 months, or stopped over 3 months in the year."],
} as const;
export const Rating = enumOf(RATINGS);
export type Rating = EnumValue<typeof Rating>;
export const RATING_LABEL: Record<Rating, string> = labelsOf(RATINGS);

export const CLASSIFICATION_SCHEME_DESCRIPTION = {
  CIRCULAR_01_2020:
    "Thông tư 01/2020/TT-BKHĐT: performance rating by score (Tốt/Khá/Trung bình/Yếu), for assessments dated before 2025-09-18, " +
    "when Thông tư 78/2025/TT-BTC repealed it; Hà Tĩnh's reports up to then use it.",
  DECREE_113_2024:
    "Nghị định 113/2024/NĐ-CP under Law 17/2023/QH15 (in force 2024-11-01): size class by official members and revenue or total capital; no rating.",
  ALLIANCE:
    "A scheme the provincial Cooperative Alliance names (bộ tiêu chí do Liên minh HTX tỉnh áp dụng), e.g. for assessments after 2025-09-18: " +
    "no national rating; the scheme's name and its grade as the Alliance words them.",
} as const;
export const ClassificationScheme = enumOf(CLASSIFICATION_SCHEME_DESCRIPTION);
export type ClassificationScheme = EnumValue<typeof ClassificationScheme>;

export const SIZE_CLASSES = {
  MICRO: ["Siêu nhỏ", "."],
  SMALL: ["Nhỏ", "."],
  MEDIUM: ["Vừa", "."],
  LARGE: ["Lớn", "."],
  NOT_DETERMINED: [
    "Chưa xác định",
    ": the decree's thresholds for the organisation's field are not known to the graph, or a figure they need " +
      "(total capital, tổng nguồn vốn, is not recorded) is missing. Not a class of the decree.",
  ],
} as const;
export const SizeClass = enumOf(SIZE_CLASSES);
export type SizeClass = EnumValue<typeof SizeClass>;
export const SIZE_CLASS_LABEL: Record<SizeClass, string> = labelsOf(SIZE_CLASSES);
