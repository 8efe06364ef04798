import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { InputType } from "type-graphql";
import { Idempotent, MutationInput, IsAdminUnitCode, IsYearInRange, OptionalAdminUnitCodeField, FieldOf } from "@kttt/core";
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
  @FieldOf.of(MemberKind, "Person, household or legal entity.")
  kind: MemberKind;

  @FieldOf.of(MembershipType, "Official or associate member.")
  membershipType: MembershipType;

  @FieldOf.text("Name of the person, household head or body.")
  @Length(2, 300, { message: "fullName must be 2 to 300 characters." })
  fullName: string;

  @FieldOf.id("For a cooperative joining a union: the cooperative's id.", { nullable: true })
  @IsOptional()
  memberOrganizationId?: string;

  @FieldOf.money("Capital contributed (vốn góp), VND; 0 for associates without capital.", { defaultValue: 0n })
  capitalContributed: bigint;

  @FieldOf.date("Date the membership begins (ngày gia nhập).")
  joinedOn: string;
}

@InputType({ description: "Register a new cooperative, union or group (đăng ký tổ chức) with its founding members." })
export class RegisterOrganizationInput extends MutationInput {
  @FieldOf.of(OrganizationKind, "Legal form.")
  kind: OrganizationKind;

  @FieldOf.text("Registered name, with diacritics.")
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;

  @FieldOf.text("Registration number (10 digits, optionally -3 digits for a branch); required for cooperatives and unions, none for groups.", {
    nullable: true,
  })
  @IsOptional()
  @Matches(REGISTRATION_NUMBER, { message: "registrationNumber must be 10 digits, optionally followed by -and 3 digits (e.g. 3001234567)." })
  registrationNumber?: string;

