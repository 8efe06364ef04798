import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Idempotent, LocalDateScalar, MutationInput, VndScalar, IsAdminUnitCode, IsYearInRange, OptionalAdminUnitCodeField } from "@kttt/core";
import {
  ClassificationScheme,
  ItReadiness,
  MemberKind,
  MembershipType,
  OrganizationKind,
  OrganizationStatus,
  Rating,
  Sector,
  SizeClass,
} from "../domain/enums";

const REGISTRATION_NUMBER = /^[0-9]{10}(-[0-9]{3})?$/u;

@InputType({ description: "A member to add (thành viên mới)." })
export class NewMemberInput {
  @Field(() => MemberKind, { description: "Person, household or legal entity." })
  kind: MemberKind;

  @Field(() => MembershipType, { description: "Official or associate member." })
  membershipType: MembershipType;

  @Field({ description: "Name of the person, household head or body." })
  @Length(2, 300, { message: "fullName must be 2 to 300 characters." })
  fullName: string;

  @Field(() => ID, { nullable: true, description: "For a cooperative joining a union: the cooperative's id." })
  @IsOptional()
  memberOrganizationId?: string;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Capital contributed (vốn góp), VND; 0 for associates without capital." })
  capitalContributed: bigint;

  @Field(() => LocalDateScalar, { description: "Date the membership begins (ngày gia nhập)." })
  joinedOn: string;
}

@InputType({ description: "Register a new cooperative, union or group (đăng ký tổ chức) with its founding members." })
export class RegisterOrganizationInput extends MutationInput {
  @Field(() => OrganizationKind, { description: "Legal form." })
  kind: OrganizationKind;

  @Field({ description: "Registered name, with diacritics." })
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;

  @Field({
    nullable: true,
    description: "Registration number (10 digits, optionally -3 digits for a branch); required for cooperatives and unions, none for groups.",
  })
  @IsOptional()
  @Matches(REGISTRATION_NUMBER, { message: "registrationNumber must be 10 digits, optionally followed by -and 3 digits (e.g. 3001234567)." })
  registrationNumber?: string;

