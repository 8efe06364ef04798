import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, createUnionType } from "type-graphql";
import { accessScope, LocalDateScalar, today, type Connection, type IdKey, type OrganizationKind } from "@kttt/core";
import {
  recordDistrictOn,
  ocopCertificateStatus,
  ocopCertifyingBody,
  ocopCurrentCertificate,
  ocopLevelBasis,
  PROVINCE_CODE,
  unitOn,
  type AdminUnitVersion,
} from "@kttt/reference";
import type { OcopContext } from "../context";
import { OcopLevel, OcopStatus } from "../domain/enums";
import { OcopCertification } from "../entities/certification";
import { AdminUnitRef, adminUnitRef, membership } from "../entities/external";
import { OcopLocalOwner } from "../entities/owner";
import { OcopProduct } from "../entities/product";
import { listProducts } from "../repositories/products";
import { OcopProductConnection } from "../types/connections";
import { OcopProductListArgs } from "../types/filters";
import { placeFieldsResolver, unitRef } from "./places";

export const OcopProductOwner = createUnionType({
  name: "OcopProductOwner",
  description:
    "Who owns an OCOP product (chủ thể OCOP): a cooperative, group or union of the membership subgraph (resolved there), " +
    "or an enterprise or household business kept here.",
  types: () => [membership.CooperativeRef, membership.CooperativeGroupRef, membership.CooperativeUnionRef, OcopLocalOwner] as const,
  resolveType: (value) => {
    if (value instanceof membership.CooperativeRef) return "Cooperative";
    if (value instanceof membership.CooperativeGroupRef) return "CooperativeGroup";
    if (value instanceof membership.CooperativeUnionRef) return "CooperativeUnion";
    return "OcopLocalOwner";
  },
});

const AS_OF_DESCRIPTION = "The date to judge on (tính đến ngày); default: the date of the list that returned the product, else today.";

/** The date a date-dependent field is judged on. */
export function asOfFor(product: OcopProduct, asOf: string | null | undefined): string {
  return asOf ?? product.listAsOf ?? today();
}

@Resolver(() => OcopProduct)
export class OcopProductResolver extends placeFieldsResolver(OcopProduct) {
  @Query(() => OcopProductConnection, { nullable: true, description: "OCOP products (sản phẩm OCOP), filtered and paginated." })
  ocopProducts(@Args() args: OcopProductListArgs, @Ctx() ctx: OcopContext): Promise<Connection<OcopProduct>> {
    return listProducts(ctx.dataSource, args, accessScope(ctx.principal));
  }

  @Query(() => OcopProduct, { nullable: true, description: "One OCOP product by id; null when there is none." })
  ocopProduct(@Arg("id", () => ID, { description: "The product's id." }) id: string, @Ctx() ctx: OcopContext): Promise<OcopProduct | null> {
    return ctx.loaders.product.load(id);
  }

  @FieldResolver(() => OcopProductOwner, { description: "The owner (chủ thể): a membership organisation or a local enterprise or household business." })
  async owner(@Root() product: OcopProduct, @Ctx() ctx: OcopContext): Promise<IdKey | OcopLocalOwner> {
    if (product.ownerOrganizationId) return membership.organizationRef(product.ownerOrganizationId, product.ownerType as `${OrganizationKind}`);
    return (await ctx.loaders.localOwner.load(product.ownerId!))!;
  }

  @FieldResolver(() => AdminUnitRef, {
    description:
      "Administrative unit where it is produced (đơn vị hành chính), resolved by membership: the unit bearing `adminUnitCode` when it was registered (`registeredOn`).",
  })
  adminUnit(@Root() product: OcopProduct): AdminUnitRef {
    return adminUnitRef(product.adminUnitCode, product.registeredOn);
  }

  @FieldResolver(() => [OcopCertification], { description: "Every certificate of the product, oldest first (lịch sử chứng nhận): a short list." })
  certifications(@Root() product: OcopProduct, @Ctx() ctx: OcopContext): Promise<OcopCertification[]> {
    return ctx.loaders.certificationsByProduct.load(product.id);
  }

