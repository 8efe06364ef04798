import { ALLIANCE, finishImportSession, ImportSession, importWrites, inputWrites, sessionArgument, startImportSession, writeResolver } from "@kttt/core";
import { ID } from "type-graphql";
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
import * as inputs from "../types/inputs";

const write = inputWrites((ctx: MembershipContext) => new OrganizationMutations(ctx.dataSource));
const load = importWrites((ctx: MembershipContext) => new RecordImports(ctx.dataSource));

export const MembershipMutationResolver = writeResolver<MembershipContext>("MembershipMutationResolver", ALLIANCE, {
  registerOrganization: write(
    Organization,
    inputs.RegisterOrganizationInput,
    "register",
    "Register a cooperative, union or group with its founding members (đăng ký), in one transaction.",
  ),
  updateOrganization: write(
    Organization,
    inputs.UpdateOrganizationInput,
    "update",
    "Change an organisation's registered details (cập nhật); needs the version you read.",
  ),
  recordFinancialReport: write(
    FinancialReport,
    inputs.RecordFinancialReportInput,
    "recordFinancialReport",
    "Record or correct a year's figures (báo cáo năm).",
  ),
  recordClassification: write(
    Classification,
    inputs.RecordClassificationInput,
    "recordClassification",
    "Record or correct a year's classification (phân loại, đánh giá).",
  ),
  addMember: write(Member, inputs.AddMemberInput, "addMember", "Add a member (kết nạp thành viên)."),
  endMembership: write(Member, inputs.EndMembershipInput, "endMembership", "End a membership (chấm dứt tư cách thành viên)."),
  dissolveOrganization: write(
    Organization,
    inputs.DissolveOrganizationInput,
    "dissolve",
    "Dissolve an organisation (giải thể); it stays on record with its history.",
  ),
  importOrganizations: {
    type: () => ImportOrganizationsPayload,
    rows: OrganizationImportRow,
    args: [
      {
        name: "session",
        type: () => ID,
        options: {
          nullable: true,
          description:
            "An open import session (startMembershipImport): the batch is checked and written in the session's transaction, kept only when " +
            "finishMembershipImport commits it (phiên nhập). Without it the batch is its own transaction.",
        },
      },
    ],
    description:
      `Import a register's organisations (nhập danh sách tổ chức từ tệp), up to ${MAX_IMPORT_ROWS} rows in one transaction: ` +
      "each row is checked by the rules of registerOrganization and updateOrganization and matched on its registration " +
      "number (a group on kind, unit and name); the result says per row created, updated, unchanged or invalid. Nothing is " +
      "written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
    run: (ctx, rows: OrganizationImportRow[], dryRun: boolean, skipInvalid: boolean, session: string | null) => {
      const id = sessionArgument(session);
      return new OrganizationImport(ctx.dataSource).run(rows, dryRun, skipInvalid, id ? { id, owner: ctx.principal.subject } : null);
    },
  },
  startMembershipImport: {
    type: () => ImportSession,
    description:
      "Open an import session (mở phiên nhập) for a file longer than one call: every batch sent with its id is checked and written in one " +
      "transaction, which finishMembershipImport commits (all or nothing) or rolls back; a session idle for two minutes is rolled back.",
    run: (ctx) => startImportSession(ctx.dataSource, ctx.principal.subject),
  },
  finishMembershipImport: {
    type: () => ImportSession,
    args: [
      { name: "session", type: () => ID, options: { description: "The session startMembershipImport opened (mã phiên)." } },
      { name: "commit", type: () => Boolean, options: { description: "True to keep what the session wrote, false to roll it back (ghi hay hủy)." } },
    ],
    description:
      "Finish an import session (kết thúc phiên nhập): commit every batch it wrote, in one transaction, or roll them all back. " +
      "Committing a session one of whose batches had invalid rows (without skipInvalid) is refused (SESSION_HAS_INVALID_ROWS) and rolls it back.",
    run: (ctx, session: string, commit: boolean) => finishImportSession(session, ctx.principal.subject, commit),
  },
  importMembers: load(
    ImportRecordsPayload,
    MemberImportRow,
    "members",
    `Import a member register (nhập danh sách thành viên), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row names its ` +
      "organisation (registration number, or name with its unit), is checked by the rules of addMember and matched on organisation, " +
      "name and joining date; an active organisation keeps its minimum of official members. The result says per row created, " +
      "updated, unchanged or invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
  ),
  importFinancialReports: load(
    ImportRecordsPayload,
    FinancialReportImportRow,
    "financialReports",
    `Import organisations' yearly figures (nhập báo cáo tài chính năm), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row ` +
      "is checked by the rules of recordFinancialReport and matched on organisation and year (a year already recorded is corrected " +
      "to the row's figures). Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
  ),
  importClassifications: load(
    ImportRecordsPayload,
    ClassificationImportRow,
    "classifications",
    `Import classifications (nhập kết quả phân loại, đánh giá), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row is ` +
      "checked by the rules of recordClassification (a rating must be the one its score earns) and matched on organisation, year " +
      "and scheme. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
  ),
});
