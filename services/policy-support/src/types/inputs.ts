import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { LocalDateScalar, MutationInput, VndScalar, IsAdminUnitCode, IsYearInRange } from "@kttt/core";
import { FundingSource, LegalDocumentType, OrganizationKind, PlanIndicator, PolicyKind } from "../domain/enums";

@InputType({ description: "Record a newly issued legal document (ban hành văn bản)." })
export class IssueLegalDocumentInput extends MutationInput {
  @Field({ description: "Official number and symbol, e.g. 113/2024/NĐ-CP; unique." })
  @Length(3, 100, { message: "number must be 3 to 100 characters." })
  number: string;

  @Field(() => LegalDocumentType, { description: "Kind of document." })
  type: LegalDocumentType;

  @Field({ description: "Title or summary of content (trích yếu)." })
  @Length(3, 500, { message: "title must be 3 to 500 characters." })
  title: string;

  @Field({ description: "Issuing body, e.g. Chính phủ." })
  @Length(2, 200, { message: "issuer must be 2 to 200 characters." })
  issuer: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of issue; not in the future." })
  issuedOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date it takes effect; not before the date of issue." })
  effectiveOn?: string;

  @Field(() => ID, { nullable: true, description: "The document this one replaces (thay thế), of the same kind." })
  supersedesId?: string;

  @Field({ nullable: true, description: "Remarks." })
  @IsOptional()
  @Length(0, 1000, { message: "note must be at most 1000 characters." })
  note?: string;
}

@InputType({ description: "Create a support policy (chính sách hỗ trợ) with its legal basis." })
export class CreateSupportPolicyInput extends MutationInput {
  @Field({ description: "Short code, capital letters, digits, - and _ (e.g. CS-NNL); unique." })
  @Matches(/^[A-Z0-9_-]{2,40}$/u, { message: "code must be 2 to 40 capital letters, digits, - or _ (e.g. CS-NNL)." })
  code: string;

  @Field({ description: "Name, with diacritics." })
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;

  @Field(() => PolicyKind, { description: "Kind of support." })
  kind: PolicyKind;

  @Field({ nullable: true, description: "What the support covers." })
  @IsOptional()
  @Length(0, 2000, { message: "description must be at most 2000 characters." })
  description?: string;

  @Field(() => [ID], { description: "Documents the policy rests on (căn cứ pháp lý), at least one, none superseded." })
  @ArrayMinSize(1, { message: "legalBasisIds needs at least one document: a policy rests on a legal basis." })
  @ArrayMaxSize(20, { message: "legalBasisIds takes at most 20 documents." })
  legalBasisIds: string[];

  @Field(() => [OrganizationKind], { description: "Legal forms that may benefit." })
  @ArrayMinSize(1, { message: "eligibleOrganizationKinds needs at least one legal form." })
  eligibleOrganizationKinds: OrganizationKind[];
}

@InputType({ description: "One budget line of a new programme (dự toán theo nguồn)." })
export class ProgrammeFundingInput {
  @Field(() => FundingSource, { description: "Where the money comes from; once per programme." })
  source: FundingSource;

  @Field(() => VndScalar, { description: "Planned amount, VND, above 0." })
  plannedAmount: bigint;
}

@InputType({ description: "Create a support programme (chương trình hỗ trợ): a policy carried out by an agency over a period, with its budget." })
export class CreateSupportProgrammeInput extends MutationInput {
  @Field({ description: "Short code, capital letters, digits, - and _ (e.g. CT-2025-SO-CT-XTTM); unique." })
  @Matches(/^[A-Z0-9_-]{2,60}$/u, { message: "code must be 2 to 60 capital letters, digits, - or _." })
  code: string;

  @Field({ description: "Name, with diacritics." })
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;

  @Field(() => ID, { description: "The policy carried out." })
  policyId: string;

  @Field(() => ID, { description: "The agency responsible; it must be responsible for the policy's kind of support." })
  agencyId: string;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "Last day; not before the first." })
  endsOn: string;

  @Field(() => [ProgrammeFundingInput], { description: "Budget by funding source, at least one line." })
  @ArrayMinSize(1, { message: "funding needs at least one budget line." })
  @ArrayMaxSize(5, { message: "funding has at most one line per source (5)." })
  @ValidateNested({ each: true })
  funding: ProgrammeFundingInput[];
}

