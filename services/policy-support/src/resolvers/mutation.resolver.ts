import { ALLIANCE, ImportArg, Role } from "@kttt/core";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { PolicySupportContext } from "../context";
import { SupportBeneficiary } from "../entities/beneficiary";
import { DevelopmentPlan } from "../entities/development-plan";
import { LegalDocument } from "../entities/legal-document";
import { SupportPolicy } from "../entities/support-policy";
import { SupportProgramme } from "../entities/support-programme";
import { PolicyMutations } from "../services/policy-mutations";
import { SupportImport } from "../services/support-import";
import { BeneficiaryImportRow, DisbursementImportRow, ImportSupportPayload, MAX_SUPPORT_IMPORT_ROWS } from "../types/import";
import {
  CreateSupportPolicyInput,
  CreateSupportProgrammeInput,
  IssueLegalDocumentInput,
  RecordBeneficiaryInput,
  RecordDevelopmentPlanInput,
  RecordDisbursementInput,
  RecordPlanActualsInput,
} from "../types/inputs";

@Resolver()
export class PolicySupportMutationResolver {
  @Authorized(...ALLIANCE, "DEPARTMENT:SO_KHDT")
  @Mutation(() => LegalDocument, { description: "Record a newly issued legal document (ban hành văn bản), optionally replacing an older one." })
  issueLegalDocument(
    @Arg("input", { description: "What to record; see the input type." }) input: IssueLegalDocumentInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<LegalDocument> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).issueLegalDocument(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_KHDT")
  @Mutation(() => SupportPolicy, { description: "Create a support policy with its legal basis (ban hành chính sách hỗ trợ)." })
  createSupportPolicy(
    @Arg("input", { description: "What to record; see the input type." }) input: CreateSupportPolicyInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<SupportPolicy> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).createSupportPolicy(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_KHDT")
  @Mutation(() => SupportProgramme, { description: "Create a support programme with its budget (giao kế hoạch, dự toán)." })
  createSupportProgramme(
    @Arg("input", { description: "What to record; see the input type." }) input: CreateSupportProgrammeInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<SupportProgramme> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).createSupportProgramme(input);
  }

  @Authorized(Role.ALLIANCE_ADMIN, "DEPARTMENT:SO_TC")
  @Mutation(() => SupportBeneficiary, { description: "Approve support for an organisation under a programme (phê duyệt hỗ trợ)." })
  recordBeneficiary(
    @Arg("input", { description: "What to record; see the input type." }) input: RecordBeneficiaryInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<SupportBeneficiary> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).recordBeneficiary(input);
  }

  @Authorized(Role.ALLIANCE_ADMIN, "DEPARTMENT:SO_TC")
  @Mutation(() => SupportBeneficiary, {
    description:
      "Record a payment (giải ngân). The total paid may not exceed the approved amount unless overrideReason says why; answers the updated allocation.",
  })
  recordDisbursement(
    @Arg("input", { description: "What to record; see the input type." }) input: RecordDisbursementInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<SupportBeneficiary> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).recordDisbursement(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_KHDT")
  @Mutation(() => DevelopmentPlan, { description: "Record a year's development plan and its targets (kế hoạch phát triển KTTT)." })
  recordDevelopmentPlan(
    @Arg("input", { description: "What to record; see the input type." }) input: RecordDevelopmentPlanInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<DevelopmentPlan> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).recordDevelopmentPlan(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_KHDT")
  @Mutation(() => DevelopmentPlan, { description: "Record or correct a plan's results (kết quả thực hiện); needs the plan's version." })
  recordPlanActuals(
    @Arg("input", { description: "What to record; see the input type." }) input: RecordPlanActualsInput,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<DevelopmentPlan> {
    return new PolicyMutations(ctx.dataSource, ctx.lookup).recordPlanActuals(input);
  }

  @Authorized(Role.ALLIANCE_ADMIN, "DEPARTMENT:SO_TC")
  @Mutation(() => ImportSupportPayload, {
    description:
      `Import a programme's approved allocations (nhập danh sách đối tượng thụ hưởng từ tệp), up to ${MAX_SUPPORT_IMPORT_ROWS} rows in one ` +
      "transaction: each row is checked by the rules of recordBeneficiary (organisations asked of membership in one batched look-up, budget " +
      "lines counted across the file) and matched on its programme and organisation; the result says per row created, updated, unchanged " +
      "or invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
  })
  importBeneficiaries(
    @ImportArg.rows(() => [BeneficiaryImportRow]) rows: BeneficiaryImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<ImportSupportPayload> {
    return new SupportImport(ctx.dataSource, ctx.lookup).beneficiaries(rows, dryRun, skipInvalid);
  }

  @Authorized(Role.ALLIANCE_ADMIN, "DEPARTMENT:SO_TC")
  @Mutation(() => ImportSupportPayload, {
    description:
      `Import payments to beneficiaries (nhập danh sách giải ngân từ tệp), up to ${MAX_SUPPORT_IMPORT_ROWS} rows in one transaction: each ` +
      "row is checked by the rules of recordDisbursement, the total paid counted across the file; a payment already recorded (same " +
      "beneficiary, day and amount) is unchanged, a new one is UPDATED on its beneficiary. Nothing is written when a row is invalid unless " +
      "skipInvalid; nothing at all on a dry run. Every payment written leaves its audit record.",
  })
  importDisbursements(
    @ImportArg.rows(() => [DisbursementImportRow]) rows: DisbursementImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<ImportSupportPayload> {
    return new SupportImport(ctx.dataSource, ctx.lookup).disbursements(rows, dryRun, skipInvalid);
  }
}
