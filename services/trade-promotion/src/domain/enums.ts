/**
 * The trade-promotion vocabulary: enums with their Vietnamese labels. Every enum the subgraph publishes is declared here, the breakdowns (`…GroupBy`) and sort orders (`…Order`) included.
 */
import { COLLECTIVE_KINDS, describedEnum, groupByEnum, labelledEnum, labelsOf, SORT_BY_NAME, type EnumValue } from "@kttt/core";

const EVENT_TYPES = {
  FAIR: ["Hội chợ", ": a fair with booths."],
  EXHIBITION: ["Triển lãm", ": an exhibition."],
  TRADE_CONFERENCE: ["Hội nghị xúc tiến thương mại", ": a trade-promotion conference."],
  SUPPLY_DEMAND_CONNECTION: ["Kết nối cung cầu", ": a meeting of sellers and buyers."],
  ONLINE_CAMPAIGN: ["Livestream, chiến dịch thương mại điện tử", ": a livestream or e-commerce sales campaign."],
} as const;
export const TradeEventType = labelledEnum("TradeEventType", "Kind of trade-promotion event (loại hoạt động xúc tiến thương mại).", EVENT_TYPES);
export type TradeEventType = EnumValue<typeof TradeEventType>;
export const EVENT_TYPE_LABEL: Record<TradeEventType, string> = labelsOf(EVENT_TYPES);

const FORMATS = {
  IN_PERSON: ["Trực tiếp", ": in person, at a place."],
  ONLINE: ["Trực tuyến", ": online only."],
  HYBRID: ["Kết hợp", ": in person and online."],
} as const;
export const TradeEventFormat = labelledEnum("TradeEventFormat", "How an event is held (hình thức tổ chức).", FORMATS);
export type TradeEventFormat = EnumValue<typeof TradeEventFormat>;
export const FORMAT_LABEL: Record<TradeEventFormat, string> = { ...labelsOf(FORMATS), HYBRID: "Kết hợp trực tiếp và trực tuyến" };

export const TradeEventScope = describedEnum("TradeEventScope", "Reach of an event (quy mô).", {
  PROVINCIAL: "Cấp tỉnh: the province.",
  REGIONAL: "Khu vực: a region, e.g. the North-Central provinces (Bắc Trung Bộ).",
  NATIONAL: "Toàn quốc: national.",
  INTERNATIONAL: "Quốc tế: international.",
});
export type TradeEventScope = EnumValue<typeof TradeEventScope>;

/** Who can take part: membership's organisations, or ocop's local owners (enterprises, households). */
export const TradeParticipantKind = labelledEnum("TradeParticipantKind", "Kind of participant or seller (loại chủ thể tham gia).", {
  ...COLLECTIVE_KINDS,
  OCOP_LOCAL_OWNER: ["An enterprise or household business that owns OCOP products (chủ thể OCOP)", ", kept by the ocop subgraph."],
});
export type TradeParticipantKind = EnumValue<typeof TradeParticipantKind>;

/** The `__typename` each kind is served as, and back: what the OCOP look-up reports for an owner. */
export const PARTICIPANT_TYPENAME: Record<TradeParticipantKind, string> = {
  COOPERATIVE: "Cooperative",
  COOPERATIVE_GROUP: "CooperativeGroup",
  COOPERATIVE_UNION: "CooperativeUnion",
  OCOP_LOCAL_OWNER: "OcopLocalOwner",
};

const PLATFORMS = {
  POSTMART: ["postmart.vn", ", the Vietnam Post marketplace."],
  VOSO: ["voso.vn", ", the Viettel marketplace."],
  VCAMART: ["VCAMart", ", the Vietnam Cooperative Alliance's marketplace."],
  SENDO: ["sendo.vn", "."],
  SHOPEE: ["Shopee", "."],
  LAZADA: ["Lazada", "."],
  TIKI: ["Tiki", "."],
  OTHER: ["Another platform or the owner's own shop (sàn khác)", "."],
} as const;
export const EcommercePlatform = labelledEnum("EcommercePlatform", "E-commerce platform (sàn thương mại điện tử).", PLATFORMS);
export type EcommercePlatform = EnumValue<typeof EcommercePlatform>;
/** The platforms' names in files and reports; "other" is worded short there. */
export const PLATFORM_LABEL: Record<EcommercePlatform, string> = { ...labelsOf(PLATFORMS), OTHER: "Sàn khác" };

export const TradePromotionGroupBy = groupByEnum("TradePromotionGroupBy", "trade-promotion statistics", {
  EVENT_TYPE: "By kind of event.",
  FORMAT: "By format (in person, online, hybrid).",
  ADMIN_UNIT:
    "By administrative unit of the map `unitMap` names (districts for periods before 2025-07-01, communes after): events by the unit where they are held, " +
    "participations by where the participant's commune lay, OCOP owners, listings and links by their unit; records no unit of the map can hold are the group with a null key.",
});
export type TradePromotionGroupBy = EnumValue<typeof TradePromotionGroupBy>;

export const TradeEventOrder = describedEnum("TradeEventOrder", "Sort order of event lists (thứ tự sắp xếp).", {
  STARTS_ON_DESC: "Latest first.",
  STARTS_ON_ASC: "Earliest first.",
  NAME_ASC: SORT_BY_NAME.NAME_ASC,
});
export type TradeEventOrder = EnumValue<typeof TradeEventOrder>;

/** The province's target share of OCOP owners selling on e-commerce platforms [S51]. */
export const ONLINE_SELLING_TARGET = 0.5;

/** Group key of events held outside the province or only online, which have no unit. */
export const NO_UNIT_KEY = "NONE";
