import { IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ConnectionArgs, LocalDateScalar, OptionalAdminUnitCodeField, AdminUnitAsOfField, SearchField, OptionalNestedField } from "@kttt/core";
import { OcopGroup, OcopOwnerType, OcopStatus, OcopProductOrder } from "../domain/enums";

@InputType({ description: "Filters for OCOP product lists (bộ lọc); all given conditions must hold." })
export class OcopProductFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: "Status, stars and expiry are judged as of this date (tính đến ngày); default: today." })
  asOf?: string;

  @Field(() => Int, { nullable: true, description: "Only products whose certificate on `asOf` has this many stars (hạng sao): 3, 4 or 5." })
  @IsOptional()
  @Min(3, { message: "stars must be 3, 4 or 5." })
  @Max(5, { message: "stars must be 3, 4 or 5." })
  stars?: number;

  @Field(() => OcopGroup, { nullable: true, description: "Only this product group (nhóm sản phẩm)." })
  group?: OcopGroup;

  @OptionalAdminUnitCodeField(
    "Only products made in this administrative unit (mã đơn vị hành chính) on `adminUnitAsOf`: a commune (5 digits, e.g. 18202 for xã Tứ Mỹ) " +
      "or a district (3 digits, e.g. 444). A product counts where its commune lay on that date, so district 445 on 2025-06-30 includes the former Lộc Hà.",
  )
  adminUnitCode?: string;

  @AdminUnitAsOfField()
  adminUnitAsOf?: string;

  @Field(() => OcopOwnerType, { nullable: true, description: "Only products of this kind of owner (loại chủ thể)." })
  ownerType?: OcopOwnerType;

  @Field(() => ID, { nullable: true, description: "Only products of this membership organisation (HTX, THT, LHHTX)." })
  ownerOrganizationId?: string;

  @Field(() => ID, { nullable: true, description: "Only products of this local owner (enterprise, household business)." })
  ownerId?: string;

  @Field(() => OcopStatus, { nullable: true, description: "Only products with this status on `asOf` (tình trạng)." })
  status?: OcopStatus;

  @Field(() => Int, { nullable: true, description: "Only products ACTIVE on `asOf` whose certificate ends within this many days (sắp hết hạn)." })
  @IsOptional()
  @Min(0, { message: "expiringWithinDays must be between 0 and 3650." })
  @Max(3650, { message: "expiringWithinDays must be between 0 and 3650." })
  expiringWithinDays?: number;

  @SearchField('Words to find in the name or subgroup, with or without diacritics (tìm kiếm): "mat ong" finds "Mật ong …".')
  search?: string;
}

@ArgsType()
export class OcopProductListArgs extends ConnectionArgs {
  @OptionalNestedField(() => OcopProductFilter, "Conditions on the products.")
  filter?: OcopProductFilter;

  @Field(() => OcopProductOrder, { defaultValue: OcopProductOrder.NAME_ASC, description: "Sort order." })
  orderBy: OcopProductOrder;
}

/** The products of one parent (an organisation, a unit, an owner), by name. */
@ArgsType()
export class OcopChildProductArgs extends ConnectionArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: "Status is judged as of this date (tính đến ngày); default: today." })
  asOf?: string;

  @Field(() => OcopStatus, { nullable: true, description: "Only products with this status on `asOf`; default: all." })
  status?: OcopStatus;

  @Field(() => Int, { nullable: true, description: "Only products with this many stars on `asOf`." })
  @IsOptional()
  @Min(3, { message: "stars must be 3, 4 or 5." })
  @Max(5, { message: "stars must be 3, 4 or 5." })
  stars?: number;

  @Field(() => OcopGroup, { nullable: true, description: "Only this product group." })
  group?: OcopGroup;
}

export const ORDER_KEYS = {
  NAME_ASC: ["p.name", "ASC", "name"],
  NAME_DESC: ["p.name", "DESC", "name"],
  REGISTERED_ON_ASC: ["p.registered_on", "ASC", "registeredOn"],
  REGISTERED_ON_DESC: ["p.registered_on", "DESC", "registeredOn"],
} as const;
