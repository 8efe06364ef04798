import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ImportCounts, ImportOutcome, ImportProblem, LocalDateScalar } from "@kttt/core";
import { OrganizationKind, OrganizationStatus, Sector } from "../domain/enums";
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

  @Field({ description: "The administrative unit where it is registered (đơn vị hành chính): its code, e.g. 444, or its name, e.g. Huyện Hương Khê or Hương Khê." })
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

  @Field(() => [NewMemberInput], { defaultValue: [], description: "Founding members (thành viên sáng lập), used when the row creates the organisation; an ACTIVE one needs the legal minimum of official members." })
  members: NewMemberInput[];
}

@ObjectType({ description: "What importOrganizations did, or would do, with one row (kết quả từng dòng)." })
export class OrganizationImportRowResult {
  @Field(() => Int, { description: "Position of the row in the rows sent, from 0 (thứ tự)." })
  index: number;

  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, as sent (số dòng)." })
  rowNumber: number | null;

  @Field(() => ImportOutcome, { description: "Created, updated, unchanged or invalid (kết quả)." })
  outcome: ImportOutcome;

  @Field(() => ID, { nullable: true, description: "The organisation the row matched or created; null for an invalid row and for a row a dry run would create (mã định danh)." })
  organizationId: string | null;

  @Field(() => [ImportProblem], { description: "Why the row is invalid, one entry per rule it breaks (lỗi)." })
  problems: ImportProblem[];
}

@ObjectType({ description: "The result of importing a batch of organisations (kết quả nhập danh sách tổ chức)." })
export class ImportOrganizationsPayload {
  @Field({ description: "True when nothing was meant to be written: the rows were only checked (chạy thử)." })
  dryRun: boolean;

  @Field({ description: "True when the batch was written: not a dry run, and every row valid or skipInvalid set (đã ghi)." })
  written: boolean;

  @Field(() => ImportCounts, { description: "Rows by outcome (tổng hợp)." })
  counts: ImportCounts;

  @Field(() => [OrganizationImportRowResult], { description: "One result per row, in the order sent (từng dòng)." })
  rows: OrganizationImportRowResult[];
}
