import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar } from "@kttt/core";
import { AdminUnitRef } from "../entities/external";
import { OcopGroupBy } from "../domain/enums";

@ObjectType({ description: "OCOP figures on a date (số liệu OCOP): products by status, stars and owner, and the certificates about to lapse." })
export class OcopFigures {
  @Field(() => Int, { description: "Products with a certificate in force (sản phẩm OCOP còn hiệu lực)." })
  activeProducts: number;

  @Field(() => Int, { description: "Products whose latest certificate has lapsed (hết hạn)." })
  expiredProducts: number;

  @Field(() => Int, { description: "Products whose latest certificate was revoked (bị thu hồi)." })
  revokedProducts: number;

  @Field(() => Int, { description: "Active products with 3 stars." })
  threeStarProducts: number;

  @Field(() => Int, { description: "Active products with 4 stars." })
  fourStarProducts: number;

  @Field(() => Int, { description: "Active products with 5 stars." })
  fiveStarProducts: number;

  @Field(() => Int, { description: "Active products owned by cooperatives, cooperative groups or unions (của HTX, THT)." })
  collectiveOwnedProducts: number;

  @Field(() => Int, { description: "Distinct cooperatives, groups and unions owning an active product (số HTX, THT có sản phẩm OCOP)." })
  collectiveOwners: number;

  @Field(() => Int, { description: "Active products of enterprises and household businesses (của doanh nghiệp, hộ kinh doanh)." })
  otherOwnedProducts: number;

  @Field(() => Int, { description: "Active products whose certificate ends within 90 days after the date (sắp hết hạn trong 90 ngày)." })
  expiringWithin90Days: number;

  @Field(() => Int, { description: "Active products whose certificate ends within 180 days after the date (includes the 90-day ones)." })
  expiringWithin180Days: number;
}

@ObjectType({ description: "One group of an OCOP statistics breakdown (một nhóm)." })
export class OcopStatisticsGroup {
  @Field(() => String, {
    nullable: true,
    description: "Key of the group: 3/4/5, an OcopGroup, a unit code or an OcopOwnerType; null for products no unit of the map can hold (unplaced).",
  })
  key: string | null;

  @Field({ description: "Vietnamese label of the group (tên nhóm)." })
  label: string;

  @Field(() => AdminUnitRef, { nullable: true, description: "The administrative unit, when grouped by unit." })
  adminUnit: AdminUnitRef | null;

  @Field(() => OcopFigures, { description: "The group's figures." })
  figures: OcopFigures;
}

@ObjectType({ description: "OCOP statistics of the province on a date (thống kê sản phẩm OCOP)." })
export class OcopStatistics {
  @Field(() => LocalDateScalar, { description: "The date the figures hold on (tính đến ngày)." })
  asOf: string;

  @Field(() => OcopGroupBy, { nullable: true, description: "The breakdown asked for." })
  groupBy: OcopGroupBy | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "With groupBy: ADMIN_UNIT, the date of the map the groups follow (ngày của bản đồ hành chính): `asOf`, or today for the TODAY re-cut.",
  })
  unitMapDate: string | null;

  @Field(() => OcopFigures, { description: "Figures for the whole province (toàn tỉnh)." })
  total: OcopFigures;

  @Field(() => [OcopStatisticsGroup], { description: "Figures per group, in key order (the unplaced group, with a null key, last); empty without groupBy." })
  groups: OcopStatisticsGroup[];
}
