import { IsOptional, Matches } from "class-validator";
import { ArgsType, InputType } from "type-graphql";
import { ConnectionArgs, FilteredListArgs, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, OptionalYearField, FieldOf } from "@kttt/core";
import { LegalDocumentType, OrganizationKind, PolicyKind, ProgrammeStatus } from "../domain/enums";

const SEARCH_DESCRIPTION = 'Words to find, with or without diacritics (tìm kiếm): "nghi dinh hop tac xa" finds "Nghị định … hợp tác xã".';

@InputType({ description: "Filters for legal documents (bộ lọc văn bản); all given conditions must hold." })
export class LegalDocumentFilter {
  @FieldOf.of(LegalDocumentType, "Only this kind of document (loại văn bản).", { nullable: true })
  type?: LegalDocumentType;

  @SearchField(`${SEARCH_DESCRIPTION} Searches the number, title and issuer.`)
  search?: string;
}

@ArgsType()
export class LegalDocumentListArgs extends FilteredListArgs(() => LegalDocumentFilter, "Conditions on the documents.") {}

@InputType({ description: "Filters for support policies (bộ lọc chính sách); all given conditions must hold." })
export class SupportPolicyFilter {
  @FieldOf.of(PolicyKind, "Only this kind of support (loại hỗ trợ).", { nullable: true })
  kind?: PolicyKind;

  @FieldOf.of(OrganizationKind, "Only policies this legal form may benefit from (đối tượng).", { nullable: true })
  eligibleFor?: OrganizationKind;

  @SearchField(`${SEARCH_DESCRIPTION} Searches the code, name and description.`)
  search?: string;
}

@ArgsType()
export class SupportPolicyListArgs extends FilteredListArgs(() => SupportPolicyFilter, "Conditions on the policies.") {}

@InputType({ description: "Filters for support programmes (bộ lọc chương trình); all given conditions must hold." })
export class SupportProgrammeFilter {
  @FieldOf.of(PolicyKind, "Only programmes of this kind of support (loại hỗ trợ).", { nullable: true })
  kind?: PolicyKind;

  @FieldOf.text("Only programmes of this agency, by its code (mã cơ quan), e.g. SO-CT or UBND-444.", { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,20}$/u, { message: "agency must be an agency code such as SO-CT or UBND-444." })
  agency?: string;

  @OptionalYearField("Only programmes running at some time in this year (năm).")
  year?: number;

  @OptionalAdminUnitCodeField(
    "Only programmes that reach this unit (mã đơn vị hành chính) on `adminUnitAsOf`: run by its People's Committee (a district's, or one merged into it), or with a beneficiary lying there " +
      "(by its commune). A commune (5 digits, e.g. 18202 for xã Tứ Mỹ) or a district (3 digits, e.g. 444).",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @FieldOf.id("Only programmes carrying out this policy.", { nullable: true })
  policyId?: string;

  @FieldOf.of(ProgrammeStatus, "Only open or only closed programmes (trạng thái).", { nullable: true })
  status?: ProgrammeStatus;

  @SearchField(`${SEARCH_DESCRIPTION} Searches the code and name.`)
  search?: string;
}

@ArgsType()
export class SupportProgrammeListArgs extends FilteredListArgs(() => SupportProgrammeFilter, "Conditions on the programmes.") {}

@ArgsType()
export class SupportReceivedArgs extends ConnectionArgs {
  @OptionalYearField("Only support approved in this year (năm phê duyệt).")
  year?: number;
}
