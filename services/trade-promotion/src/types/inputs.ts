import { ArrayMaxSize, IsOptional, Matches, Min } from "class-validator";
import { Field, Float, InputType, ID } from "type-graphql";
import {
  AdminUnitCodeField,
  CountInput,
  MutationInput,
  NestedField,
  OptionalAdminUnitCodeField,
  OptionalCountInput,
  OptionalTextInput,
  TextInput,
  FieldOf,
} from "@kttt/core";
import { EcommercePlatform, TradeEventFormat, TradeEventScope, TradeEventType, TradeParticipantKind } from "../domain/enums";

@InputType({ description: "Who takes part or sells (chủ thể): a membership organisation or an OCOP local owner, by id." })
export class ParticipantInput {
  @FieldOf.of(TradeParticipantKind, "Kind of participant.")
  kind: TradeParticipantKind;

  @FieldOf.id("Its id in the membership records, or the OCOP local owner's id in the ocop subgraph.")
  id: string;
}

@InputType({ description: "Record a trade-promotion event (tạo sự kiện xúc tiến thương mại)." })
export class CreateTradeEventInput extends MutationInput {
  @TextInput(3, 300, "Name, with diacritics.")
  name: string;

  @FieldOf.of(TradeEventType, "Kind of event.")
  type: TradeEventType;

  @FieldOf.of(TradeEventFormat, "In person, online or both.")
  format: TradeEventFormat;

  @FieldOf.of(TradeEventScope, "Reach.")
  scope: TradeEventScope;

  @TextInput(2, 300, "Who organises it.")
  organiser: string;

  @TextInput(2, 300, "Where it is held, or the platform of an online event.")
  place: string;

  @OptionalAdminUnitCodeField(
    "Unit of Hà Tĩnh where it is held, in force on its dates (a district before 2025-07-01, a commune since); omit outside the province, and for an online event.",
  )
  adminUnitCode?: string;

  @FieldOf.date("First day.")
  startsOn: string;

  @FieldOf.date("Last day; not before the first.")
  endsOn: string;

  @OptionalCountInput("Booths of the whole event, if known.", { max: 100000 })
  boothCount?: number;

  @FieldOf.money("Budget, VND, not negative.", { nullable: true })
  budget?: bigint;

  @FieldOf.id("The policy-support programme that funds it (a key of the policy-support subgraph).", { nullable: true })
  fundingProgrammeId?: string;

  @OptionalTextInput(0, 2000, "Remarks and sources.")
  note?: string;
}

@InputType({ description: "Change an event (cập nhật sự kiện); omitted fields keep their values. Needs the version you read." })
export class UpdateTradeEventInput extends MutationInput {
  @FieldOf.id("The event.")
  id: string;

  @FieldOf.int("The event's version you read; a stale one is refused with CONFLICT.")
  version: number;

  @OptionalTextInput(3, 300, "New name.")
  name?: string;

  @OptionalTextInput(2, 300, "New organiser.")
  organiser?: string;

  @OptionalTextInput(2, 300, "New place.")
  place?: string;

  @FieldOf.date("New first day; every participation must stay inside the dates.", { nullable: true })
  startsOn?: string;

  @FieldOf.date("New last day; every participation must stay inside the dates.", { nullable: true })
  endsOn?: string;

  @OptionalCountInput("New booth count; not below the booths participants hold.", { max: 100000 })
  boothCount?: number;

  @FieldOf.money("New budget, VND, not negative.", { nullable: true })
  budget?: bigint;

  @FieldOf.id("New funding programme.", { nullable: true })
  fundingProgrammeId?: string;

  @OptionalTextInput(0, 2000, "New remarks.")
  note?: string;
}

@InputType({ description: "Register an organisation's participation in an event (đăng ký tham gia)." })
export class RegisterTradeParticipationInput extends MutationInput {
  @FieldOf.id("The event.")
  eventId: string;

  @NestedField(() => ParticipantInput, "Who takes part; once per event.")
  participant: ParticipantInput;

  @AdminUnitCodeField(
    "Code of the unit where the participant lies on its first day there, in force on that day: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444). A commune records where the participant lies since that day.",
  )
  adminUnitCode: string;

