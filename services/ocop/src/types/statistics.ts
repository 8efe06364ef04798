import { ObjectType } from "type-graphql";
import { FieldOf, StatisticsGroupOf, StatisticsOf } from "@kttt/core";
import { AdminUnitRef } from "../entities/external";
import { OcopGroupBy } from "../domain/enums";

@ObjectType({ description: "OCOP figures on a date (số liệu OCOP): products by status, stars and owner, and the certificates about to lapse." })
export class OcopFigures {
  @FieldOf.int("Products with a certificate in force (sản phẩm OCOP còn hiệu lực).")
  activeProducts: number;

  @FieldOf.int("Products whose latest certificate has lapsed (hết hạn).")
  expiredProducts: number;

  @FieldOf.int("Products whose latest certificate was revoked (bị thu hồi).")
  revokedProducts: number;

  @FieldOf.int("Active products with 3 stars.")
  threeStarProducts: number;

  @FieldOf.int("Active products with 4 stars.")
  fourStarProducts: number;

  @FieldOf.int("Active products with 5 stars.")
  fiveStarProducts: number;

  @FieldOf.int("Active products owned by cooperatives, cooperative groups or unions (của HTX, THT).")
  collectiveOwnedProducts: number;

  @FieldOf.int("Distinct cooperatives, groups and unions owning an active product (số HTX, THT có sản phẩm OCOP).")
  collectiveOwners: number;

  @FieldOf.int("Active products of enterprises and household businesses (của doanh nghiệp, hộ kinh doanh).")
  otherOwnedProducts: number;

  @FieldOf.int("Active products whose certificate ends within 90 days after the date (sắp hết hạn trong 90 ngày).")
  expiringWithin90Days: number;

  @FieldOf.int("Active products whose certificate ends within 180 days after the date (includes the 90-day ones).")
  expiringWithin180Days: number;
}

@ObjectType({ description: "One group of an OCOP statistics breakdown (một nhóm)." })
export class OcopStatisticsGroup extends StatisticsGroupOf(
  OcopFigures,
  "Key of the group: 3/4/5, an OcopGroup, a unit code or an OcopOwnerType; null for products no unit of the map can hold (unplaced).",
  AdminUnitRef,
) {}

@ObjectType({ description: "OCOP statistics of the province on a date (thống kê sản phẩm OCOP)." })
export class OcopStatistics extends StatisticsOf(OcopFigures, OcopStatisticsGroup, OcopGroupBy, {
  asOf: "The date the figures hold on (tính đến ngày).",
  unitMapDate: "With groupBy: ADMIN_UNIT, the date of the map the groups follow (ngày của bản đồ hành chính): `asOf`, or today for the TODAY re-cut.",
  groups: "Figures per group, in key order (the unplaced group, with a null key, last); empty without groupBy.",
}) {}
