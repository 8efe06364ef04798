import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, OptionalYearField, OptionalNestedField } from "@kttt/core";
import { MembershipType, MemberStatusFilter, OrganizationKind, OrganizationOrder, OrganizationStatus, Rating, Sector } from "../domain/enums";

@InputType({ description: "Filters for organisation lists (bộ lọc); all given conditions must hold." })
export class OrganizationFilter {
  @OptionalAdminUnitCodeField(
    "Only organisations lying in this administrative unit (mã đơn vị hành chính) on `adminUnitAsOf`: a commune (5 digits, e.g. 18202 for xã Tứ Mỹ) " +
      "or a district (3 digits, e.g. 444). A record counts where its commune lay on that date, so district 445 on 2025-06-30 includes the former Lộc Hà.",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @Field(() => Sector, { nullable: true, description: "Only this sector (lĩnh vực)." })
  sector?: Sector;

  @Field(() => Rating, { nullable: true, description: "Only organisations with this rating (xếp loại) in `ratingYear`." })
  rating?: Rating;

  @OptionalYearField("Year of the rating filter; default: the latest year rated.")
  ratingYear?: number;

  @Field(() => OrganizationStatus, { nullable: true, description: "Only this operating status (tình trạng)." })
  status?: OrganizationStatus;

  @SearchField(
    'Words to find in the name or registration number, with or without diacritics (tìm kiếm): "hop tac xa nong nghiep" finds "Hợp tác xã Nông nghiệp …".',
  )
  search?: string;

  @Field({
    nullable: true,
    description: "Only members of the provincial Cooperative Alliance (thành viên Liên minh HTX) when true; only non-members when false.",
  })
  allianceMember?: boolean;
}

@ArgsType()
export class OrganizationListArgs extends ConnectionArgs {
  @OptionalNestedField(() => OrganizationFilter, "Conditions on the organisations.")
  filter?: OrganizationFilter;

  @Field(() => OrganizationOrder, { defaultValue: OrganizationOrder.NAME_ASC, description: "Sort order." })
  orderBy: OrganizationOrder;
}

@ArgsType()
export class OrganizationsArgs extends OrganizationListArgs {
  @Field(() => OrganizationKind, { nullable: true, description: "Only this legal form (loại hình)." })
  kind?: OrganizationKind;
}

@ArgsType()
export class MemberListArgs extends ConnectionArgs {
  @Field(() => MemberStatusFilter, { defaultValue: MemberStatusFilter.CURRENT, description: "Current, former or all members." })
  status: MemberStatusFilter;

  @Field(() => MembershipType, { nullable: true, description: "Only this kind of membership." })
  membershipType?: MembershipType;
}

export const ORDER_KEYS = {
  NAME_ASC: ["o.name", "ASC"],
  NAME_DESC: ["o.name", "DESC"],
  ESTABLISHED_ON_ASC: ["o.established_on", "ASC"],
  ESTABLISHED_ON_DESC: ["o.established_on", "DESC"],
} as const;
