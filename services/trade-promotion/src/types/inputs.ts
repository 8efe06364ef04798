import { ArrayMaxSize, IsOptional, Matches, Min } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import {
  AdminUnitCodeField,
  CountInput,
  LocalDateScalar,
  MutationInput,
  NestedField,
  OptionalAdminUnitCodeField,
  OptionalCountInput,
  OptionalTextInput,
  TextInput,
  VndScalar,
} from "@kttt/core";
import { EcommercePlatform, TradeEventFormat, TradeEventScope, TradeEventType, TradeParticipantKind } from "../domain/enums";

@InputType({ description: "Who takes part or sells (chủ thể): a membership organisation or an OCOP local owner, by id." })
export class ParticipantInput {
  @Field(() => TradeParticipantKind, { description: "Kind of participant." })
  kind: TradeParticipantKind;

  @Field(() => ID, { description: "Its id in the membership records, or the OCOP local owner's id in the ocop subgraph." })
  id: string;
}

@InputType({ description: "Record a trade-promotion event (tạo sự kiện xúc tiến thương mại)." })
export class CreateTradeEventInput extends MutationInput {
  @TextInput(3, 300, "Name, with diacritics.")
  name: string;

  @Field(() => TradeEventType, { description: "Kind of event." })
  type: TradeEventType;

  @Field(() => TradeEventFormat, { description: "In person, online or both." })
  format: TradeEventFormat;

  @Field(() => TradeEventScope, { description: "Reach." })
  scope: TradeEventScope;

  @TextInput(2, 300, "Who organises it.")
  organiser: string;

  @TextInput(2, 300, "Where it is held, or the platform of an online event.")
  place: string;

  @OptionalAdminUnitCodeField(
    "Unit of Hà Tĩnh where it is held, in force on its dates (a district before 2025-07-01, a commune since); omit outside the province, and for an online event.",
  )
  adminUnitCode?: string;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "Last day; not before the first." })
  endsOn: string;

  @OptionalCountInput("Booths of the whole event, if known.", { max: 100000 })
  boothCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "Budget, VND, not negative." })
  budget?: bigint;

  @Field(() => ID, { nullable: true, description: "The policy-support programme that funds it (a key of the policy-support subgraph)." })
  fundingProgrammeId?: string;

  @OptionalTextInput(0, 2000, "Remarks and sources.")
  note?: string;
}

@InputType({ description: "Change an event (cập nhật sự kiện); omitted fields keep their values. Needs the version you read." })
export class UpdateTradeEventInput extends MutationInput {
  @Field(() => ID, { description: "The event." })
  id: string;

  @Field(() => Int, { description: "The event's version you read; a stale one is refused with CONFLICT." })
  version: number;

  @OptionalTextInput(3, 300, "New name.")
  name?: string;

  @OptionalTextInput(2, 300, "New organiser.")
  organiser?: string;

  @OptionalTextInput(2, 300, "New place.")
  place?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "New first day; every participation must stay inside the dates." })
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "New last day; every participation must stay inside the dates." })
  endsOn?: string;

  @OptionalCountInput("New booth count; not below the booths participants hold.", { max: 100000 })
  boothCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "New budget, VND, not negative." })
  budget?: bigint;

  @Field(() => ID, { nullable: true, description: "New funding programme." })
  fundingProgrammeId?: string;

  @OptionalTextInput(0, 2000, "New remarks.")
  note?: string;
}

@InputType({ description: "Register an organisation's participation in an event (đăng ký tham gia)." })
export class RegisterTradeParticipationInput extends MutationInput {
  @Field(() => ID, { description: "The event." })
  eventId: string;

  @NestedField(() => ParticipantInput, "Who takes part; once per event.")
  participant: ParticipantInput;

  @AdminUnitCodeField(
    "Code of the unit where the participant lies on its first day there, in force on that day: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444). A commune records where the participant lies since that day.",
  )
  adminUnitCode: string;

  @Field(() => [ID], { defaultValue: [], description: "OCOP products it shows; each must belong to the participant, as the ocop subgraph says." })
  @ArrayMaxSize(50, { message: "productIds takes at most 50 products." })
  productIds: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: "First day it takes part; default the event's first day; inside the event." })
  attendedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day it takes part; default the event's last day; inside the event." })
  attendedTo?: string;

  @CountInput("Booths it has; all participants together within the event's booth count.", { max: 1000, defaultValue: 0 })
  booths: number;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Sales at the event, VND, not negative." })
  salesAmount: bigint;

  @CountInput("Contracts signed.", { defaultValue: 0 })
  contractCount: number;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Value of the contracts, VND, not negative; 0 without contracts." })
  contractValue: bigint;

  @CountInput("Memoranda of understanding signed.", { defaultValue: 0 })
  mouCount: number;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Value the memoranda name, VND, not negative; 0 without memoranda." })
  mouValue: bigint;

  @OptionalTextInput(0, 1000, "Remarks.")
  note?: string;
}

