import { ALLIANCE, writeResolver } from "@kttt/core";
import type { OcopContext } from "../context";
import { OcopCertification } from "../entities/certification";
import { OcopProduct } from "../entities/product";
import { OcopProductImport } from "../services/product-import";
import { OcopMutations } from "../services/product-mutations";
import { ImportOcopProductsPayload, MAX_OCOP_IMPORT_ROWS, OcopProductImportRow } from "../types/import";
import { CertifyOcopProductInput, ReassessOcopProductInput, RegisterOcopProductInput, RevokeOcopCertificationInput } from "../types/inputs";

const writes = (ctx: OcopContext) => new OcopMutations(ctx.dataSource, ctx.lookup);

export const OcopMutationResolver = writeResolver<OcopContext>("OcopMutationResolver", [...ALLIANCE, "DEPARTMENT:SO_NN"], {
  registerOcopProduct: {
    type: () => OcopProduct,
    input: RegisterOcopProductInput,
    inputDescription: "The product and its owner.",
    description: "Register a product for OCOP assessment (đăng ký sản phẩm); a membership owner is checked with membership first.",
    run: (ctx, input: RegisterOcopProductInput) => writes(ctx).register(input),
  },
  certifyOcopProduct: {
    type: () => OcopCertification,
    input: CertifyOcopProductInput,
    inputDescription: "The assessment.",
    description: "Record a product's first OCOP certificate (công nhận lần đầu): score, stars and level must agree.",
    run: (ctx, input: CertifyOcopProductInput) => writes(ctx).assess(input, false),
  },
  reassessOcopProduct: {
    type: () => OcopCertification,
    input: ReassessOcopProductInput,
    inputDescription: "The assessment.",
    description: "Record a re-assessment (đánh giá lại): upgrade, downgrade or renewal; the earlier certificate stays as history.",
    run: (ctx, input: ReassessOcopProductInput) => writes(ctx).assess(input, true),
  },
  revokeOcopCertification: {
    type: () => OcopCertification,
    input: RevokeOcopCertificationInput,
    inputDescription: "What to revoke, when and why.",
    description: "Revoke the certificate in force of a product (thu hồi).",
    run: (ctx, input: RevokeOcopCertificationInput) => writes(ctx).revoke(input),
  },
  importOcopProducts: {
    type: () => ImportOcopProductsPayload,
    rows: OcopProductImportRow,
    description:
      `Import an OCOP list (nhập danh sách sản phẩm OCOP từ tệp), up to ${MAX_OCOP_IMPORT_ROWS} rows in one transaction: each row's ` +
      "product, owner and certificate are checked by the rules of registerOcopProduct and certifyOcopProduct / reassessOcopProduct " +
      "(membership owners asked of membership in one batched look-up); a product is matched on its owner and name, a certificate " +
      "on its decision number; the result says per row created, updated, unchanged or invalid. Nothing is written when a row is " +
      "invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
    run: (ctx, rows: OcopProductImportRow[], dryRun: boolean, skipInvalid: boolean) =>
      new OcopProductImport(ctx.dataSource, ctx.lookup).run(rows, dryRun, skipInvalid),
  },
});
