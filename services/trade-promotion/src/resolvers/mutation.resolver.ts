import { ALLIANCE, writeResolver } from "@kttt/core";
import type { TradePromotionContext } from "../context";
import { TradeEvent } from "../entities/event";
import { EcommerceListing, SupplyDemandLink } from "../entities/listing";
import { TradeParticipation } from "../entities/participation";
import { TradeParticipationImport } from "../services/participation-import";
import { TradeMutations } from "../services/trade-mutations";
import { ImportTradeParticipationsPayload, MAX_TRADE_IMPORT_ROWS, TradeParticipationImportRow } from "../types/import";
import {
  CreateTradeEventInput,
  RecordEcommerceListingInput,
  RecordSupplyDemandLinkInput,
  RegisterTradeParticipationInput,
  UpdateTradeEventInput,
  UpdateTradeParticipationInput,
} from "../types/inputs";

const INPUT = "What to record; see the input type.";
const writes = (ctx: TradePromotionContext) => new TradeMutations(ctx.dataSource, ctx.lookup);

export const TradePromotionMutationResolver = writeResolver<TradePromotionContext>("TradePromotionMutationResolver", [...ALLIANCE, "DEPARTMENT:SO_CT"], {
  createTradeEvent: {
    type: () => TradeEvent,
    input: CreateTradeEventInput,
    inputDescription: INPUT,
    description: "Record a trade-promotion event (tạo sự kiện xúc tiến thương mại).",
    run: (ctx, input: CreateTradeEventInput) => writes(ctx).createEvent(input),
  },
  updateTradeEvent: {
    type: () => TradeEvent,
    input: UpdateTradeEventInput,
    inputDescription: INPUT,
    description: "Change an event (cập nhật sự kiện); needs its version; its participations must stay inside its dates.",
    run: (ctx, input: UpdateTradeEventInput) => writes(ctx).updateEvent(input),
  },
  registerTradeParticipation: {
    type: () => TradeParticipation,
    input: RegisterTradeParticipationInput,
    inputDescription: INPUT,
    description:
      "Register an organisation's participation in an event (đăng ký tham gia); its OCOP products are checked with the ocop subgraph to belong to it.",
    run: (ctx, input: RegisterTradeParticipationInput) => writes(ctx).registerParticipation(input),
  },
  updateTradeParticipation: {
    type: () => TradeParticipation,
    input: UpdateTradeParticipationInput,
    inputDescription: INPUT,
    description: "Update a participation's products and results (cập nhật kết quả tham gia); needs its version.",
    run: (ctx, input: UpdateTradeParticipationInput) => writes(ctx).updateParticipation(input),
  },
  recordEcommerceListing: {
    type: () => EcommerceListing,
    input: RecordEcommerceListingInput,
    inputDescription: INPUT,
    description: "Record a product put on an e-commerce platform (đưa sản phẩm lên sàn TMĐT).",
    run: (ctx, input: RecordEcommerceListingInput) => writes(ctx).recordListing(input),
  },
  recordSupplyDemandLink: {
    type: () => SupplyDemandLink,
    input: RecordSupplyDemandLinkInput,
    inputDescription: INPUT,
    description: "Record a supply-demand link (ghi nhận kết nối cung cầu).",
    run: (ctx, input: RecordSupplyDemandLinkInput) => writes(ctx).recordLink(input),
  },
  importTradeParticipations: {
    type: () => ImportTradeParticipationsPayload,
    rows: TradeParticipationImportRow,
    description:
      `Import a list of participants in trade-promotion events (nhập danh sách tham gia xúc tiến thương mại từ tệp), up to ${MAX_TRADE_IMPORT_ROWS} ` +
      "rows in one transaction: each row is checked by the rules of registerTradeParticipation and updateTradeParticipation (participants asked " +
      "of membership in one batched look-up) and matched on its event and participant; the result says per row created, updated, unchanged or " +
      "invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
    run: (ctx, rows: TradeParticipationImportRow[], dryRun: boolean, skipInvalid: boolean) =>
      new TradeParticipationImport(ctx.dataSource, ctx.lookup).run(rows, dryRun, skipInvalid),
  },
});
