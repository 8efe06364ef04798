/** The trade-promotion vocabulary: enums with their Vietnamese labels. */
import { registerEnumType } from "type-graphql";

const describe = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { description: v }]));

export enum TradeEventType {
  FAIR = "FAIR",
  EXHIBITION = "EXHIBITION",
  TRADE_CONFERENCE = "TRADE_CONFERENCE",
  SUPPLY_DEMAND_CONNECTION = "SUPPLY_DEMAND_CONNECTION",
  ONLINE_CAMPAIGN = "ONLINE_CAMPAIGN",
}
export const EVENT_TYPE_LABEL: Record<TradeEventType, string> = {
  FAIR: "Hội chợ",
  EXHIBITION: "Triển lãm",
  TRADE_CONFERENCE: "Hội nghị xúc tiến thương mại",
  SUPPLY_DEMAND_CONNECTION: "Kết nối cung cầu",
  ONLINE_CAMPAIGN: "Livestream, chiến dịch thương mại điện tử",
};
registerEnumType(TradeEventType, {
  name: "TradeEventType",
  description: "Kind of trade-promotion event (loại hoạt động xúc tiến thương mại).",
  valuesConfig: describe({
    FAIR: "Hội chợ: a fair with booths.",
    EXHIBITION: "Triển lãm: an exhibition.",
    TRADE_CONFERENCE: "Hội nghị xúc tiến thương mại: a trade-promotion conference.",
    SUPPLY_DEMAND_CONNECTION: "Kết nối cung cầu: a meeting of sellers and buyers.",
    ONLINE_CAMPAIGN: "Livestream, chiến dịch thương mại điện tử: a livestream or e-commerce sales campaign.",
  }),
});

export enum TradeEventFormat {
  IN_PERSON = "IN_PERSON",
  ONLINE = "ONLINE",
  HYBRID = "HYBRID",
}
export const FORMAT_LABEL: Record<TradeEventFormat, string> = { IN_PERSON: "Trực tiếp", ONLINE: "Trực tuyến", HYBRID: "Kết hợp trực tiếp và trực tuyến" };
registerEnumType(TradeEventFormat, {
  name: "TradeEventFormat",
  description: "How an event is held (hình thức tổ chức).",
  valuesConfig: describe({ IN_PERSON: "Trực tiếp: in person, at a place.", ONLINE: "Trực tuyến: online only.", HYBRID: "Kết hợp: in person and online." }),
});

export enum TradeEventScope {
  PROVINCIAL = "PROVINCIAL",
  REGIONAL = "REGIONAL",
  NATIONAL = "NATIONAL",
  INTERNATIONAL = "INTERNATIONAL",
}
registerEnumType(TradeEventScope, {
  name: "TradeEventScope",
  description: "Reach of an event (quy mô).",
  valuesConfig: describe({
    PROVINCIAL: "Cấp tỉnh: the province.",
    REGIONAL: "Khu vực: a region, e.g. the North-Central provinces (Bắc Trung Bộ).",
    NATIONAL: "Toàn quốc: national.",
    INTERNATIONAL: "Quốc tế: international.",
  }),
});

/** Who can take part: membership's organisations, or ocop's local owners (enterprises, households). */
export enum TradeParticipantKind {
  COOPERATIVE = "COOPERATIVE",
  COOPERATIVE_GROUP = "COOPERATIVE_GROUP",
  COOPERATIVE_UNION = "COOPERATIVE_UNION",
  OCOP_LOCAL_OWNER = "OCOP_LOCAL_OWNER",
}
registerEnumType(TradeParticipantKind, {
  name: "TradeParticipantKind",
  description: "Kind of participant or seller (loại chủ thể tham gia).",
  valuesConfig: describe({
    COOPERATIVE: "Hợp tác xã (HTX), kept by the membership subgraph.",
    COOPERATIVE_GROUP: "Tổ hợp tác (THT), kept by the membership subgraph.",
    COOPERATIVE_UNION: "Liên hiệp hợp tác xã (LHHTX), kept by the membership subgraph.",
    OCOP_LOCAL_OWNER: "An enterprise or household business that owns OCOP products (chủ thể OCOP), kept by the ocop subgraph.",
  }),
});

/** The `__typename` each kind is served as, and back: what the OCOP look-up reports for an owner. */
export const PARTICIPANT_TYPENAME: Record<TradeParticipantKind, string> = {
  COOPERATIVE: "Cooperative",
  COOPERATIVE_GROUP: "CooperativeGroup",
  COOPERATIVE_UNION: "CooperativeUnion",
  OCOP_LOCAL_OWNER: "OcopLocalOwner",
};

export enum EcommercePlatform {
  POSTMART = "POSTMART",
  VOSO = "VOSO",
  VCAMART = "VCAMART",
  SENDO = "SENDO",
  SHOPEE = "SHOPEE",
  LAZADA = "LAZADA",
  TIKI = "TIKI",
  OTHER = "OTHER",
}
export const PLATFORM_LABEL: Record<EcommercePlatform, string> = {
  POSTMART: "postmart.vn",
  VOSO: "voso.vn",
  VCAMART: "VCAMart",
  SENDO: "sendo.vn",
  SHOPEE: "Shopee",
  LAZADA: "Lazada",
  TIKI: "Tiki",
  OTHER: "Sàn khác",
};
registerEnumType(EcommercePlatform, {
  name: "EcommercePlatform",
  description: "E-commerce platform (sàn thương mại điện tử).",
  valuesConfig: describe({
    POSTMART: "postmart.vn, the Vietnam Post marketplace.",
    VOSO: "voso.vn, the Viettel marketplace.",
    VCAMART: "VCAMart, the Vietnam Cooperative Alliance's marketplace.",
    SENDO: "sendo.vn.",
    SHOPEE: "Shopee.",
    LAZADA: "Lazada.",
    TIKI: "Tiki.",
    OTHER: "Another platform or the owner's own shop (sàn khác).",
  }),
});

export enum TradePromotionGroupBy {
  EVENT_TYPE = "EVENT_TYPE",
  FORMAT = "FORMAT",
  ADMIN_UNIT = "ADMIN_UNIT",
}
registerEnumType(TradePromotionGroupBy, {
  name: "TradePromotionGroupBy",
  description: "How to break trade-promotion statistics down (phân nhóm).",
  valuesConfig: describe({
    EVENT_TYPE: "By kind of event.",
    FORMAT: "By format (in person, online, hybrid).",
    ADMIN_UNIT:
      "By administrative unit of the map `unitMap` names (districts for periods before 2025-07-01, communes after): events by the unit where they are held, " +
      "participations by where the participant's commune lay, OCOP owners, listings and links by their unit; records no unit of the map can hold are the group with a null key.",
  }),
});

export enum TradeEventOrder {
  STARTS_ON_DESC = "STARTS_ON_DESC",
  STARTS_ON_ASC = "STARTS_ON_ASC",
  NAME_ASC = "NAME_ASC",
}
registerEnumType(TradeEventOrder, {
  name: "TradeEventOrder",
  description: "Sort order of event lists (thứ tự sắp xếp).",
  valuesConfig: describe({ STARTS_ON_DESC: "Latest first.", STARTS_ON_ASC: "Earliest first.", NAME_ASC: "By name, A to Z." }),
});

/** The province's target share of OCOP owners selling on e-commerce platforms [S51]. */
export const ONLINE_SELLING_TARGET = 0.5;

/** Group key of events held outside the province or only online, which have no unit. */
export const NO_UNIT_KEY = "NONE";
