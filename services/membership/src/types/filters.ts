import { ArgsType, InputType } from "type-graphql";
import { ConnectionArgs, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, OptionalYearField, SortedListArgs, FieldOf } from "@kttt/core";
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

  @FieldOf.of(Sector, "Only this sector (lĩnh vực).", { nullable: true })
  sector?: Sector;

  @FieldOf.of(Rating, "Only organisations with this rating (xếp loại) in `ratingYear`.", { nullable: true })
  rating?: Rating;

  @OptionalYearField("Year of the rating filter; default: the latest year rated.")
  ratingYear?: number;

  @FieldOf.of(OrganizationStatus, "Only this operating status (tình trạng).", { nullable: true })
  status?: OrganizationStatus;

  @SearchField(
    'Words to find in the name or registration number, with or without diacritics (tìm kiếm): "hop tac xa nong nghiep" finds "Hợp tác xã Nông nghiệp …".',
  )
  search?: string;

  @FieldOf.boolean("Only members of the provincial Cooperative Alliance (thành viên Liên minh HTX) when true; only non-members when false.", { nullable: true })
  allianceMember?: boolean;
}

@ArgsType()
export class OrganizationListArgs extends SortedListArgs(
  () => OrganizationFilter,
  "Conditions on the organisations.",
  OrganizationOrder,
  OrganizationOrder.NAME_ASC,
) {}

@ArgsType()
export class OrganizationsArgs extends OrganizationListArgs {
  @FieldOf.of(OrganizationKind, "Only this legal form (loại hình).", { nullable: true })
  kind?: OrganizationKind;
}

@ArgsType()
export class MemberListArgs extends ConnectionArgs {
  @FieldOf.of(MemberStatusFilter, "Current, former or all members.", { defaultValue: MemberStatusFilter.CURRENT })
  status: MemberStatusFilter;

  @FieldOf.of(MembershipType, "Only this kind of membership.", { nullable: true })
  membershipType?: MembershipType;
}

export const ORDER_KEYS = {
  NAME_ASC: ["o.name", "ASC"],
  NAME_DESC: ["o.name", "DESC"],
  ESTABLISHED_ON_ASC: ["o.established_on", "ASC"],
  ESTABLISHED_ON_DESC: ["o.established_on", "DESC"],
} as const;
