import { Arg, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { ImportOutcome, ImportPayloadBase, ImportRowResultBase, LocalDateScalar, VndScalar } from "@kttt/core";
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
import { NewMemberInput } from "./inputs";

/** At most this many rows in one importOrganizations call (one transaction). */
export const MAX_IMPORT_ROWS = 5000;

@InputType({
  description:
    "One row of a register to import (một dòng của sổ đăng ký). Checked by the same rules as registerOrganization " +
    "and updateOrganization; matched to the graph by registration number (a group, which has none, by name and unit).",
})
export class OrganizationImportRow {
  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, echoed in the result and in messages (số dòng)." })
  rowNumber?: number;

  @Field(() => OrganizationKind, { description: "Legal form (loại hình)." })
  kind: OrganizationKind;

  @Field({ description: "Registered name, with diacritics (tên)." })
  name: string;

  @Field({ nullable: true, description: "Registration number (mã số HTX, the tax code): 10 digits, optionally -3 digits; none for groups." })
  registrationNumber?: string;

  @Field({
    description:
      "The administrative unit where it is registered, in force on establishedOn (đơn vị hành chính): its code (e.g. 444, 18172) or its name, with its district before 1/7/2025 where the name alone is ambiguous (e.g. Huyện Hương Khê, Xã Sơn Tây, huyện Hương Sơn).",
  })
  adminUnit: string;

  @Field(() => Sector, { description: "Field of activity (lĩnh vực)." })
  sector: Sector;

  @Field(() => OrganizationStatus, { defaultValue: OrganizationStatus.ACTIVE, description: "ACTIVE or SUSPENDED (tình trạng); an import does not dissolve." })
  status: OrganizationStatus;

  @Field(() => LocalDateScalar, { description: "Date of establishment or registration (ngày thành lập)." })
  establishedOn: string;

  @Field({ nullable: true, description: "Head-office address (địa chỉ trụ sở)." })
  address?: string;

  @Field({ nullable: true, description: "Legal representative or group leader (người đại diện)." })
  representative?: string;

  @Field(() => [NewMemberInput], {
    defaultValue: [],
    description:
      "Founding members (thành viên sáng lập), used when the row creates the organisation; an ACTIVE one needs the legal minimum of official members.",
  })
  members: NewMemberInput[];
}

@ObjectType({ description: "What importOrganizations did, or would do, with one row (kết quả từng dòng)." })
export class OrganizationImportRowResult extends ImportRowResultBase {
  @Field(() => ID, {
    nullable: true,
    description: "The organisation the row matched or created; null for an invalid row and for a row a dry run would create (mã định danh).",
  })
  organizationId: string | null;
}

@ObjectType({ description: "The result of importing a batch of organisations (kết quả nhập danh sách tổ chức)." })
export class ImportOrganizationsPayload extends ImportPayloadBase {
  /** Every row's result, in the order sent. */
  results: OrganizationImportRowResult[];

  @Field(() => [OrganizationImportRowResult], {
    description:
      "One result per row, in the order sent (từng dòng); with `outcomes`, only the rows of those outcomes (a caller sending " +
      "thousands of new rows asks for the others and counts the rest as created).",
  })
  rows(
    @Arg("outcomes", () => [ImportOutcome], { nullable: true, description: "Only the rows of these outcomes; all rows when omitted (lọc theo kết quả)." })
    outcomes?: ImportOutcome[] | null,
  ): OrganizationImportRowResult[] {
    return outcomes ? this.results.filter((r) => outcomes.includes(r.outcome)) : this.results;
  }
}

const ORGANIZATION_REF =
  "The organisation, as registers name it (tổ chức): its registration number (dots and spaces allowed), or its registered name " +
  "(diacritics and case ignored), with `adminUnit` where two organisations bear the name.";
const ADMIN_UNIT_REF =
  "Where the organisation named by `organization` is registered or lies (đơn vị hành chính), to tell organisations of the same name apart: " +
  "a code or a name, of the unit of registration (a district before 1/7/2025) or of its commune on the mid-2024 or today's map.";

@InputType({ description: "One member of a member register to import (một dòng danh sách thành viên); matched on organisation, name and joining date." })
export class MemberImportRow {
  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, echoed in the result (số dòng)." })
  rowNumber?: number;

  @Field({ description: ORGANIZATION_REF })
  organization: string;

  @Field({ nullable: true, description: ADMIN_UNIT_REF })
  adminUnit?: string;

  @Field({ description: "Name of the person, household head or body (họ và tên)." })
  fullName: string;

  @Field(() => MemberKind, { defaultValue: MemberKind.INDIVIDUAL, description: "Person, household or legal entity (loại thành viên)." })
  kind: MemberKind;

  @Field(() => MembershipType, { description: "Official or associate member (loại hình thành viên)." })
  membershipType: MembershipType;

  @Field(() => VndScalar, { defaultValue: 0n, description: "Capital contributed (vốn góp), VND; 0 for an associate without capital." })
  capitalContributed: bigint;

  @Field(() => LocalDateScalar, { description: "Date the membership began (ngày gia nhập)." })
  joinedOn: string;

  @Field({ nullable: true, description: "For a cooperative that is a member of a union: its registration number (mã số HTX thành viên)." })
  memberOrganization?: string;
}

@InputType({ description: "One year's figures of an organisation to import (một dòng báo cáo năm); matched on organisation and year." })
export class FinancialReportImportRow {
  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, echoed in the result (số dòng)." })
  rowNumber?: number;

  @Field({ description: ORGANIZATION_REF })
  organization: string;

  @Field({ nullable: true, description: ADMIN_UNIT_REF })
  adminUnit?: string;

  @Field(() => Int, { description: "Reporting year (năm báo cáo)." })
  year: number;

  @Field(() => VndScalar, { description: "Charter capital at year end (vốn điều lệ), VND; not negative." })
  charterCapital: bigint;

  @Field(() => VndScalar, { description: "Revenue of the year (doanh thu), VND; not negative." })
  revenue: bigint;

  @Field(() => VndScalar, { description: "Profit of the year (lợi nhuận), VND; negative for a loss, not above revenue." })
  profit: bigint;

  @Field(() => Int, { description: "Regular workers (lao động thường xuyên)." })
  regularWorkers: number;

  @Field(() => VndScalar, { description: "Average monthly income of a regular worker (thu nhập bình quân/người/tháng), VND." })
  averageMonthlyIncome: bigint;

  @Field(() => Int, { description: "Managers (cán bộ quản lý)." })
  managersTotal: number;

  @Field(() => Int, { description: "Managers with professional training (cán bộ quản lý đã qua đào tạo)." })
  managersTrained: number;

  @Field(() => ItReadiness, { description: "Use of information technology (mức độ ứng dụng CNTT)." })
  itReadiness: ItReadiness;
}

@InputType({
  description:
    "One year's classification of a cooperative or union to import (một dòng kết quả phân loại, đánh giá); matched on organisation, year and scheme.",
})
export class ClassificationImportRow {
  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, echoed in the result (số dòng)." })
  rowNumber?: number;

  @Field({ description: ORGANIZATION_REF })
  organization: string;

  @Field({ nullable: true, description: ADMIN_UNIT_REF })
  adminUnit?: string;

  @Field(() => Int, { description: "Year assessed (năm đánh giá)." })
  year: number;

  @Field(() => ClassificationScheme, { defaultValue: ClassificationScheme.CIRCULAR_01_2020, description: "Rule set (căn cứ đánh giá)." })
  scheme: ClassificationScheme;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Date of the assessment (ngày đánh giá). A Circular 01/2020 rating dated on or after 2025-09-18 (its repeal) is refused; without a date, the rating is kept as recorded.",
  })
  assessedOn?: string;

  @Field(() => Float, { nullable: true, description: "Score out of 100 (điểm); none when not rated." })
  score?: number;

  @Field(() => Rating, { description: "Rating (xếp loại); must be the one the score earns under the scheme." })
  rating: Rating;

  @Field(() => SizeClass, { nullable: true, description: "Size class (quy mô), where assessed." })
  sizeClass?: SizeClass;

  @Field({ nullable: true, description: "Why not rated (lý do chưa xếp loại); required with NOT_RATED." })
  notRatedReason?: string;
}

@ObjectType({
  description: "What an import of an organisation's records (members, yearly figures, classifications) did, or would do, with one row (kết quả từng dòng).",
})
export class RecordImportRowResult extends ImportRowResultBase {
  @Field(() => ID, { nullable: true, description: "The organisation the row names; null when it names none (mã tổ chức)." })
  organizationId: string | null;
}

@ObjectType({ description: "The result of importing a batch of an organisation's records (kết quả nhập)." })
export class ImportRecordsPayload extends ImportPayloadBase {
  @Field(() => [RecordImportRowResult], { description: "One result per row, in the order sent (từng dòng)." })
  rows: RecordImportRowResult[];
}
