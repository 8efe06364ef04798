import { ALLIANCE, finishImportSession, ImportArg, ImportSession, sessionArgument, startImportSession } from "@kttt/core";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
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

@Resolver()
export class MembershipMutationResolver {
  @Authorized(...ALLIANCE)
  @Mutation(() => Organization, { description: "Register a cooperative, union or group with its founding members (đăng ký), in one transaction." })
  registerOrganization(@Arg("input") input: RegisterOrganizationInput, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return new OrganizationMutations(ctx.dataSource).register(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Organization, { description: "Change an organisation's registered details (cập nhật); needs the version you read." })
  updateOrganization(@Arg("input") input: UpdateOrganizationInput, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return new OrganizationMutations(ctx.dataSource).update(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => FinancialReport, { description: "Record or correct a year's figures (báo cáo năm)." })
  recordFinancialReport(@Arg("input") input: RecordFinancialReportInput, @Ctx() ctx: MembershipContext): Promise<FinancialReport> {
    return new OrganizationMutations(ctx.dataSource).recordFinancialReport(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Classification, { description: "Record or correct a year's classification (phân loại, đánh giá)." })
  recordClassification(@Arg("input") input: RecordClassificationInput, @Ctx() ctx: MembershipContext): Promise<Classification> {
    return new OrganizationMutations(ctx.dataSource).recordClassification(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Member, { description: "Add a member (kết nạp thành viên)." })
  addMember(@Arg("input") input: AddMemberInput, @Ctx() ctx: MembershipContext): Promise<Member> {
    return new OrganizationMutations(ctx.dataSource).addMember(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Member, { description: "End a membership (chấm dứt tư cách thành viên)." })
  endMembership(@Arg("input") input: EndMembershipInput, @Ctx() ctx: MembershipContext): Promise<Member> {
    return new OrganizationMutations(ctx.dataSource).endMembership(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Organization, { description: "Dissolve an organisation (giải thể); it stays on record with its history." })
  dissolveOrganization(@Arg("input") input: DissolveOrganizationInput, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return new OrganizationMutations(ctx.dataSource).dissolve(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => ImportOrganizationsPayload, {
    description:
      `Import a register's organisations (nhập danh sách tổ chức từ tệp), up to ${MAX_IMPORT_ROWS} rows in one transaction: ` +
      "each row is checked by the rules of registerOrganization and updateOrganization and matched on its registration " +
      "number (a group on kind, unit and name); the result says per row created, updated, unchanged or invalid. Nothing is " +
      "written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
  })
  importOrganizations(
    @ImportArg.rows(() => [OrganizationImportRow]) rows: OrganizationImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Arg("session", () => ID, {
      nullable: true,
      description:
        "An open import session (startMembershipImport): the batch is checked and written in the session's transaction, kept only when " +
        "finishMembershipImport commits it (phiên nhập). Without it the batch is its own transaction.",
    })
    session: string | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<ImportOrganizationsPayload> {
    const id = sessionArgument(session);
    return new OrganizationImport(ctx.dataSource).run(rows, dryRun, skipInvalid, id ? { id, owner: ctx.principal.subject } : null);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => ImportSession, {
    description:
      "Open an import session (mở phiên nhập) for a file longer than one call: every batch sent with its id is checked and written in one " +
      "transaction, which finishMembershipImport commits (all or nothing) or rolls back; a session idle for two minutes is rolled back.",
  })
  startMembershipImport(@Ctx() ctx: MembershipContext): Promise<ImportSession> {
    return startImportSession(ctx.dataSource, ctx.principal.subject);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => ImportSession, {
    description:
      "Finish an import session (kết thúc phiên nhập): commit every batch it wrote, in one transaction, or roll them all back. " +
      "Committing a session one of whose batches had invalid rows (without skipInvalid) is refused (SESSION_HAS_INVALID_ROWS) and rolls it back.",
  })
  finishMembershipImport(
    @Arg("session", () => ID, { description: "The session startMembershipImport opened (mã phiên)." }) session: string,
    @Arg("commit", { description: "True to keep what the session wrote, false to roll it back (ghi hay hủy)." }) commit: boolean,
    @Ctx() ctx: MembershipContext,
  ): Promise<ImportSession> {
    return finishImportSession(session, ctx.principal.subject, commit);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => ImportRecordsPayload, {
    description:
      `Import a member register (nhập danh sách thành viên), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row names its ` +
      "organisation (registration number, or name with its unit), is checked by the rules of addMember and matched on organisation, " +
      "name and joining date; an active organisation keeps its minimum of official members. The result says per row created, " +
      "updated, unchanged or invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
  })
  importMembers(
    @ImportArg.rows(() => [MemberImportRow]) rows: MemberImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: MembershipContext,
  ): Promise<ImportRecordsPayload> {
    return new RecordImports(ctx.dataSource).members(rows, dryRun, skipInvalid);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => ImportRecordsPayload, {
    description:
      `Import organisations' yearly figures (nhập báo cáo tài chính năm), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row ` +
      "is checked by the rules of recordFinancialReport and matched on organisation and year (a year already recorded is corrected " +
      "to the row's figures). Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
  })
  importFinancialReports(
    @ImportArg.rows(() => [FinancialReportImportRow]) rows: FinancialReportImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: MembershipContext,
  ): Promise<ImportRecordsPayload> {
    return new RecordImports(ctx.dataSource).financialReports(rows, dryRun, skipInvalid);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => ImportRecordsPayload, {
    description:
      `Import classifications (nhập kết quả phân loại, đánh giá), up to ${MAX_IMPORT_ROWS} rows in one transaction: each row is ` +
      "checked by the rules of recordClassification (a rating must be the one its score earns) and matched on organisation, year " +
      "and scheme. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run.",
  })
  importClassifications(
    @ImportArg.rows(() => [ClassificationImportRow]) rows: ClassificationImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: MembershipContext,
  ): Promise<ImportRecordsPayload> {
    return new RecordImports(ctx.dataSource).classifications(rows, dryRun, skipInvalid);
  }
}