  @FieldResolver(() => OcopCertification, {
    nullable: true,
    description: "The certificate that says where the product stands on the date: the latest decided by then.",
  })
  async currentCertification(
    @Root() product: OcopProduct,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Ctx() ctx: OcopContext,
  ): Promise<OcopCertification | null> {
    return ocopCurrentCertificate(await ctx.loaders.certificationsByProduct.load(product.id), asOfFor(product, asOf));
  }

  @FieldResolver(() => OcopStatus, { nullable: true, description: "Status on the date (tình trạng); null when the product had no certificate yet." })
  async status(
    @Root() product: OcopProduct,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Ctx() ctx: OcopContext,
  ): Promise<OcopStatus | null> {
    const date = asOfFor(product, asOf);
    const current = ocopCurrentCertificate(await ctx.loaders.certificationsByProduct.load(product.id), date);
    return current ? ocopCertificateStatus(current, date) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Stars of the certificate in force on the date (hạng sao); null unless ACTIVE." })
  async stars(
    @Root() product: OcopProduct,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Ctx() ctx: OcopContext,
  ): Promise<number | null> {
    const date = asOfFor(product, asOf);
    const current = ocopCurrentCertificate(await ctx.loaders.certificationsByProduct.load(product.id), date);
    return current && ocopCertificateStatus(current, date) === "ACTIVE" ? current.stars : null;
  }
}

/** The district whose People's Committee recognised a DISTRICT certificate: where the product lay on the decision's date. */
async function recognisingDistrict(certification: OcopCertification, ctx: OcopContext): Promise<AdminUnitVersion | null> {
  if (certification.level !== OcopLevel.DISTRICT) return null;
  const product = (await ctx.loaders.product.load(certification.productId))!;
  return recordDistrictOn(product.communeId, certification.decidedOn) ?? unitOn(product.adminUnitCode, certification.decidedOn);
}

@Resolver(() => OcopCertification)
export class OcopCertificationResolver {
  @FieldResolver(() => OcopProduct, { description: "The certified product." })
  async product(@Root() certification: OcopCertification, @Ctx() ctx: OcopContext): Promise<OcopProduct> {
    return (await ctx.loaders.product.load(certification.productId))!;
  }

  @FieldResolver(() => String, {
    description:
      "Who recognised the stars (cơ quan công nhận), by the decision's date: the district People's Committee of the product's district " +
      "(3★ before 2025-07-06), the provincial People's Committee (4★; 3★ from 2025-07-06, Decision 1489/QĐ-TTg) or the central level (5★).",
  })
  async certifyingBody(@Root() certification: OcopCertification, @Ctx() ctx: OcopContext): Promise<string> {
    return ocopCertifyingBody(certification.level, (await recognisingDistrict(certification, ctx))?.name ?? null);
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description: "The unit whose People's Committee recognised the stars (đơn vị công nhận): the district or the province (42); null for the central level.",
  })
  async certifyingUnit(@Root() certification: OcopCertification, @Ctx() ctx: OcopContext): Promise<AdminUnitRef | null> {
    if (certification.level === OcopLevel.PROVINCE) return adminUnitRef(PROVINCE_CODE, certification.decidedOn);
    const district = await recognisingDistrict(certification, ctx);
    return district ? unitRef(district) : null;
  }

  @FieldResolver(() => String, {
    description: "The act that set the level for the decision's date (căn cứ phân cấp): Decision 148/QĐ-TTg, or 1489/QĐ-TTg from 2025-07-06.",
  })
  levelBasis(@Root() certification: OcopCertification): string {
    return ocopLevelBasis(certification.decidedOn);
  }

  @FieldResolver(() => OcopStatus, { description: "The certificate's own status on the date (default today): ACTIVE, EXPIRED or REVOKED." })
  status(
    @Root() certification: OcopCertification,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date to judge on; default today." }) asOf: string | null,
  ): OcopStatus {
    return ocopCertificateStatus(certification, asOf ?? today());
  }
}