@InputType({ description: "Update a participation's results (cập nhật kết quả tham gia); omitted fields keep their values. Needs the version you read." })
export class UpdateTradeParticipationInput extends MutationInput {
  @Field(() => ID, { description: "The participation." })
  id: string;

  @Field(() => Int, { description: "The participation's version you read; a stale one is refused with CONFLICT." })
  version: number;

  @Field(() => [ID], { nullable: true, description: "The OCOP products it shows, replacing the list; each must belong to the participant." })
  @IsOptional()
  @ArrayMaxSize(50, { message: "productIds takes at most 50 products." })
  productIds?: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: "First day it takes part; inside the event." })
  attendedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day it takes part; inside the event." })
  attendedTo?: string;

  @OptionalCountInput("Booths it has.", { max: 1000 })
  booths?: number;

  @Field(() => VndScalar, { nullable: true, description: "Sales at the event, VND, not negative." })
  salesAmount?: bigint;

  @OptionalCountInput("Contracts signed.")
  contractCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "Value of the contracts, VND, not negative." })
  contractValue?: bigint;

  @OptionalCountInput("Memoranda signed.")
  mouCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "Value the memoranda name, VND, not negative." })
  mouValue?: bigint;

  @OptionalTextInput(0, 1000, "New remarks.")
  note?: string;
}

@InputType({ description: "Record a product put on an e-commerce platform (đưa sản phẩm lên sàn TMĐT)." })
export class RecordEcommerceListingInput extends MutationInput {
  @NestedField(() => ParticipantInput, "The seller.")
  owner: ParticipantInput;

  @AdminUnitCodeField(
    "Code of the unit where the seller is registered, in force on the date: a commune (5 digits; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  )
  adminUnitCode: string;

  @Field(() => EcommercePlatform, { description: "The platform." })
  platform: EcommercePlatform;

  @Field(() => ID, { nullable: true, description: "The OCOP product listed; it must belong to the seller. Give productId, productName or both." })
  productId?: string;

  @OptionalTextInput(2, 300, "The product's name as listed; required for a product that is not OCOP-certified.")
  productName?: string;

  @Field({ nullable: true, description: "Address of the listing, http(s)://…" })
  @IsOptional()
  @Matches(/^https?:\/\/\S{3,500}$/u, { message: "url must be an http(s) address." })
  url?: string;

  @Field(() => LocalDateScalar, { description: "Date it went on sale; not in the future." })
  listedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date it was taken off, if it was; not before listedOn." })
  delistedOn?: string;
}

@InputType({ description: "Record a supply-demand link (ghi nhận kết nối cung cầu)." })
export class RecordSupplyDemandLinkInput extends MutationInput {
  @NestedField(() => ParticipantInput, "The seller.")
  seller: ParticipantInput;

  @AdminUnitCodeField(
    "Code of the unit where the seller is registered, in force on the date: a commune (5 digits; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  )
  adminUnitCode: string;

  @TextInput(2, 300, "The buyer.")
  buyer: string;

  @Field(() => ID, { nullable: true, description: "The OCOP product supplied; it must belong to the seller. Give productId, productName or both." })
  productId?: string;

  @OptionalTextInput(2, 300, "Name of the product; required for a product that is not OCOP-certified.")
  productName?: string;

  @Field(() => Float, { description: "Volume agreed, above 0." })
  @Min(0.01, { message: "volume must be above 0." })
  volume: number;

  @TextInput(1, 30, "Unit of the volume, e.g. tấn.")
  volumeUnit: string;

  @Field(() => VndScalar, { description: "Value agreed, VND, not negative." })
  value: bigint;

  @Field(() => LocalDateScalar, { description: "Date agreed; not in the future; inside the event's dates when eventId is given." })
  agreedOn: string;

  @Field(() => ID, { nullable: true, description: "The event where it was agreed, if any." })
  eventId?: string;

  @OptionalTextInput(0, 1000, "Remarks.")
  note?: string;
}
