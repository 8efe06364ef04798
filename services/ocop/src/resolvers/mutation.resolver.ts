import { ALLIANCE } from "@kttt/core";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { OcopContext } from "../context";
import { OcopCertification } from "../entities/certification";
import { OcopProduct } from "../entities/product";
import { OcopMutations } from "../services/product-mutations";
import { CertifyOcopProductInput, ReassessOcopProductInput, RegisterOcopProductInput, RevokeOcopCertificationInput } from "../types/inputs";

@Resolver()
export class OcopMutationResolver {
  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopProduct, { description: "Register a product for OCOP assessment (đăng ký sản phẩm); a membership owner is checked with membership first." })
  registerOcopProduct(@Arg("input", { description: "The product and its owner." }) input: RegisterOcopProductInput, @Ctx() ctx: OcopContext): Promise<OcopProduct> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).register(input);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopCertification, { description: "Record a product's first OCOP certificate (công nhận lần đầu): score, stars and level must agree." })
  certifyOcopProduct(@Arg("input", { description: "The assessment." }) input: CertifyOcopProductInput, @Ctx() ctx: OcopContext): Promise<OcopCertification> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).assess(input, false);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopCertification, { description: "Record a re-assessment (đánh giá lại): upgrade, downgrade or renewal; the earlier certificate stays as history." })
  reassessOcopProduct(@Arg("input", { description: "The assessment." }) input: ReassessOcopProductInput, @Ctx() ctx: OcopContext): Promise<OcopCertification> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).assess(input, true);
  }

  @Authorized(...ALLIANCE, "DEPARTMENT:SO_NN")
  @Mutation(() => OcopCertification, { description: "Revoke the certificate in force of a product (thu hồi)." })
  revokeOcopCertification(@Arg("input", { description: "What to revoke, when and why." }) input: RevokeOcopCertificationInput, @Ctx() ctx: OcopContext): Promise<OcopCertification> {
    return new OcopMutations(ctx.dataSource, ctx.lookup).revoke(input);
  }
}
