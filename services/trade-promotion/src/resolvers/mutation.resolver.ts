import { ALLIANCE, importWrites, inputWrites, SEE_INPUT_TYPE, writeResolver } from "@kttt/core";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import { EcommerceListing, SupplyDemandLink } from "../entities/listing";
import { TradeParticipation } from "../entities/participation";
import { TradeParticipationImport } from "../services/participation-import";
import { TradeMutations } from "../services/trade-mutations";
import { ImportTradeParticipationsPayload, MAX_TRADE_IMPORT_ROWS, TradeParticipationImportRow } from "../types/import";
import * as inputs from "../types/inputs";

const write = inputWrites((ctx: TradePromotionContext) => new TradeMutations(ctx.dataSource, ctx.lookup), SEE_INPUT_TYPE);
const load = importWrites((ctx: TradePromotionContext) => new TradeParticipationImport(ctx.dataSource, ctx.lookup));

export const TradePromotionMutationResolver = writeResolver<TradePromotionContext>("TradePromotionMutationResolver", [...ALLIANCE, "DEPARTMENT:SO_CT"], {
  createTradeEvent: write(TradeEvent, inputs.CreateTradeEventInput, "createEvent", "Record a trade-promotion event (tạo sự kiện xúc tiến thương mại)."),
  updateTradeEvent: write(
    TradeEvent,
    inputs.UpdateTradeEventInput,
    "updateEvent",
    "Change an event (cập nhật sự kiện); needs its version; its participations must stay inside its dates.",
  ),
  registerTradeParticipation: write(
    TradeParticipation,
    inputs.RegisterTradeParticipationInput,
    "registerParticipation",
    "Register an organisation's participation in an event (đăng ký tham gia); its OCOP products are checked with the ocop subgraph to belong to it.",
  ),
  updateTradeParticipation: write(
    TradeParticipation,
    inputs.UpdateTradeParticipationInput,
    "updateParticipation",
    "Update a participation's products and results (cập nhật kết quả tham gia); needs its version.",
  ),
  recordEcommerceListing: write(
    EcommerceListing,
    inputs.RecordEcommerceListingInput,
    "recordListing",
    "Record a product put on an e-commerce platform (đưa sản phẩm lên sàn TMĐT).",
  ),
  recordSupplyDemandLink: write(SupplyDemandLink, inputs.RecordSupplyDemandLinkInput, "recordLink", "Record a supply-demand link (ghi nhận kết nối cung cầu)."),
  importTradeParticipations: load(
    ImportTradeParticipationsPayload,
    TradeParticipationImportRow,
    "run",
    `Import a list of participants in trade-promotion events (nhập danh sách tham gia xúc tiến thương mại từ tệp), up to ${MAX_TRADE_IMPORT_ROWS} ` +
      "rows in one transaction: each row is checked by the rules of registerTradeParticipation and updateTradeParticipation (participants asked " +
      "of membership in one batched look-up) and matched on its event and participant; the result says per row created, updated, unchanged or " +
      "invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
  ),
});
