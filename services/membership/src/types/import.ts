import { Arg, Field, InputType, ObjectType } from "type-graphql";
import { FieldOf, ImportOutcome, ImportPayloadBase, ImportRowResultBase } from "@kttt/core";
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
  @FieldOf.int("The row's number in the person's file, echoed in the result and in messages (số dòng).", { nullable: true })
  rowNumber?: number;

  @FieldOf.of(OrganizationKind, "Legal form (loại hình).")
  kind: OrganizationKind;

  @FieldOf.text("Registered name, with diacritics (tên).")
  name: string;

  @FieldOf.text("Registration number (mã số HTX, the tax code): 10 digits, optionally -3 digits; none for groups.", { nullable: true })
  registrationNumber?: string;

  @FieldOf.text(
    "The administrative unit where it is registered, in force on establishedOn (đơn vị hành chính): its code (e.g. 444, 18172) or its name, with its district before 1/7/2025 where the name alone is ambiguous (e.g. Huyện Hương Khê, Xã Sơn Tây, huyện Hương Sơn).",
  )
  adminUnit: string;

  @FieldOf.of(Sector, "Field of activity (lĩnh vực).")
  sector: Sector;

  @FieldOf.of(OrganizationStatus, "ACTIVE or SUSPENDED (tình trạng); an import does not dissolve.", { defaultValue: OrganizationStatus.ACTIVE })
  status: OrganizationStatus;

  @FieldOf.date("Date of establishment or registration (ngày thành lập).")
  establishedOn: string;

  @FieldOf.text("Head-office address (địa chỉ trụ sở).", { nullable: true })
  address?: string;

  @FieldOf.text("Legal representative or group leader (người đại diện).", { nullable: true })
  representative?: string;

  @FieldOf.of(
    [NewMemberInput],
    "Founding members (thành viên sáng lập), used when the row creates the organisation; an ACTIVE one needs the legal minimum of official members.",
    { defaultValue: [] },
  )
  members: NewMemberInput[];
}

@ObjectType({ description: "What importOrganizations did, or would do, with one row (kết quả từng dòng)." })
export class OrganizationImportRowResult extends ImportRowResultBase {
  @FieldOf.id("The organisation the row matched or created; null for an invalid row and for a row a dry run would create (mã định danh).", { nullable: true })
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

/** What every row of an organisation's records (members, yearly figures, classifications) starts with: its number and the organisation. */
@InputType()
abstract class OrganizationRecordRow {
  @FieldOf.int("The row's number in the person's file, echoed in the result (số dòng).", { nullable: true })
  rowNumber?: number;

  @FieldOf.text(ORGANIZATION_REF)
  organization: string;

  @FieldOf.text(ADMIN_UNIT_REF, { nullable: true })
  adminUnit?: string;
}

@InputType({ description: "One member of a member register to import (một dòng danh sách thành viên); matched on organisation, name and joining date." })
export class MemberImportRow extends OrganizationRecordRow {
  @FieldOf.text("Name of the person, household head or body (họ và tên).")
  fullName: string;

  @FieldOf.of(MemberKind, "Person, household or legal entity (loại thành viên).", { defaultValue: MemberKind.INDIVIDUAL })
  kind: MemberKind;

  @FieldOf.of(MembershipType, "Official or associate member (loại hình thành viên).")
  membershipType: MembershipType;

  @FieldOf.money("Capital contributed (vốn góp), VND; 0 for an associate without capital.", { defaultValue: 0n })
  capitalContributed: bigint;

  @FieldOf.date("Date the membership began (ngày gia nhập).")
  joinedOn: string;

  @FieldOf.text("For a cooperative that is a member of a union: its registration number (mã số HTX thành viên).", { nullable: true })
  memberOrganization?: string;
}

@InputType({ description: "One year's figures of an organisation to import (một dòng báo cáo năm); matched on organisation and year." })
export class FinancialReportImportRow extends OrganizationRecordRow {
  @FieldOf.int("Reporting year (năm báo cáo).")
  year: number;

  @FieldOf.money("Charter capital at year end (vốn điều lệ), VND; not negative.")
  charterCapital: bigint;

  @FieldOf.money("Revenue of the year (doanh thu), VND; not negative.")
  revenue: bigint;

  @FieldOf.money("Profit of the year (lợi nhuận), VND; negative for a loss, not above revenue.")
  profit: bigint;

  @FieldOf.int("Regular workers (lao động thường xuyên).")
  regularWorkers: number;

  @FieldOf.money("Average monthly income of a regular worker (thu nhập bình quân/người/tháng), VND.")
  averageMonthlyIncome: bigint;

  @FieldOf.int("Managers (cán bộ quản lý).")
  managersTotal: number;

  @FieldOf.int("Managers with professional training (cán bộ quản lý đã qua đào tạo).")
  managersTrained: number;

  @FieldOf.of(ItReadiness, "Use of information technology (mức độ ứng dụng CNTT).")
  itReadiness: ItReadiness;
}

@InputType({
  description:
    "One year's classification of a cooperative or union to import (một dòng kết quả phân loại, đánh giá); matched on organisation, year and scheme.",
})
export class ClassificationImportRow extends OrganizationRecordRow {
  @FieldOf.int("Year assessed (năm đánh giá).")
  year: number;

  @FieldOf.of(ClassificationScheme, "Rule set (căn cứ đánh giá).", { defaultValue: ClassificationScheme.CIRCULAR_01_2020 })
  scheme: ClassificationScheme;

  @FieldOf.date(
    "Date of the assessment (ngày đánh giá). A Circular 01/2020 rating dated on or after 2025-09-18 (its repeal) is refused; without a date, the rating is kept as recorded.",
    { nullable: true },
  )
  assessedOn?: string;

  @FieldOf.decimal("Score out of 100 (điểm); none when not rated.", { nullable: true })
  score?: number;

  @FieldOf.of(Rating, "Rating (xếp loại); must be the one the score earns under the scheme.")
  rating: Rating;

  @FieldOf.of(SizeClass, "Size class (quy mô), where assessed.", { nullable: true })
  sizeClass?: SizeClass;

  @FieldOf.text("Why not rated (lý do chưa xếp loại); required with NOT_RATED.", { nullable: true })
  notRatedReason?: string;
}

@ObjectType({
  description: "What an import of an organisation's records (members, yearly figures, classifications) did, or would do, with one row (kết quả từng dòng).",
})
export class RecordImportRowResult extends ImportRowResultBase {
  @FieldOf.id("The organisation the row names; null when it names none (mã tổ chức).", { nullable: true })
  organizationId: string | null;
}

@ObjectType({ description: "The result of importing a batch of an organisation's records (kết quả nhập)." })
export class ImportRecordsPayload extends ImportPayloadBase {
  @FieldOf.of([RecordImportRowResult], "One result per row, in the order sent (từng dòng).")
  rows: RecordImportRowResult[];
}
