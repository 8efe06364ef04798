import { ALLIANCE, writeResolver } from "@kttt/core";
import { OrganizationImport } from "../services/organization-import";
import {
  ClassificationImportRow,
  FinancialReportImportRow,
  ImportOrganizationsPayload,
  ImportRecordsPayload,
  MAX_IMPORT_ROWS,
  MemberImportRow,
  OrganizationImportRow,
} from "../types/import";
import { RecordImports } from "../services/record-import";
import type { MembershipContext } from "../context";
import { Classification } from "../entities/classification";
import { FinancialReport } from "../entities/financial-report";
import { Member } from "../entities/member";
import { Organization } from "../entities/organization";
import { OrganizationMutations } from "../services/organization-mutations";
import {
  AddMemberInput,
  DissolveOrganizationInput,
  EndMembershipInput,
  RecordClassificationInput,
  RecordFinancialReportInput,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
} from "../types/inputs";

const writes = (ctx: MembershipContext) => new OrganizationMutations(ctx.dataSource);

/** Membership's mutations, each for the Alliance, in the schema's order. */
export const MembershipMutationResolver = writeResolver<MembershipContext>("MembershipMutationResolver", ALLIANCE, {
  registerOrganization: {
    type: () => Organization,
    input: RegisterOrganizationInput,
    description: "Register a cooperative, union or group with its founding members (đăng ký), in one transaction.",
    run: (ctx, input: RegisterOrganizationInput) => writes(ctx).register(input),
  },
  updateOrganization: {
    type: () => Organization,
    input: UpdateOrganizationInput,
    description: "Change an organisation's registered details (cập nhật); needs the version you read.",
    run: (ctx, input: UpdateOrganizationInput) => writes(ctx).update(input),
  },
  recordFinancialReport: {
    type: () => FinancialReport,
    input: RecordFinancialReportInput,
    description: "Record or correct a year's figures (báo cáo năm).",
    run: (ctx, input: RecordFinancialReportInput) => writes(ctx).recordFinancialReport(input),
  },
  recordClassification: {
    type: () => Classification,
    input: RecordClassificationInput,
    description: "Record or correct a year's classification (phân loại, đánh giá).",
    run: (ctx, input: RecordClassificationInput) => writes(ctx).recordClassification(input),
  },
  addMember: {
    type: () => Member,
    input: AddMemberInput,
    description: "Add a member (kết nạp thành viên).",
    run: (ctx, input: AddMemberInput) => writes(ctx).addMember(input),
  },
  endMembership: {
    type: () => Member,
    input: EndMembershipInput,
    description: "End a membership (chấm dứt tư cách thành viên).",
    run: (ctx, input: EndMembershipInput) => writes(ctx).endMembership(input),
  },
  dissolveOrganization: {
    type: () => Organization,
    input: DissolveOrganizationInput,
    description: "Dissolve an organisation (giải thể); it stays on record with its history.",
    run: (ctx, input: DissolveOrganizationInput) => writes(ctx).dissolve(input),
  },
  importOrganizations: {
    type: () => ImportOrganizationsPayload,
    rows: OrganizationImportRow,
    description:
      `Import a register's organisations (nhập danh sách tổ chức từ tệp), up to ${MAX_IMPORT_ROWS} rows in one transaction: ` +
      "each row is checked by the rules of registerOrganization and updateOrganization and matched on its registration " +
      "number (a group on kind, unit and name); the result says per row created, updated, unchanged or invalid. Nothing is " +
      "written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
    run: (ctx, rows: OrganizationImportRow[], dryRun: boolean, skipInvalid: boolean) => new OrganizationImport(ctx.dataSource).run(rows, dryRun, skipInvalid),
  },
  importMembers: {
    type: () => ImportRecordsPayload,
    rows: MemberImportRow,
    description:
      `Import a member register (nhập danh sách thành viên), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row names its ` +
      "organisation (registration number, or name with its unit), is checked by the rules of addMember and matched on organisation, " +
      "name and joining date; an active organisation keeps its minimum of official members. The result says per row created, " +
      "updated, unchanged or invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
    run: (ctx, rows: MemberImportRow[], dryRun: boolean, skipInvalid: boolean) => new RecordImports(ctx.dataSource).members(rows, dryRun, skipInvalid),
  },
  importFinancialReports: {
    type: () => ImportRecordsPayload,
    rows: FinancialReportImportRow,
    description:
      `Import organisations' yearly figures (nhập báo cáo tài chính năm), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row ` +
      "is checked by the rules of recordFinancialReport and matched on organisation and year (a year already recorded is corrected " +
      "to the row's figures). Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
    run: (ctx, rows: FinancialReportImportRow[], dryRun: boolean, skipInvalid: boolean) =>
      new RecordImports(ctx.dataSource).financialReports(rows, dryRun, skipInvalid),
  },
  importClassifications: {
    type: () => ImportRecordsPayload,
    rows: ClassificationImportRow,
    description:
      `Import classifications (nhập kết quả phân loại, đánh giá), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row is ` +
      "checked by the rules of recordClassification (a rating must be the one its score earns) and matched on organisation, year " +
      "and scheme. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
    run: (ctx, rows: ClassificationImportRow[], dryRun: boolean, skipInvalid: boolean) =>
      new RecordImports(ctx.dataSource).classifications(rows, dryRun, skipInvalid),
  },
});