  @Field({
    description:
      "Code of the unit where it is registered, in force on `establishedOn`: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  })
  @IsAdminUnitCode()
  adminUnitCode: string;

  @Field(() => Sector, { description: "Field of activity." })
  sector: Sector;

  @Field(() => LocalDateScalar, { description: "Date of establishment or registration." })
  establishedOn: string;

  @Field(() => OrganizationStatus, {
    defaultValue: OrganizationStatus.ACTIVE,
    description: "ACTIVE (needs the legal minimum of official members) or SUSPENDED.",
  })
  status: OrganizationStatus;

  @Field({ nullable: true, description: "Head-office address." })
  @IsOptional()
  @Length(0, 500)
  address?: string;

  @Field({ nullable: true, description: "Legal representative or group leader." })
  @IsOptional()
  @Length(2, 200, { message: "representative must be 2 to 200 characters." })
  representative?: string;

  @Field(() => [NewMemberInput], { defaultValue: [], description: "Founding members (thành viên sáng lập)." })
  @ValidateNested({ each: true })
  @ArrayMaxSize(2000)
  members: NewMemberInput[];
}

@InputType({ description: "Change an organisation's registered details (cập nhật thông tin). Omitted fields stay as they are." })
export class UpdateOrganizationInput extends MutationInput {
  @Field(() => ID, { description: "The organisation." })
  id: string;

  @Field(() => Int, { description: "The version you read; the update is refused if someone changed it since." })
  version: number;

  @Field({ nullable: true, description: "New name." })
  @IsOptional()
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name?: string;

  @Field({ nullable: true, description: "New registration number." })
  @IsOptional()
  @Matches(REGISTRATION_NUMBER, { message: "registrationNumber must be 10 digits, optionally followed by -and 3 digits (e.g. 3001234567)." })
  registrationNumber?: string;

  @OptionalAdminUnitCodeField("The unit it lies in from today: a commune code in force today (5 digits, e.g. 18202).")
  adminUnitCode?: string;

  @Field(() => Sector, { nullable: true, description: "New sector." })
  sector?: Sector;

  @Field(() => OrganizationStatus, { nullable: true, description: "ACTIVE or SUSPENDED (dissolve with dissolveOrganization)." })
  status?: OrganizationStatus;

  @Field({ nullable: true, description: "New address." })
  @IsOptional()
  @Length(0, 500)
  address?: string;

  @Field({ nullable: true, description: "New representative." })
  @IsOptional()
  @Length(2, 200, { message: "representative must be 2 to 200 characters." })
  representative?: string;
}

@InputType({ description: "Record (or, with its version, correct) an organisation's figures for a year (ghi nhận báo cáo năm)." })
export class RecordFinancialReportInput extends MutationInput {
  @Field(() => ID, { description: "The organisation." })
  organizationId: string;

  @Field(() => Int, { description: "Reporting year." })
  @IsYearInRange()
  year: number;

  @Field(() => VndScalar, { description: "Charter capital, VND (not negative)." })
  charterCapital: bigint;

  @Field(() => VndScalar, { description: "Revenue, VND (not negative)." })
  revenue: bigint;

  @Field(() => VndScalar, { description: "Profit, VND (negative for a loss; not above revenue)." })
  profit: bigint;

  @Field(() => Int, { description: "Regular workers." })
  @Min(0, { message: "regularWorkers cannot be negative." })
  @Max(100000)
  regularWorkers: number;

  @Field(() => VndScalar, { description: "Average monthly income of a regular worker, VND." })
  averageMonthlyIncome: bigint;

  @Field(() => Int, { description: "Managers." })
  @Min(0, { message: "managersTotal cannot be negative." })
  @Max(1000)
  managersTotal: number;

  @Field(() => Int, { description: "Managers with professional training." })
  @Min(0, { message: "managersTrained cannot be negative." })
  @Max(1000)
  managersTrained: number;

  @Field(() => ItReadiness, { description: "Use of information technology." })
  itReadiness: ItReadiness;

  @Field(() => Int, { nullable: true, description: "The version you read, to correct a report already recorded; omit for a new one." })
  version?: number;
}

@InputType({
  description:
    "Record (or, with its version, correct) a year's classification (ghi nhận kết quả phân loại, đánh giá). The assessment date decides the rule set: " +
    "Circular 01/2020 ratings only for assessments dated before 2025-09-18 (repealed by Thông tư 78/2025/TT-BTC), Decree 113/2024 size classes " +
    "from 2024-11-01, and a scheme the Alliance names (ALLIANCE) with no national rating.",
})
export class RecordClassificationInput extends MutationInput {
  @Field(() => ID, { description: "The cooperative or union." })
  organizationId: string;

  @Field(() => Int, { description: "Year assessed." })
  @IsYearInRange()
  year: number;

  @Field(() => ClassificationScheme, { defaultValue: ClassificationScheme.CIRCULAR_01_2020, description: "Rule set." })
  scheme: ClassificationScheme;

  @Field(() => LocalDateScalar, { description: "Date of the assessment (ngày đánh giá): not before the year assessed began, not in the future." })
  assessedOn: string;

  @Field({ nullable: true, description: "Under ALLIANCE (required there): the name of the Alliance's scheme (tên bộ tiêu chí)." })
  @IsOptional()
  @Length(3, 300, { message: "schemeName must be 3 to 300 characters." })
  schemeName?: string;

  @Field(() => Float, {
    nullable: true,
    description: "Score: out of 100 under Circular 01/2020 (required unless NOT_RATED); on the scheme's own scale under ALLIANCE.",
  })
  @IsOptional()
  @Min(0, { message: "score must be between 0 and 100." })
  @Max(100, { message: "score must be between 0 and 100." })
  score?: number;

  @Field(() => Rating, {
    nullable: true,
    description: "Circular 01/2020 only (required there): the rating, matching the score's band (Tốt 80–100, Khá 65–<80, Trung bình 50–<65, Yếu <50).",
  })
  rating?: Rating;

  @Field({ nullable: true, description: "Under ALLIANCE: the grade as the Alliance words it (kết quả đánh giá)." })
  @IsOptional()
  @Length(1, 100, { message: "grade must be 1 to 100 characters." })
  grade?: string;

  @Field(() => SizeClass, {
    nullable: true,
    description:
      "Under DECREE_113_2024: the class you expect. The graph works the class out from the official members on the assessment date and the year's " +
      "revenue where the decree's thresholds are known (NOT_DETERMINED where not) and refuses a different one.",
  })
  sizeClass?: SizeClass;

  @Field({ nullable: true, description: "Why not rated; required with NOT_RATED." })
  @IsOptional()
  @Length(3, 500, { message: "notRatedReason must be 3 to 500 characters." })
  notRatedReason?: string;

  @Field(() => Int, { nullable: true, description: "The version you read, to correct a classification already recorded." })
  version?: number;
}

@InputType({ description: "Add a member to an organisation (kết nạp thành viên)." })
export class AddMemberInput extends Idempotent(NewMemberInput) {
  @Field(() => ID, { description: "The organisation." })
  organizationId: string;
}

@InputType({ description: "End a membership (chấm dứt tư cách thành viên)." })
export class EndMembershipInput extends MutationInput {
  @Field(() => ID, { description: "The member." })
  memberId: string;

  @Field(() => Int, { description: "The member's version you read." })
  version: number;

  @Field(() => LocalDateScalar, { description: "Last day of membership." })
  leftOn: string;
}

@InputType({ description: "Dissolve an organisation (giải thể). It stays in the records, with its history." })
export class DissolveOrganizationInput extends MutationInput {
  @Field(() => ID, { description: "The organisation." })
  id: string;

  @Field(() => Int, { description: "The version you read." })
  version: number;

  @Field(() => LocalDateScalar, { description: "Date of dissolution." })
  dissolvedOn: string;
}