  @FieldOf.text(
    "Code of the unit where it is registered, in force on `establishedOn`: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  )
  @IsAdminUnitCode()
  adminUnitCode: string;

  @FieldOf.of(Sector, "Field of activity.")
  sector: Sector;

  @FieldOf.date("Date of establishment or registration.")
  establishedOn: string;

  @FieldOf.of(OrganizationStatus, "ACTIVE (needs the legal minimum of official members) or SUSPENDED.", { defaultValue: OrganizationStatus.ACTIVE })
  status: OrganizationStatus;

  @FieldOf.text("Head-office address.", { nullable: true })
  @IsOptional()
  @Length(0, 500)
  address?: string;

  @FieldOf.text("Legal representative or group leader.", { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: "representative must be 2 to 200 characters." })
  representative?: string;

  @FieldOf.of([NewMemberInput], "Founding members (thành viên sáng lập).", { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(2000)
  members: NewMemberInput[];
}

@InputType({ description: "Change an organisation's registered details (cập nhật thông tin). Omitted fields stay as they are." })
export class UpdateOrganizationInput extends MutationInput {
  @FieldOf.id("The organisation.")
  id: string;

  @FieldOf.int("The version you read; the update is refused if someone changed it since.")
  version: number;

  @FieldOf.text("New name.", { nullable: true })
  @IsOptional()
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name?: string;

  @FieldOf.text("New registration number.", { nullable: true })
  @IsOptional()
  @Matches(REGISTRATION_NUMBER, { message: "registrationNumber must be 10 digits, optionally followed by -and 3 digits (e.g. 3001234567)." })
  registrationNumber?: string;

  @OptionalAdminUnitCodeField("The unit it lies in from today: a commune code in force today (5 digits, e.g. 18202).")
  adminUnitCode?: string;

  @FieldOf.of(Sector, "New sector.", { nullable: true })
  sector?: Sector;

  @FieldOf.of(OrganizationStatus, "ACTIVE or SUSPENDED (dissolve with dissolveOrganization).", { nullable: true })
  status?: OrganizationStatus;

  @FieldOf.text("New address.", { nullable: true })
  @IsOptional()
  @Length(0, 500)
  address?: string;

  @FieldOf.text("New representative.", { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: "representative must be 2 to 200 characters." })
  representative?: string;
}

@InputType({ description: "Record (or, with its version, correct) an organisation's figures for a year (ghi nhận báo cáo năm)." })
export class RecordFinancialReportInput extends MutationInput {
  @FieldOf.id("The organisation.")
  organizationId: string;

  @FieldOf.int("Reporting year.")
  @IsYearInRange()
  year: number;

  @FieldOf.money("Charter capital, VND (not negative).")
  charterCapital: bigint;

  @FieldOf.money("Revenue, VND (not negative).")
  revenue: bigint;

  @FieldOf.money("Profit, VND (negative for a loss; not above revenue).")
  profit: bigint;

  @FieldOf.int("Regular workers.")
  @Min(0, { message: "regularWorkers cannot be negative." })
  @Max(100000)
  regularWorkers: number;

  @FieldOf.money("Average monthly income of a regular worker, VND.")
  averageMonthlyIncome: bigint;

  @FieldOf.int("Managers.")
  @Min(0, { message: "managersTotal cannot be negative." })
  @Max(1000)
  managersTotal: number;

  @FieldOf.int("Managers with professional training.")
  @Min(0, { message: "managersTrained cannot be negative." })
  @Max(1000)
  managersTrained: number;

  @FieldOf.of(ItReadiness, "Use of information technology.")
  itReadiness: ItReadiness;

  @FieldOf.int("The version you read, to correct a report already recorded; omit for a new one.", { nullable: true })
  version?: number;
}

@InputType({
  description:
    "Record (or, with its version, correct) a year's classification (ghi nhận kết quả phân loại, đánh giá). The assessment date decides the rule set: " +
    "Circular 01/2020 ratings only for assessments dated before 2025-09-18 (repealed by Thông tư 78/2025/TT-BTC), Decree 113/2024 size classes " +
    "from 2024-11-01, and a scheme the Alliance names (ALLIANCE) with no national rating.",
})
export class RecordClassificationInput extends MutationInput {
  @FieldOf.id("The cooperative or union.")
  organizationId: string;

  @FieldOf.int("Year assessed.")
  @IsYearInRange()
  year: number;

  @FieldOf.of(ClassificationScheme, "Rule set.", { defaultValue: ClassificationScheme.CIRCULAR_01_2020 })
  scheme: ClassificationScheme;

  @FieldOf.date("Date of the assessment (ngày đánh giá): not before the year assessed began, not in the future.")
  assessedOn: string;

  @FieldOf.text("Under ALLIANCE (required there): the name of the Alliance's scheme (tên bộ tiêu chí).", { nullable: true })
  @IsOptional()
  @Length(3, 300, { message: "schemeName must be 3 to 300 characters." })
  schemeName?: string;

  @FieldOf.decimal("Score: out of 100 under Circular 01/2020 (required unless NOT_RATED); on the scheme's own scale under ALLIANCE.", { nullable: true })
  @IsOptional()
  @Min(0, { message: "score must be between 0 and 100." })
  @Max(100, { message: "score must be between 0 and 100." })
  score?: number;

  @FieldOf.of(Rating, "Circular 01/2020 only (required there): the rating, matching the score's band (Tốt 80–100, Khá 65–<80, Trung bình 50–<65, Yếu <50).", {
    nullable: true,
  })
  rating?: Rating;

  @FieldOf.text("Under ALLIANCE: the grade as the Alliance words it (kết quả đánh giá).", { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: "grade must be 1 to 100 characters." })
  grade?: string;

  @FieldOf.of(
    SizeClass,
    "Under DECREE_113_2024: the class you expect. The graph works the class out from the official members on the assessment date and the year's " +
      "revenue where the decree's thresholds are known (NOT_DETERMINED where not) and refuses a different one.",
    { nullable: true },
  )
  sizeClass?: SizeClass;

  @FieldOf.text("Why not rated; required with NOT_RATED.", { nullable: true })
  @IsOptional()
  @Length(3, 500, { message: "notRatedReason must be 3 to 500 characters." })
  notRatedReason?: string;

  @FieldOf.int("The version you read, to correct a classification already recorded.", { nullable: true })
  version?: number;
}

@InputType({ description: "Add a member to an organisation (kết nạp thành viên)." })
export class AddMemberInput extends Idempotent(NewMemberInput) {
  @FieldOf.id("The organisation.")
  organizationId: string;
}

@InputType({ description: "End a membership (chấm dứt tư cách thành viên)." })
export class EndMembershipInput extends MutationInput {
  @FieldOf.id("The member.")
  memberId: string;

  @FieldOf.int("The member's version you read.")
  version: number;

  @FieldOf.date("Last day of membership.")
  leftOn: string;
}

@InputType({ description: "Dissolve an organisation (giải thể). It stays in the records, with its history." })
export class DissolveOrganizationInput extends MutationInput {
  @FieldOf.id("The organisation.")
  id: string;

  @FieldOf.int("The version you read.")
  version: number;

  @FieldOf.date("Date of dissolution.")
  dissolvedOn: string;
}
