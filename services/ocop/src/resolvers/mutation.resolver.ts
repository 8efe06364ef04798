import { ALLIANCE, ImportArg } from "@kttt/core";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { OcopContext } from "../context";
import { OcopCertification } from "../entities/certification";
import { OcopProduct } from "../entities/product";
import { OcopProductImport } from "../services/product-import";
import { OcopMutations } from "../services/product-mutations";
import { ImportOcopProductsPayload, MAX_OCOP_IMPORT_ROWS, OcopProductImportRow } from "../types/import";
import { CertifyOcopProductInput, ReassessOcopProductInput, RegisterOcopProductInput, RevokeOcopCertificationInput } from "../types/inputs";

@Resolver()
export class OcopMutationResolver {
  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopProduct, {
    description: "Register a product for OCOP assessment (đăng ký sản phẩm); a membership owner is checked with membership first.",
  })
  registerOcopProduct(
    @Arg("input", { description: "The product and its owner." }) input: RegisterOcopProductInput,
    @Ctx() ctx: OcopContext,
  ): Promise<OcopProduct> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).register(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopCertification, { description: "Record a product's first OCOP certificate (công nhận lần đầu): score, stars and level must agree." })
  certifyOcopProduct(@Arg("input", { description: "The assessment." }) input: CertifyOcopProductInput, @Ctx() ctx: OcopContext): Promise<OcopCertification> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).assess(input, false);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopCertification, {
    description: "Record a re-assessment (đánh giá lại): upgrade, downgrade or renewal; the earlier certificate stays as history.",
  })
  reassessOcopProduct(@Arg("input", { description: "The assessment." }) input: ReassessOcopProductInput, @Ctx() ctx: OcopContext): Promise<OcopCertification> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).assess(input, true);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopCertification, { description: "Revoke the certificate in force of a product (thu hồi)." })
  revokeOcopCertification(
    @Arg("input", { description: "What to revoke, when and why." }) input: RevokeOcopCertificationInput,
    @Ctx() ctx: OcopContext,
  ): Promise<OcopCertification> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).revoke(input);
  }
  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => ImportOcopProductsPayload, {
    description:
      `Import an OCOP list (nhập danh sách sản phẩm OCOP từ tệp), up to ${MAX_OCOP_IMPORT_ROWS} rows in one transaction: each row's ` +
      "product, owner and certificate are checked by the rules of registerOcopProduct and certifyOcopProduct / reassessOcopProduct " +
      "(membership owners asked of membership in one batched look-up); a product is matched on its owner and name, a certificate " +
      "on its decision number; the result says per row created, updated, unchanged or invalid. Nothing is written when a row is " +
      "invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
  })
  importOcopProducts(
    @ImportArg.rows(() => [OcopProductImportRow]) rows: OcopProductImportRow[],
    @ImportArg.dryRun() dryRun: boolean,
    @ImportArg.skipInvalid() skipInvalid: boolean,
    @Ctx() ctx: OcopContext,
  ): Promise<ImportOcopProductsPayload> {
    return new OcopProductImport(ctx.dataSource, ctx.lookup).run(rows, dryRun, skipInvalid);
  }
}
