import { ArrayMaxSize, ArrayMinSize, IsOptional, Min, ValidateNested } from "class-validator";
import { Field, Float, InputType, ID } from "type-graphql";
import { AdminUnitCodeField, CodeInput, CountInput, MutationInput, OptionalTextInput, TextInput, FieldOf, YearInput } from "@kttt/core";
import { FundingSource, LegalDocumentType, OrganizationKind, PlanIndicator, PolicyKind } from "../domain/enums";

@InputType({ description: "Record a newly issued legal document (ban hành văn bản)." })
export class IssueLegalDocumentInput extends MutationInput {
  @TextInput(3, 100, "Official number and symbol, e.g. 113/2024/NĐ-CP; unique.")
  number: string;

  @FieldOf.of(LegalDocumentType, "Kind of document.")
  type: LegalDocumentType;

  @TextInput(3, 500, "Title or summary of content (trích yếu).")
  title: string;

  @TextInput(2, 200, "Issuing body, e.g. Chính phủ.")
  issuer: string;

  @FieldOf.date("Date of issue; not in the future.", { nullable: true })
  issuedOn?: string;

  @FieldOf.date("Date it takes effect; not before the date of issue.", { nullable: true })
  effectiveOn?: string;

  @FieldOf.id("The document this one replaces (thay thế), of the same kind.", { nullable: true })
  supersedesId?: string;

  @OptionalTextInput(0, 1000, "Remarks.")
  note?: string;
}

@InputType({ description: "Create a support policy (chính sách hỗ trợ) with its legal basis." })
export class CreateSupportPolicyInput extends MutationInput {
  @CodeInput(2, 40, "Short code, capital letters, digits, - and _ (e.g. CS-NNL); unique.", "CS-NNL")
  code: string;

  @TextInput(3, 300, "Name, with diacritics.")
  name: string;

  @FieldOf.of(PolicyKind, "Kind of support.")
  kind: PolicyKind;

  @OptionalTextInput(0, 2000, "What the support covers.")
  description?: string;

  @FieldOf.of([ID], "Documents the policy rests on (căn cứ pháp lý), at least one, none superseded.")
  @ArrayMinSize(1, { message: "legalBasisIds needs at least one document: a policy rests on a legal basis." })
  @ArrayMaxSize(20, { message: "legalBasisIds takes at most 20 documents." })
  legalBasisIds: string[];

  @Field(() => [OrganizationKind], { description: "Legal forms that may benefit." })
  @ArrayMinSize(1, { message: "eligibleOrganizationKinds needs at least one legal form." })
  eligibleOrganizationKinds: OrganizationKind[];
}

@InputType({ description: "One budget line of a new programme (dự toán theo nguồn)." })
export class ProgrammeFundingInput {
  @FieldOf.of(FundingSource, "Where the money comes from; once per programme.")
  source: FundingSource;

  @FieldOf.money("Planned amount, VND, above 0.")
  plannedAmount: bigint;
}

@InputType({ description: "Create a support programme (chương trình hỗ trợ): a policy carried out by an agency over a period, with its budget." })
export class CreateSupportProgrammeInput extends MutationInput {
  @CodeInput(2, 60, "Short code, capital letters, digits, - and _ (e.g. CT-2025-SO-CT-XTTM); unique.")
  code: string;

  @TextInput(3, 300, "Name, with diacritics.")
  name: string;

  @FieldOf.id("The policy carried out.")
  policyId: string;

  @FieldOf.id("The agency responsible; it must be responsible for the policy's kind of support.")
  agencyId: string;

  @FieldOf.date("First day.")
  startsOn: string;

  @FieldOf.date("Last day; not before the first.")
  endsOn: string;

  @Field(() => [ProgrammeFundingInput], { description: "Budget by funding source, at least one line." })
  @ArrayMinSize(1, { message: "funding needs at least one budget line." })
  @ArrayMaxSize(5, { message: "funding has at most one line per source (5)." })
  @ValidateNested({ each: true })
  funding: ProgrammeFundingInput[];
}

