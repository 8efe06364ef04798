import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { LocalDateScalar, MutationInput, VndScalar, IsAdminUnitCode, OptionalAdminUnitCodeField } from "@kttt/core";
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
  @Field({ description: "Name, with diacritics." })
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;

  @Field(() => TradeEventType, { description: "Kind of event." })
  type: TradeEventType;

  @Field(() => TradeEventFormat, { description: "In person, online or both." })
  format: TradeEventFormat;

  @Field(() => TradeEventScope, { description: "Reach." })
  scope: TradeEventScope;

  @Field({ description: "Who organises it." })
  @Length(2, 300, { message: "organiser must be 2 to 300 characters." })
  organiser: string;

  @Field({ description: "Where it is held, or the platform of an online event." })
  @Length(2, 300, { message: "place must be 2 to 300 characters." })
  place: string;

  @OptionalAdminUnitCodeField(
    "Unit of Hà Tĩnh where it is held, in force on its dates (a district before 2025-07-01, a commune since); omit outside the province, and for an online event.",
  )
  adminUnitCode?: string;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "Last day; not before the first." })
  endsOn: string;

  @Field(() => Int, { nullable: true, description: "Booths of the whole event, if known." })
  @IsOptional()
  @Min(0, { message: "boothCount cannot be negative." })
  @Max(100000, { message: "boothCount must be at most 100000." })
  boothCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "Budget, VND, not negative." })
  budget?: bigint;

  @Field(() => ID, { nullable: true, description: "The policy-support programme that funds it (a key of the policy-support subgraph)." })
  fundingProgrammeId?: string;

  @Field({ nullable: true, description: "Remarks and sources." })
  @IsOptional()
  @Length(0, 2000, { message: "note must be at most 2000 characters." })
  note?: string;
}

@InputType({ description: "Change an event (cập nhật sự kiện); omitted fields keep their values. Needs the version you read." })
export class UpdateTradeEventInput extends MutationInput {
  @Field(() => ID, { description: "The event." })
  id: string;

  @Field(() => Int, { description: "The event's version you read; a stale one is refused with CONFLICT." })
  version: number;

  @Field({ nullable: true, description: "New name." })
  @IsOptional()
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name?: string;

  @Field({ nullable: true, description: "New organiser." })
  @IsOptional()
  @Length(2, 300, { message: "organiser must be 2 to 300 characters." })
  organiser?: string;

  @Field({ nullable: true, description: "New place." })
  @IsOptional()
  @Length(2, 300, { message: "place must be 2 to 300 characters." })
  place?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "New first day; every participation must stay inside the dates." })
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "New last day; every participation must stay inside the dates." })
  endsOn?: string;

  @Field(() => Int, { nullable: true, description: "New booth count; not below the booths participants hold." })
  @IsOptional()
  @Min(0, { message: "boothCount cannot be negative." })
  @Max(100000, { message: "boothCount must be at most 100000." })
  boothCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "New budget, VND, not negative." })
  budget?: bigint;

  @Field(() => ID, { nullable: true, description: "New funding programme." })
  fundingProgrammeId?: string;

  @Field({ nullable: true, description: "New remarks." })
  @IsOptional()
  @Length(0, 2000, { message: "note must be at most 2000 characters." })
  note?: string;
}

@InputType({ description: "Register an organisation's participation in an event (đăng ký tham gia)." })
export class RegisterTradeParticipationInput extends MutationInput {
  @Field(() => ID, { description: "The event." })
  eventId: string;

  @Field(() => ParticipantInput, { description: "Who takes part; once per event." })
  @ValidateNested()
  participant: ParticipantInput;

  @Field({
    description:
      "Code of the unit where the participant lies on its first day there, in force on that day: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444). A commune records where the participant lies since that day.",
  })
  @IsAdminUnitCode()
  adminUnitCode: string;

