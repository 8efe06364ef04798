import { ALLIANCE, importWrites, inputWrites, Role, SEE_INPUT_TYPE, writeResolver } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { SupportBeneficiary } from "../entities/beneficiary";
import { DevelopmentPlan } from "../entities/development-plan";
import { LegalDocument } from "../entities/legal-document";
import { SupportPolicy } from "../entities/support-policy";
import { SupportProgramme } from "../entities/support-programme";
import { PolicyMutations } from "../services/policy-mutations";
import { SupportImport } from "../services/support-import";
import { BeneficiaryImportRow, DisbursementImportRow, ImportSupportPayload, MAX_SUPPORT_IMPORT_ROWS } from "../types/import";
import * as inputs from "../types/inputs";

/** Money (allocations and payments) is for Alliance administrators and Sở Tài chính (SO_TC). */
const MONEY = [Role.ALLIANCE_ADMIN, "DEPARTMENT:SO_TC"];
const write = inputWrites((ctx: PolicySupportContext) => new PolicyMutations(ctx.dataSource, ctx.lookup), SEE_INPUT_TYPE);
const load = importWrites((ctx: PolicySupportContext) => new SupportImport(ctx.dataSource, ctx.lookup));

export const PolicySupportMutationResolver = writeResolver<PolicySupportContext>("PolicySupportMutationResolver", [...ALLIANCE, "DEPARTMENT:SO_KHDT"], {
  issueLegalDocument: write(
    LegalDocument,
    inputs.IssueLegalDocumentInput,
    "issueLegalDocument",
    "Record a newly issued legal document (ban hành văn bản), optionally replacing an older one.",
  ),
  createSupportPolicy: write(
    SupportPolicy,
    inputs.CreateSupportPolicyInput,
    "createSupportPolicy",
    "Create a support policy with its legal basis (ban hành chính sách hỗ trợ).",
  ),
  createSupportProgramme: write(
    SupportProgramme,
    inputs.CreateSupportProgrammeInput,
    "createSupportProgramme",
    "Create a support programme with its budget (giao kế hoạch, dự toán).",
  ),
  recordBeneficiary: write(
    SupportBeneficiary,
    inputs.RecordBeneficiaryInput,
    "recordBeneficiary",
    "Approve support for an organisation under a programme (phê duyệt hỗ trợ).",
    { roles: MONEY },
  ),
  recordDisbursement: write(
    SupportBeneficiary,
    inputs.RecordDisbursementInput,
    "recordDisbursement",
    "Record a payment (giải ngân). The total paid may not exceed the approved amount unless overrideReason says why; answers the updated allocation.",
    { roles: MONEY },
  ),
  recordDevelopmentPlan: write(
    DevelopmentPlan,
    inputs.RecordDevelopmentPlanInput,
    "recordDevelopmentPlan",
    "Record a year's development plan and its targets (kế hoạch phát triển KTTT).",
  ),
  recordPlanActuals: write(
    DevelopmentPlan,
    inputs.RecordPlanActualsInput,
    "recordPlanActuals",
    "Record or correct a plan's results (kết quả thực hiện); needs the plan's version.",
  ),
  importBeneficiaries: load(
    ImportSupportPayload,
    BeneficiaryImportRow,
    "beneficiaries",
    `Import a programme's approved allocations (nhập danh sách đối tượng thụ hưởng từ tệp), up to ${MAX_SUPPORT_IMPORT_ROWS} rows in one ` +
      "transaction: each row is checked by the rules of recordBeneficiary (organisations asked of membership in one batched look-up, budget " +
      "lines counted across the file) and matched on its programme and organisation; the result says per row created, updated, unchanged " +
      "or invalid. Nothing is written when a row is invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
    { roles: MONEY },
  ),
  importDisbursements: load(
    ImportSupportPayload,
    DisbursementImportRow,
    "disbursements",
    `Import payments to beneficiaries (nhập danh sách giải ngân từ tệp), up to ${MAX_SUPPORT_IMPORT_ROWS} rows in one transaction: each ` +
      "row is checked by the rules of recordDisbursement, the total paid counted across the file; a payment already recorded (same " +
      "beneficiary, day and amount) is unchanged, a new one is UPDATED on its beneficiary. Nothing is written when a row is invalid unless " +
      "skipInvalid; nothing at all on a dry run. Every payment written leaves its audit record.",
    { roles: MONEY },
  ),
});
