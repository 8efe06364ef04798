import { ConnectionType } from "@kttt/core";
import { Disbursement, SupportBeneficiary } from "../entities/beneficiary";
import { LegalDocument } from "../entities/legal-document";
import { SupportPolicy } from "../entities/support-policy";
import { SupportProgramme } from "../entities/support-programme";

export const LegalDocumentConnection = ConnectionType(LegalDocument, "LegalDocument", "legal document (văn bản)");
export const SupportPolicyConnection = ConnectionType(SupportPolicy, "SupportPolicy", "support policy (chính sách hỗ trợ)");
export const SupportProgrammeConnection = ConnectionType(SupportProgramme, "SupportProgramme", "support programme (chương trình hỗ trợ)");
export const SupportBeneficiaryConnection = ConnectionType(
  SupportBeneficiary,
  "SupportBeneficiary",
  "allocation of support to an organisation (đối tượng thụ hưởng)",
);
export const DisbursementConnection = ConnectionType(Disbursement, "Disbursement", "payment to a beneficiary (lần giải ngân)");
