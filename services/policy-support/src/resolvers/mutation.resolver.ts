import { ALLIANCE, Role, writeResolver } from "@kttt/core";
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

const INPUT = "What to record; see the input type.";
/** Money (allocations and payments) is for Alliance administrators and Sở Tài chính (SO_TC). */
const MONEY = [Role.ALLIANCE_ADMIN, "DEPARTMENT:SO_TC"];
const writes = (ctx: PolicySupportContext) => new PolicyMutations(ctx.dataSource, ctx.lookup);

export const PolicySupportMutationResolver = writeResolver<PolicySupportContext>("PolicySupportMutationResolver", [...ALLIANCE, "DEPARTMENT:SO_KHDT"], {
  issueLegalDocument: {
    type: () => LegalDocument,
    input: IssueLegalDocumentInput,
    inputDescription: INPUT,
    description: "Record a newly issued legal document (ban hành văn bản), optionally replacing an older one.",
    run: (ctx, input: IssueLegalDocumentInput) => writes(ctx).issueLegalDocument(input),
  },
  createSupportPolicy: {
    type: () => SupportPolicy,
    input: CreateSupportPolicyInput,
    inputDescription: INPUT,
    description: "Create a support policy with its legal basis (ban hành chính sách hỗ trợ).",
    run: (ctx, input: CreateSupportPolicyInput) => writes(ctx).createSupportPolicy(input),
  },
  createSupportProgramme: {
    type: () => SupportProgramme,
    input: CreateSupportProgrammeInput,
    inputDescription: INPUT,
    description: "Create a support programme with its budget (giao kế hoạch, dự toán).",
    run: (ctx, input: CreateSupportProgrammeInput) => writes(ctx).createSupportProgramme(input),
  },
  recordBeneficiary: {
    roles: MONEY,
    type: () => SupportBeneficiary,
    input: RecordBeneficiaryInput,
    inputDescription: INPUT,
    description: "Approve support for an organisation under a programme (phê duyệt hỗ trợ).",
    run: (ctx, input: RecordBeneficiaryInput) => writes(ctx).recordBeneficiary(input),
  },
  recordDisbursement: {
    roles: MONEY,
    type: () => SupportBeneficiary,
    input: RecordDisbursementInput,
    inputDescription: INPUT,
    description:
      "Record a payment (giải ngân). The total paid may not exceed the approved amount unless overrideReason says why; answers the updated allocation.",
    run: (ctx, input: RecordDisbursementInput) => writes(ctx).recordDisbursement(input),
  },
  recordDevelopmentPlan: {
    type: () => DevelopmentPlan,
    input: RecordDevelopmentPlanInput,
    inputDescription: INPUT,
    description: "Record a year's development plan and its targets (kế hoạch phát triển KTTT).",
    run: (ctx, input: RecordDevelopmentPlanInput) => writes(ctx).recordDevelopmentPlan(input),
  },
  recordPlanActuals: {
    type: () => DevelopmentPlan,
    input: RecordPlanActualsInput,
    inputDescription: INPUT,
    description: "Record or correct a plan's results (kết quả thực hiện); needs the plan's version.",
    run: (ctx, input: RecordPlanActualsInput) => writes(ctx).recordPlanActuals(input),
  },
  importBeneficiaries: {
    roles: MONEY,
    type: () => ImportSupportPayload,
    rows: BeneficiaryImportRow,
    description:
      `Import a programme's approved allocations (nhập danh sách đối tượng thụ hưởng từ tệp), up to ${MAX_SUPPORT_IMPORT_ROWS} rows in one ` +
      "transaction: each row is checked by the rules of recordBeneficiary (organisations asked of membership in one batched look-up, budget " +
      "lines counted across the file) and matched on its programme and organisation; the result says per row created, updated, unchanged " +
      "or invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
    run: (ctx, rows: BeneficiaryImportRow[], dryRun: boolean, skipInvalid: boolean) =>
      new SupportImport(ctx.dataSource, ctx.lookup).beneficiaries(rows, dryRun, skipInvalid),
  },
  importDisbursements: {
    roles: MONEY,
    type: () => ImportSupportPayload,
    rows: DisbursementImportRow,
    description:
      `Import payments to beneficiaries (nhập danh sách giải ngân từ tệp), up to ${MAX_SUPPORT_IMPORT_ROWS} rows in one transaction: each ` +
      "row is checked by the rules of recordDisbursement, the total paid counted across the file; a payment already recorded (same " +
      "beneficiary, day and amount) is unchanged, a new one is UPDATED on its beneficiary. Nothing is written when a row is invalid unless " +
      "skipInvalid; nothing at all on a dry run. Every payment written leaves its audit record.",
    run: (ctx, rows: DisbursementImportRow[], dryRun: boolean, skipInvalid: boolean) =>
      new SupportImport(ctx.dataSource, ctx.lookup).disbursements(rows, dryRun, skipInvalid),
  },
});