@InputType({ description: "Record an organisation as a beneficiary of a programme (phê duyệt đối tượng thụ hưởng)." })
export class RecordBeneficiaryInput extends MutationInput {
  @FieldOf.id("The programme.")
  programmeId: string;

  @FieldOf.id("The organisation's id in the membership records.")
  organizationId: string;

  @FieldOf.of(OrganizationKind, "Its legal form; must be eligible under the policy.")
  organizationKind: OrganizationKind;

  @AdminUnitCodeField(
    "Code of the unit where it lies on the approval date, in force then: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444); for a district programme, in that district. A commune records where it lies since that day.",
  )
  adminUnitCode: string;

  @FieldOf.of(FundingSource, "The programme's budget line to charge.")
  fundingSource: FundingSource;

  @TextInput(3, 500, "What the organisation receives.")
  support: string;

  @FieldOf.money("Amount approved, VND, above 0 and within what is left of the budget line.")
  plannedAmount: bigint;

  @FieldOf.date("Date of approval, inside the programme's period and not in the future.")
  approvedOn: string;

  @CountInput("Managers trained (training programmes only).", { max: 100, defaultValue: 0 })
  managersTrained: number;
}

@InputType({ description: "Record a payment to a beneficiary (giải ngân)." })
export class RecordDisbursementInput extends MutationInput {
  @FieldOf.id("The beneficiary (allocation) paid.")
  beneficiaryId: string;

  @FieldOf.money("Amount paid, VND, above 0; the total paid may not exceed the approved amount without overrideReason.")
  amount: bigint;

  @FieldOf.date("Date of payment: on or after approval, inside the programme's period, not in the future.")
  disbursedOn: string;

  @OptionalTextInput(10, 500, "Only to pay more than approved: why (lý do giải ngân vượt), stored and shown with the payment.", {
    message: "overrideReason must be 10 to 500 characters: say why more than approved is paid.",
  })
  overrideReason?: string;

  @OptionalTextInput(0, 500, "Remarks.")
  note?: string;
}

@InputType({ description: "A value of a plan indicator: `value` for counts and percentages, `amount` for money." })
export class IndicatorValueInput {
  @FieldOf.of(PlanIndicator, "The indicator.")
  indicator: PlanIndicator;

  @Field(() => Float, { nullable: true, description: "Count or percentage 0–100; for every indicator whose unit is not VND." })
  @IsOptional()
  @Min(0, { message: "value cannot be negative." })
  value?: number;

  @FieldOf.money("Amount in VND; for money indicators only.", { nullable: true })
  amount?: bigint;
}

@InputType({ description: "Record a year's collective-economy development plan with its targets (kế hoạch phát triển KTTT)." })
export class RecordDevelopmentPlanInput extends MutationInput {
  @YearInput("Plan year.")
  year: number;

  @FieldOf.id("The PLAN document that sets it out.")
  documentId: string;

  @TextInput(3, 500, "Title.")
  title: string;

  @OptionalTextInput(0, 1000, "Remarks.")
  note?: string;

  @Field(() => [IndicatorValueInput], { description: "Targets, one per indicator." })
  @ArrayMinSize(1, { message: "targets needs at least one indicator." })
  @ValidateNested({ each: true })
  targets: IndicatorValueInput[];
}

@InputType({ description: "Record (or correct) the results of a year's plan (kết quả thực hiện)." })
export class RecordPlanActualsInput extends MutationInput {
  @FieldOf.int("Plan year.")
  year: number;

  @FieldOf.int("The plan's version you read.")
  version: number;

  @Field(() => [IndicatorValueInput], { description: "Results, for indicators the plan targets." })
  @ArrayMinSize(1, { message: "actuals needs at least one indicator." })
  @ValidateNested({ each: true })
  actuals: IndicatorValueInput[];
}
