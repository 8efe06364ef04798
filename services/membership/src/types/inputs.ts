import { ArrayMaxSize, IsOptional, ValidateNested } from "class-validator";
import { InputType } from "type-graphql";
import {
  CountInput,
  Idempotent,
  MutationInput,
  OptionalAdminUnitCodeField,
  OptionalTextInput,
  TextInput,
  FieldOf,
  OptionalRegistrationNumberInput,
  AdminUnitCodeField,
  OptionalRangeInput,
  YearInput,
} from "@kttt/core";
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

@InputType({ description: "A member to add (thành viên mới)." })
export class NewMemberInput {
  @FieldOf.of(MemberKind, "Person, household or legal entity.")
  kind: MemberKind;

  @FieldOf.of(MembershipType, "Official or associate member.")
  membershipType: MembershipType;

  @TextInput(2, 300, "Name of the person, household head or body.")
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

  @TextInput(3, 300, "Registered name, with diacritics.")
  name: string;

  @OptionalRegistrationNumberInput("Registration number (10 digits, optionally -3 digits for a branch); required for cooperatives and unions, none for groups.")
  registrationNumber?: string;

  @AdminUnitCodeField(
    "Code of the unit where it is registered, in force on `establishedOn`: a commune (5 digits, e.g. 18202; from 2025-07-01 only communes exist) or, before 2025-07-01, a district (3 digits, e.g. 444).",
  )
  adminUnitCode: string;

  @FieldOf.of(Sector, "Field of activity.")
  sector: Sector;

  @FieldOf.date("Date of establishment or registration.")
  establishedOn: string;

  @FieldOf.of(OrganizationStatus, "ACTIVE (needs the legal minimum of official members) or SUSPENDED.", { defaultValue: OrganizationStatus.ACTIVE })
  status: OrganizationStatus;

  @OptionalTextInput(0, 500, "Head-office address.")
  address?: string;

  @OptionalTextInput(2, 200, "Legal representative or group leader.")
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

  @OptionalTextInput(3, 300, "New name.")
  name?: string;

  @OptionalRegistrationNumberInput("New registration number.")
  registrationNumber?: string;

  @OptionalAdminUnitCodeField("The unit it lies in from today: a commune code in force today (5 digits, e.g. 18202).")
  adminUnitCode?: string;

  @FieldOf.of(Sector, "New sector.", { nullable: true })
  sector?: Sector;

  @FieldOf.of(OrganizationStatus, "ACTIVE or SUSPENDED (dissolve with dissolveOrganization).", { nullable: true })
  status?: OrganizationStatus;

  @OptionalTextInput(0, 500, "New address.")
  address?: string;

  @OptionalTextInput(2, 200, "New representative.")
  representative?: string;
}

@InputType({ description: "Record (or, with its version, correct) an organisation's figures for a year (ghi nhận báo cáo năm)." })
export class RecordFinancialReportInput extends MutationInput {
  @FieldOf.id("The organisation.")
  organizationId: string;

  @YearInput("Reporting year.")
  year: number;

  @FieldOf.money("Charter capital, VND (not negative).")
  charterCapital: bigint;

  @FieldOf.money("Revenue, VND (not negative).")
  revenue: bigint;

  @FieldOf.money("Profit, VND (negative for a loss; not above revenue).")
  profit: bigint;

  @CountInput("Regular workers.", { max: 100000 })
  regularWorkers: number;

  @FieldOf.money("Average monthly income of a regular worker, VND.")
  averageMonthlyIncome: bigint;

  @CountInput("Managers.", { max: 1000 })
  managersTotal: number;

  @CountInput("Managers with professional training.", { max: 1000 })
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

  @YearInput("Year assessed.")
  year: number;

  @FieldOf.of(ClassificationScheme, "Rule set.", { defaultValue: ClassificationScheme.CIRCULAR_01_2020 })
  scheme: ClassificationScheme;

  @FieldOf.date("Date of the assessment (ngày đánh giá): not before the year assessed began, not in the future.")
  assessedOn: string;

  @OptionalTextInput(3, 300, "Under ALLIANCE (required there): the name of the Alliance's scheme (tên bộ tiêu chí).")
  schemeName?: string;

  @OptionalRangeInput(0, 100, "Score: out of 100 under Circular 01/2020 (required unless NOT_RATED); on the scheme's own scale under ALLIANCE.", {
    decimal: true,
  })
  score?: number;

  @FieldOf.of(Rating, "Circular 01/2020 only (required there): the rating, matching the score's band (Tốt 80–100, Khá 65–<80, Trung bình 50–<65, Yếu <50).", {
    nullable: true,
  })
  rating?: Rating;

  @OptionalTextInput(1, 100, "Under ALLIANCE: the grade as the Alliance words it (kết quả đánh giá).")
  grade?: string;

  @FieldOf.of(
    SizeClass,
    "Under DECREE_113_2024: the class you expect. The graph works the class out from the official members on the assessment date and the year's " +
      "revenue where the decree's thresholds are known (NOT_DETERMINED where not) and refuses a different one.",
    { nullable: true },
  )
  sizeClass?: SizeClass;

  @OptionalTextInput(3, 500, "Why not rated; required with NOT_RATED.")
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
