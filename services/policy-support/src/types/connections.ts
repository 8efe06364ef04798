import { ConnectionType } from "@kttt/core";
import { SupportBeneficiary } from "../entities/beneficiary";
import { LegalDocument } from "../entities/legal-document";
import { SupportPolicy } from "../entities/support-policy";
import { SupportProgramme } from "../entities/support-programme";

export const LegalDocumentConnection = ConnectionType(LegalDocument, "LegalDocument", "legal document (văn bản)");
export type LegalDocumentConnection = InstanceType<typeof LegalDocumentConnection>;
export const SupportPolicyConnection = ConnectionType(SupportPolicy, "SupportPolicy", "support policy (chính sách hỗ trợ)");
export type SupportPolicyConnection = InstanceType<typeof SupportPolicyConnection>;
export const SupportProgrammeConnection = ConnectionType(SupportProgramme, "SupportProgramme", "support programme (chương trình hỗ trợ)");
export type SupportProgrammeConnection = InstanceType<typeof SupportProgrammeConnection>;
export const SupportBeneficiaryConnection = ConnectionType(
  SupportBeneficiary,
  "SupportBeneficiary",
  "allocation of support to an organisation (đối tượng thụ hưởng)",
);
export type SupportBeneficiaryConnection = InstanceType<typeof SupportBeneficiaryConnection>;