  @FieldOf.of([ID], "OCOP products it shows; each must belong to the participant, as the ocop subgraph says.", { defaultValue: [] })
  @ArrayMaxSize(50, { message: "productIds takes at most 50 products." })
  productIds: string[];

  @FieldOf.date("First day it takes part; default the event's first day; inside the event.", { nullable: true })
  attendedFrom?: string;

  @FieldOf.date("Last day it takes part; default the event's last day; inside the event.", { nullable: true })
  attendedTo?: string;

  @CountInput("Booths it has; all participants together within the event's booth count.", { max: 1000, defaultValue: 0 })
  booths: number;

  @FieldOf.money("Sales at the event, VND, not negative.", { defaultValue: 0n })
  salesAmount: bigint;

  @CountInput("Contracts signed.", { defaultValue: 0 })
  contractCount: number;

  @FieldOf.money("Value of the contracts, VND, not negative; 0 without contracts.", { defaultValue: 0n })
  contractValue: bigint;

  @CountInput("Memoranda of understanding signed.", { defaultValue: 0 })
  mouCount: number;

  @FieldOf.money("Value the memoranda name, VND, not negative; 0 without memoranda.", { defaultValue: 0n })
  mouValue: bigint;

  @OptionalTextInput(0, 1000, "Remarks.")
  note?: string;
}

@InputType({ description: "Update a participation's results (cập nhật kết quả tham gia); omitted fields keep their values. Needs the version you read." })
export class UpdateTradeParticipationInput extends MutationInput {
  @FieldOf.id("The participation.")
  id: string;

  @FieldOf.int("The participation's version you read; a stale one is refused with CONFLICT.")
  version: number;

  @FieldOf.of([ID], "The OCOP products it shows, replacing the list; each must belong to the participant.", { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: "productIds takes at most 50 products." })
  productIds?: string[];

  @FieldOf.date("First day it takes part; inside the event.", { nullable: true })
  attendedFrom?: string;

  @FieldOf.date("Last day it takes part; inside the event.", { nullable: true })
  attendedTo?: string;

  @OptionalCountInput("Booths it has.", { max: 1000 })
  booths?: number;

  @FieldOf.money("Sales at the event, VND, not negative.", { nullable: true })
  salesAmount?: bigint;

  @OptionalCountInput("Contracts signed.")
  contractCount?: number;

  @FieldOf.money("Value of the contracts, VND, not negative.", { nullable: true })
  contractValue?: bigint;

  @OptionalCountInput("Memoranda signed.")
  mouCount?: number;

  @FieldOf.money("Value the memoranda name, VND, not negative.", { nullable: true })
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

  @FieldOf.of(EcommercePlatform, "The platform.")
  platform: EcommercePlatform;

  @FieldOf.id("The OCOP product listed; it must belong to the seller. Give productId, productName or both.", { nullable: true })
  productId?: string;

  @OptionalTextInput(2, 300, "The product's name as listed; required for a product that is not OCOP-certified.")
  productName?: string;

  @FieldOf.text("Address of the listing, http(s)://…", { nullable: true })
  @IsOptional()
  @Matches(/^https?:\/\/\S{3,500}$/u, { message: "url must be an http(s) address." })
  url?: string;

  @FieldOf.date("Date it went on sale; not in the future.")
  listedOn: string;

  @FieldOf.date("Date it was taken off, if it was; not before listedOn.", { nullable: true })
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

  @FieldOf.id("The OCOP product supplied; it must belong to the seller. Give productId, productName or both.", { nullable: true })
  productId?: string;

  @OptionalTextInput(2, 300, "Name of the product; required for a product that is not OCOP-certified.")
  productName?: string;

  @Field(() => Float, { description: "Volume agreed, above 0." })
  @Min(0.01, { message: "volume must be above 0." })
  volume: number;

  @TextInput(1, 30, "Unit of the volume, e.g. tấn.")
  volumeUnit: string;

  @FieldOf.money("Value agreed, VND, not negative.")
  value: bigint;

  @FieldOf.date("Date agreed; not in the future; inside the event's dates when eventId is given.")
  agreedOn: string;

  @FieldOf.id("The event where it was agreed, if any.", { nullable: true })
  eventId?: string;

  @OptionalTextInput(0, 1000, "Remarks.")
  note?: string;
}
