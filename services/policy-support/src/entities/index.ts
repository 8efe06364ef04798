import { Agency } from "./agency";
import { Disbursement, SupportBeneficiary } from "./beneficiary";
import { DevelopmentPlan, PlanTarget } from "./development-plan";
import { LegalDocument } from "./legal-document";
import { PolicyLegalBasis, SupportPolicy } from "./support-policy";
import { ProgrammeFunding, SupportProgramme } from "./support-programme";

export const entities = [
  Agency,
  DevelopmentPlan,
  Disbursement,
  LegalDocument,
  PlanTarget,
  PolicyLegalBasis,
  ProgrammeFunding,
  SupportBeneficiary,
  SupportPolicy,
  SupportProgramme,
];
