import { ArgsType, InputType } from "type-graphql";
import { ConnectionArgs, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, SortedListArgs, FieldOf, OptionalRangeInput } from "@kttt/core";
import { OcopGroup, OcopOwnerType, OcopStatus, OcopProductOrder } from "../domain/enums";

@InputType({ description: "Filters for OCOP product lists (bộ lọc); all given conditions must hold." })
export class OcopProductFilter {
  @FieldOf.date("Status, stars and expiry are judged as of this date (tính đến ngày); default: today.", { nullable: true })
  asOf?: string;

  @OptionalRangeInput(3, 5, "Only products whose certificate on `asOf` has this many stars (hạng sao): 3, 4 or 5.", { message: "stars must be 3, 4 or 5." })
  stars?: number;

  @FieldOf.of(OcopGroup, "Only this product group (nhóm sản phẩm).", { nullable: true })
  group?: OcopGroup;

  @OptionalAdminUnitCodeField(
    "Only products made in this administrative unit (mã đơn vị hành chính) on `adminUnitAsOf`: a commune (5 digits, e.g. 18202 for xã Tứ Mỹ) " +
      "or a district (3 digits, e.g. 444). A product counts where its commune lay on that date, so district 445 on 2025-06-30 includes the former Lộc Hà.",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @FieldOf.of(OcopOwnerType, "Only products of this kind of owner (loại chủ thể).", { nullable: true })
  ownerType?: OcopOwnerType;

  @FieldOf.id("Only products of this membership organisation (HTX, THT, LHHTX).", { nullable: true })
  ownerOrganizationId?: string;

  @FieldOf.id("Only products of this local owner (enterprise, household business).", { nullable: true })
  ownerId?: string;

  @FieldOf.of(OcopStatus, "Only products with this status on `asOf` (tình trạng).", { nullable: true })
  status?: OcopStatus;

  @OptionalRangeInput(0, 3650, "Only products ACTIVE on `asOf` whose certificate ends within this many days (sắp hết hạn).")
  expiringWithinDays?: number;

  @SearchField('Words to find in the name or subgroup, with or without diacritics (tìm kiếm): "mat ong" finds "Mật ong …".')
  search?: string;
}

@ArgsType()
export class OcopProductListArgs extends SortedListArgs(() => OcopProductFilter, "Conditions on the products.", OcopProductOrder, OcopProductOrder.NAME_ASC) {}

/** The products of one parent (an organisation, a unit, an owner), by name. */
@ArgsType()
export class OcopChildProductArgs extends ConnectionArgs {
  @FieldOf.date("Status is judged as of this date (tính đến ngày); default: today.", { nullable: true })
  asOf?: string;

  @FieldOf.of(OcopStatus, "Only products with this status on `asOf`; default: all.", { nullable: true })
  status?: OcopStatus;

  @OptionalRangeInput(3, 5, "Only products with this many stars on `asOf`.", { message: "stars must be 3, 4 or 5." })
  stars?: number;

  @FieldOf.of(OcopGroup, "Only this product group.", { nullable: true })
  group?: OcopGroup;
}

export const ORDER_KEYS = {
  NAME_ASC: ["p.name", "ASC", "name"],
  NAME_DESC: ["p.name", "DESC", "name"],
  REGISTERED_ON_ASC: ["p.registered_on", "ASC", "registeredOn"],
  REGISTERED_ON_DESC: ["p.registered_on", "DESC", "registeredOn"],
} as const;