@InputType({ description: "Record an organisation as a beneficiary of a programme (phê duyệt đối tượng thụ hưởng)." })
export class RecordBeneficiaryInput extends MutationInput {
  @Field(() => ID, { description: "The programme." })
  programmeId: string;

  @Field(() => ID, { description: "The organisation's id in the membership records." })
  organizationId: string;

  @Field(() => OrganizationKind, { description: "Its legal form; must be eligible under the policy." })
  organizationKind: OrganizationKind;

  @Field({
    description:
      "Code of the unit where it lies on the approval date, in force then: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444); for a district programme, in that district. A commune records where it lies since that day.",
  })
  @IsAdminUnitCode()
  adminUnitCode: string;

  @Field(() => FundingSource, { description: "The programme's budget line to charge." })
  fundingSource: FundingSource;

  @Field({ description: "What the organisation receives." })
  @Length(3, 500, { message: "support must be 3 to 500 characters." })
  support: string;

  @Field(() => VndScalar, { description: "Amount approved, VND, above 0 and within what is left of the budget line." })
  plannedAmount: bigint;

  @Field(() => LocalDateScalar, { description: "Date of approval, inside the programme's period and not in the future." })
  approvedOn: string;

  @Field(() => Int, { defaultValue: 0, description: "Managers trained (training programmes only)." })
  @Min(0, { message: "managersTrained cannot be negative." })
  @Max(100, { message: "managersTrained must be at most 100." })
  managersTrained: number;
}

@InputType({ description: "Record a payment to a beneficiary (giải ngân)." })
export class RecordDisbursementInput extends MutationInput {
  @Field(() => ID, { description: "The beneficiary (allocation) paid." })
  beneficiaryId: string;

  @Field(() => VndScalar, { description: "Amount paid, VND, above 0; the total paid may not exceed the approved amount without overrideReason." })
  amount: bigint;

  @Field(() => LocalDateScalar, { description: "Date of payment: on or after approval, inside the programme's period, not in the future." })
  disbursedOn: string;

  @Field({ nullable: true, description: "Only to pay more than approved: why (lý do giải ngân vượt), stored and shown with the payment." })
  @IsOptional()
  @Length(10, 500, { message: "overrideReason must be 10 to 500 characters: say why more than approved is paid." })
  overrideReason?: string;

  @Field({ nullable: true, description: "Remarks." })
  @IsOptional()
  @Length(0, 500, { message: "note must be at most 500 characters." })
  note?: string;
}

@InputType({ description: "A value of a plan indicator: `value` for counts and percentages, `amount` for money." })
export class IndicatorValueInput {
  @Field(() => PlanIndicator, { description: "The indicator." })
  indicator: PlanIndicator;

  @Field(() => Float, { nullable: true, description: "Count or percentage 0–100; for every indicator whose unit is not VND." })
  @IsOptional()
  @Min(0, { message: "value cannot be negative." })
  value?: number;

  @Field(() => VndScalar, { nullable: true, description: "Amount in VND; for money indicators only." })
  amount?: bigint;
}

@InputType({ description: "Record a year's collective-economy development plan with its targets (kế hoạch phát triển KTTT)." })
export class RecordDevelopmentPlanInput extends MutationInput {
  @Field(() => Int, { description: "Plan year." })
  @IsYearInRange()
  year: number;

  @Field(() => ID, { description: "The PLAN document that sets it out." })
  documentId: string;

  @Field({ description: "Title." })
  @Length(3, 500, { message: "title must be 3 to 500 characters." })
  title: string;

  @Field({ nullable: true, description: "Remarks." })
  @IsOptional()
  @Length(0, 1000, { message: "note must be at most 1000 characters." })
  note?: string;

  @Field(() => [IndicatorValueInput], { description: "Targets, one per indicator." })
  @ArrayMinSize(1, { message: "targets needs at least one indicator." })
  @ValidateNested({ each: true })
  targets: IndicatorValueInput[];
}

@InputType({ description: "Record (or correct) the results of a year's plan (kết quả thực hiện)." })
export class RecordPlanActualsInput extends MutationInput {
  @Field(() => Int, { description: "Plan year." })
  year: number;

  @Field(() => Int, { description: "The plan's version you read." })
  version: number;

  @Field(() => [IndicatorValueInput], { description: "Results, for indicators the plan targets." })
  @ArrayMinSize(1, { message: "actuals needs at least one indicator." })
  @ValidateNested({ each: true })
  actuals: IndicatorValueInput[];
}
