import { IsOptional, Matches, ValidateNested } from "class-validator";
import { InputType } from "type-graphql";
import {
  MutationInput,
  OptionalNestedField,
  OptionalTextInput,
  TextInput,
  FieldOf,
  AdminUnitCodeField,
  IntRangeInput,
  RegistrationNumberInput,
} from "@kttt/core";
import { OcopGroup, OcopLevel, OcopLocalOwnerType } from "../domain/enums";

/** E.g. 1234/QĐ-UBND, 56/QĐ-TTg. */
const DECISION_NUMBER = /^[0-9]{1,6}\/QĐ-[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*$/u;
const DECISION_MESSAGE = "decisionNumber must look like 1234/QĐ-UBND.";

@InputType({ description: "An enterprise or household business to record as the owner (chủ thể mới)." })
export class NewOcopLocalOwnerInput {
  @FieldOf.of(OcopLocalOwnerType, "Enterprise or household business.")
  type: OcopLocalOwnerType;

  @TextInput(3, 300, "Registered name, with diacritics.")
  name: string;

  @RegistrationNumberInput("Tax or registration number: 10 digits, optionally -3 digits for a branch.")
  registrationNumber: string;

  @AdminUnitCodeField(
    "Code of the unit where it is registered, in force on the product's `registeredOn`: a commune (5 digits, recorded with that date) or, before 2025-07-01, a district.",
  )
  adminUnitCode: string;

  @OptionalTextInput(0, 500, "Address.")
  address?: string;

  @OptionalTextInput(2, 200, "Representative or household head.")
  representative?: string;
}

@InputType({ description: "Who owns the product (chủ thể): give exactly one of the three." })
export class OcopOwnerInput {
  @FieldOf.id("A cooperative, cooperative group or union of the membership subgraph, by its id.", { nullable: true })
  @IsOptional()
  organizationId?: string;

  @FieldOf.id("An enterprise or household business already recorded here.", { nullable: true })
  @IsOptional()
  localOwnerId?: string;

  @OptionalNestedField(() => NewOcopLocalOwnerInput, "A new enterprise or household business, recorded with the product.")
  newLocalOwner?: NewOcopLocalOwnerInput;
}

@InputType({ description: "Register a product for OCOP assessment (đăng ký sản phẩm OCOP)." })
export class RegisterOcopProductInput extends MutationInput {
  @TextInput(3, 300, "Product name, with diacritics.")
  name: string;

  @FieldOf.of(OcopGroup, "Product group.")
  group: OcopGroup;

  @TextInput(2, 200, "Subgroup of the group, e.g. Gia vị (see `ocopSubgroups`).")
  subgroup: string;

  @AdminUnitCodeField(
    "Code of the unit where it is produced, in force on `registeredOn` (else BAD_USER_INPUT naming the units that replaced it): a commune (5 digits; " +
      "recorded with that date, its district before 2025-07-01 becomes `adminUnitCode`) or, before 2025-07-01, a district (3 digits; no commune recorded).",
  )
  adminUnitCode: string;

  @FieldOf.date("Date of registration (ngày đăng ký); not in the future.")
  registeredOn: string;

  @OptionalTextInput(0, 2000, "Short description.")
  description?: string;

  @FieldOf.of(OcopOwnerInput, "The owner.")
  @ValidateNested()
  owner: OcopOwnerInput;
}

@InputType({ description: "The result of an assessment (kết quả đánh giá, phân hạng): score parts, stars, level and decision." })
export class OcopAssessmentInput extends MutationInput {
  @FieldOf.id("The product.")
  productId: string;

  @IntRangeInput(0, 40, "Part A, product and community strength: 0–40.")
  scoreA: number;

  @IntRangeInput(0, 25, "Part B, marketing capacity: 0–25.")
  scoreB: number;

  @IntRangeInput(0, 35, "Part C, product quality: 0–35.")
  scoreC: number;

  @FieldOf.int("Stars recognised; must match the total score's band (3★ 50–69, 4★ 70–89, 5★ 90–100).")
  stars: number;

  @FieldOf.of(OcopLevel, "Level that recognised them; must match the stars and date (omit to have it derived).", { nullable: true })
  level?: OcopLevel;

  @FieldOf.text("Number of the recognition decision, e.g. 1234/QĐ-UBND.")
  @Matches(DECISION_NUMBER, { message: DECISION_MESSAGE })
  decisionNumber: string;

  @FieldOf.date("Date of the decision; not in the future, not before the product's registration.")
  decidedOn: string;
}

@InputType({ description: "Certify a product for the first time (công nhận sản phẩm OCOP lần đầu)." })
export class CertifyOcopProductInput extends OcopAssessmentInput {}

@InputType({ description: "Re-assess a certified product (đánh giá lại): upgrade, downgrade or renewal; the earlier certificate stays as history." })
export class ReassessOcopProductInput extends OcopAssessmentInput {}

@InputType({ description: "Revoke the certificate in force of a product (thu hồi giấy chứng nhận OCOP)." })
export class RevokeOcopCertificationInput extends MutationInput {
  @FieldOf.id("The product.")
  productId: string;

  @FieldOf.date("Date of revocation; the certificate must be in force on it.")
  revokedOn: string;

  @TextInput(3, 500, "Why (lý do thu hồi).")
  reason: string;

  @FieldOf.text("Number of the revocation decision, e.g. 88/QĐ-UBND.")
  @Matches(DECISION_NUMBER, { message: DECISION_MESSAGE })
  decisionNumber: string;
}
