import { ALLIANCE, ImportArg } from "@kttt/core";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
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

const INPUT = { description: "What to record; see the input type." };
const writes = (ctx: TradePromotionContext) => new TradeMutations(ctx.dataSource, ctx.lookup);

@Resolver()
export class TradePromotionMutationResolver {
  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => TradeEvent, { description: "Record a trade-promotion event (tạo sự kiện xúc tiến thương mại)." })
  createTradeEvent(@Arg("input", INPUT) input: CreateTradeEventInput, @Ctx() ctx: TradePromotionContext): Promise<TradeEvent> {
    return writes(ctx).createEvent(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => TradeEvent, { description: "Change an event (cập nhật sự kiện); needs its version; its participations must stay inside its dates." })
  updateTradeEvent(@Arg("input", INPUT) input: UpdateTradeEventInput, @Ctx() ctx: TradePromotionContext): Promise<TradeEvent> {
    return writes(ctx).updateEvent(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => TradeParticipation, {
    description:
      "Register an organisation's participation in an event (đăng ký tham gia); its OCOP products are checked with the ocop subgraph to belong to it.",
  })
  registerTradeParticipation(@Arg("input", INPUT) input: RegisterTradeParticipationInput, @Ctx() ctx: TradePromotionContext): Promise<TradeParticipation> {
    return writes(ctx).registerParticipation(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => TradeParticipation, { description: "Update a participation's products and results (cập nhật kết quả tham gia); needs its version." })
  updateTradeParticipation(@Arg("input", INPUT) input: UpdateTradeParticipationInput, @Ctx() ctx: TradePromotionContext): Promise<TradeParticipation> {
    return writes(ctx).updateParticipation(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => EcommerceListing, { description: "Record a product put on an e-commerce platform (đưa sản phẩm lên sàn TMĐT)." })
  recordEcommerceListing(@Arg("input", INPUT) input: RecordEcommerceListingInput, @Ctx() ctx: TradePromotionContext): Promise<EcommerceListing> {
    return writes(ctx).recordListing(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => SupplyDemandLink, { description: "Record a supply-demand link (ghi nhận kết nối cung cầu)." })
  recordSupplyDemandLink(@Arg("input", INPUT) input: RecordSupplyDemandLinkInput, @Ctx() ctx: TradePromotionContext): Promise<SupplyDemandLink> {
    return writes(ctx).recordLink(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_CT")
  @Mutation(() => ImportTradeParticipationsPayload, {
    description:
      `Import a list of participants in trade-promotion events (nhập danh sách tham gia xúc tiến thương mại từ tệp), up to ${MAX_TRADE_IMPORT_ROWS} ` +
      "rows in one transaction: each row is checked by the rules of registerTradeParticipation and updateTradeParticipation (participants asked " +
      "of membership in one batched look-up) and matched on its event and participant; the result says per row created, updated, unchanged or " +
      "invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
  })
  importTradeParticipations(
    @ImportArg.rows(() => [TradeParticipationImportRow]) rows: TradeParticipationImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: TradePromotionContext,
  ): Promise<ImportTradeParticipationsPayload> {
    return new TradeParticipationImport(ctx.dataSource, ctx.lookup).run(rows, dryRun, skipInvalid);
  }
}