  @Field(() => [ID], { defaultValue: [], description: "OCOP products it shows; each must belong to the participant, as the ocop subgraph says." })
  @ArrayMaxSize(50, { message: "productIds takes at most 50 products." })
  productIds: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: "First day it takes part; default the event's first day; inside the event." })
  attendedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day it takes part; default the event's last day; inside the event." })
  attendedTo?: string;

  @Field(() => Int, { defaultValue: 0, description: "Booths it has; all participants together within the event's booth count." })
  @Min(0, { message: "booths cannot be negative." })
  @Max(1000, { message: "booths must be at most 1000." })
  booths: number;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Sales at the event, VND, not negative." })
  salesAmount: bigint;

  @Field(() => Int, { defaultValue: 0, description: "Contracts signed." })
  @Min(0, { message: "contractCount cannot be negative." })
  contractCount: number;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Value of the contracts, VND, not negative; 0 without contracts." })
  contractValue: bigint;

  @Field(() => Int, { defaultValue: 0, description: "Memoranda of understanding signed." })
  @Min(0, { message: "mouCount cannot be negative." })
  mouCount: number;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Value the memoranda name, VND, not negative; 0 without memoranda." })
  mouValue: bigint;

  @Field({ nullable: true, description: "Remarks." })
  @IsOptional()
  @Length(0, 1000, { message: "note must be at most 1000 characters." })
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

  @Field(() => Int, { nullable: true, description: "Booths it has." })
  @IsOptional()
  @Min(0, { message: "booths cannot be negative." })
  @Max(1000, { message: "booths must be at most 1000." })
  booths?: number;

  @Field(() => VndScalar, { nullable: true, description: "Sales at the event, VND, not negative." })
  salesAmount?: bigint;

  @Field(() => Int, { nullable: true, description: "Contracts signed." })
  @IsOptional()
  @Min(0, { message: "contractCount cannot be negative." })
  contractCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "Value of the contracts, VND, not negative." })
  contractValue?: bigint;

  @Field(() => Int, { nullable: true, description: "Memoranda signed." })
  @IsOptional()
  @Min(0, { message: "mouCount cannot be negative." })
  mouCount?: number;

  @Field(() => VndScalar, { nullable: true, description: "Value the memoranda name, VND, not negative." })
  mouValue?: bigint;

  @Field({ nullable: true, description: "New remarks." })
  @IsOptional()
  @Length(0, 1000, { message: "note must be at most 1000 characters." })
  note?: string;
}

@InputType({ description: "Record a product put on an e-commerce platform (đưa sản phẩm lên sàn TMĐT)." })
export class RecordEcommerceListingInput extends MutationInput {
  @Field(() => ParticipantInput, { description: "The seller." })
  @ValidateNested()
  owner: ParticipantInput;

  @Field({
    description:
      "Code of the unit where the seller is registered, in force on the date: a commune (5 digits; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  })
  @IsAdminUnitCode()
  adminUnitCode: string;

  @Field(() => EcommercePlatform, { description: "The platform." })
  platform: EcommercePlatform;

  @Field(() => ID, { nullable: true, description: "The OCOP product listed; it must belong to the seller. Give productId, productName or both." })
  productId?: string;

  @Field({ nullable: true, description: "The product's name as listed; required for a product that is not OCOP-certified." })
  @IsOptional()
  @Length(2, 300, { message: "productName must be 2 to 300 characters." })
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
  @Field(() => ParticipantInput, { description: "The seller." })
  @ValidateNested()
  seller: ParticipantInput;

  @Field({
    description:
      "Code of the unit where the seller is registered, in force on the date: a commune (5 digits; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  })
  @IsAdminUnitCode()
  adminUnitCode: string;

  @Field({ description: "The buyer." })
  @Length(2, 300, { message: "buyer must be 2 to 300 characters." })
  buyer: string;

  @Field(() => ID, { nullable: true, description: "The OCOP product supplied; it must belong to the seller. Give productId, productName or both." })
  productId?: string;

  @Field({ nullable: true, description: "Name of the product; required for a product that is not OCOP-certified." })
  @IsOptional()
  @Length(2, 300, { message: "productName must be 2 to 300 characters." })
  productName?: string;

  @Field(() => Float, { description: "Volume agreed, above 0." })
  @Min(0.01, { message: "volume must be above 0." })
  volume: number;

  @Field({ description: "Unit of the volume, e.g. tấn." })
  @Length(1, 30, { message: "volumeUnit must be 1 to 30 characters." })
  volumeUnit: string;

  @Field(() => VndScalar, { description: "Value agreed, VND, not negative." })
  value: bigint;

  @Field(() => LocalDateScalar, { description: "Date agreed; not in the future; inside the event's dates when eventId is given." })
  agreedOn: string;

  @Field(() => ID, { nullable: true, description: "The event where it was agreed, if any." })
  eventId?: string;

  @Field({ nullable: true, description: "Remarks." })
  @IsOptional()
  @Length(0, 1000, { message: "note must be at most 1000 characters." })
  note?: string;
}
