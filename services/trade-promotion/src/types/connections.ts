import { ConnectionType } from "@kttt/core";
import { TradeEvent } from "../entities/event";
import { EcommerceListing, SupplyDemandLink } from "../entities/listing";
import { TradeParticipation } from "../entities/participation";

export const TradeEventConnection = ConnectionType(TradeEvent, "TradeEvent", "trade-promotion event (hoạt động xúc tiến thương mại)");
export const TradeParticipationConnection = ConnectionType(TradeParticipation, "TradeParticipation", "participation in an event (lượt tham gia)");
export const EcommerceListingConnection = ConnectionType(EcommerceListing, "EcommerceListing", "e-commerce listing (gian hàng trên sàn)");
export const SupplyDemandLinkConnection = ConnectionType(SupplyDemandLink, "SupplyDemandLink", "supply-demand link (kết nối cung cầu)");
