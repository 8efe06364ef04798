/**
 * The membership vocabulary as plain values and Vietnamese labels, without GraphQL: the membership subgraph
 * registers these enums in its schema (domain/enums.ts), and the spreadsheet engine reads and writes the
 * same labels in files, so a label changes in one place for both.
 */
import { OrganizationKind } from "@kttt/core";

export const KIND_LABEL: Record<OrganizationKind, string> = {
  COOPERATIVE: "Hợp tác xã",
  COOPERATIVE_UNION: "Liên hiệp hợp tác xã",
  COOPERATIVE_GROUP: "Tổ hợp tác",
};

export enum OrganizationStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  DISSOLVED = "DISSOLVED",
}

export enum Sector {
  AGRICULTURE = "AGRICULTURE",
  INDUSTRY_HANDICRAFT = "INDUSTRY_HANDICRAFT",
  TRADE_SERVICES = "TRADE_SERVICES",
  CONSTRUCTION = "CONSTRUCTION",
  TRANSPORT = "TRANSPORT",
  ENVIRONMENT = "ENVIRONMENT",
  PEOPLES_CREDIT_FUND = "PEOPLES_CREDIT_FUND",
}
/** The sector names exactly as Hà Tĩnh reports them. */
export const SECTOR_LABEL: Record<Sector, string> = {
  AGRICULTURE: "Nông, lâm, ngư, diêm nghiệp",
  INDUSTRY_HANDICRAFT: "Công nghiệp - tiểu thủ công nghiệp, điện",
  TRADE_SERVICES: "Thương mại, dịch vụ tổng hợp, quản lý chợ, dịch vụ khác",
  CONSTRUCTION: "Xây dựng",
  TRANSPORT: "Vận tải",
  ENVIRONMENT: "Môi trường",
  PEOPLES_CREDIT_FUND: "Quỹ tín dụng nhân dân",
};

export enum MemberKind {
  INDIVIDUAL = "INDIVIDUAL",
  HOUSEHOLD = "HOUSEHOLD",
  LEGAL_ENTITY = "LEGAL_ENTITY",
}

export enum MembershipType {
  OFFICIAL = "OFFICIAL",
  ASSOCIATE_WITH_CAPITAL = "ASSOCIATE_WITH_CAPITAL",
  ASSOCIATE_WITHOUT_CAPITAL = "ASSOCIATE_WITHOUT_CAPITAL",
}

export enum ItReadiness {
  NONE = "NONE",
  BASIC = "BASIC",
  SOFTWARE = "SOFTWARE",
  ONLINE = "ONLINE",
}
export const IT_READINESS_LABEL: Record<ItReadiness, string> = {
  NONE: "Chưa ứng dụng công nghệ thông tin",
  BASIC: "Có máy tính, thư điện tử",
  SOFTWARE: "Dùng phần mềm kế toán, quản lý",
  ONLINE: "Có trang web hoặc bán hàng trực tuyến",
};

export enum Rating {
  GOOD = "GOOD",
  FAIR = "FAIR",
  AVERAGE = "AVERAGE",
  WEAK = "WEAK",
  NOT_RATED = "NOT_RATED",
}
export const RATING_LABEL: Record<Rating, string> = {
  GOOD: "Tốt",
  FAIR: "Khá",
  AVERAGE: "Trung bình",
  WEAK: "Yếu",
  NOT_RATED: "Chưa xếp loại",
};

export enum ClassificationScheme {
  CIRCULAR_01_2020 = "CIRCULAR_01_2020",
  DECREE_113_2024 = "DECREE_113_2024",
  ALLIANCE = "ALLIANCE",
}

export enum SizeClass {
  MICRO = "MICRO",
  SMALL = "SMALL",
  MEDIUM = "MEDIUM",
  LARGE = "LARGE",
  NOT_DETERMINED = "NOT_DETERMINED",
}
export const SIZE_CLASS_LABEL: Record<SizeClass, string> = {
  MICRO: "Siêu nhỏ",
  SMALL: "Nhỏ",
  MEDIUM: "Vừa",
  LARGE: "Lớn",
  NOT_DETERMINED: "Chưa xác định",
};
