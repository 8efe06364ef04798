import { TradeEvent } from "./event";
import { EcommerceListing, SupplyDemandLink } from "./listing";
import { ParticipationProduct, TradeParticipation } from "./participation";

export { EcommerceListing, ParticipationProduct, SupplyDemandLink, TradeEvent, TradeParticipation };

export const entities = [EcommerceListing, ParticipationProduct, SupplyDemandLink, TradeEvent, TradeParticipation];
