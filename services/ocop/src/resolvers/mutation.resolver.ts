import { ALLIANCE, importWrites, inputWrites, writeResolver } from "@kttt/core";
import type { OcopContext } from "../context";
import { OcopCertification } from "../entities/certification";
import { OcopProduct } from "../entities/product";
import { OcopProductImport } from "../services/product-import";
import { OcopMutations } from "../services/product-mutations";
import { ImportOcopProductsPayload, MAX_OCOP_IMPORT_ROWS, OcopProductImportRow } from "../types/import";
import { CertifyOcopProductInput, ReassessOcopProductInput, RegisterOcopProductInput, RevokeOcopCertificationInput } from "../types/inputs";

const write = inputWrites((ctx: OcopContext) => new OcopMutations(ctx.dataSource, ctx.lookup));
const load = importWrites((ctx: OcopContext) => new OcopProductImport(ctx.dataSource, ctx.lookup));

export const OcopMutationResolver = writeResolver<OcopContext>("OcopMutationResolver", [...ALLIANCE, "DEPARTMENT:SO_NN"], {
  registerOcopProduct: write(
    OcopProduct,
    RegisterOcopProductInput,
    "register",
    "Register a product for OCOP assessment (đăng ký sản phẩm); a membership owner is checked with membership first.",
    { inputDescription: "The product and its owner." },
  ),
  certifyOcopProduct: write(
    OcopCertification,
    CertifyOcopProductInput,
    "certify",
    "Record a product's first OCOP certificate (công nhận lần đầu): score, stars and level must agree.",
    { inputDescription: "The assessment." },
  ),
  reassessOcopProduct: write(
    OcopCertification,
    ReassessOcopProductInput,
    "reassess",
    "Record a re-assessment (đánh giá lại): upgrade, downgrade or renewal; the earlier certificate stays as history.",
    { inputDescription: "The assessment." },
  ),
  revokeOcopCertification: write(OcopCertification, RevokeOcopCertificationInput, "revoke", "Revoke the certificate in force of a product (thu hồi).", {
    inputDescription: "What to revoke, when and why.",
  }),
  importOcopProducts: load(
    ImportOcopProductsPayload,
    OcopProductImportRow,
    "run",
    `Import an OCOP list (nhập danh sách sản phẩm OCOP từ tệp), up to ${MAX_OCOP_IMPORT_ROWS} rows in one transaction: each row's ` +
      "product, owner and certificate are checked by the rules of registerOcopProduct and certifyOcopProduct / reassessOcopProduct " +
      "(membership owners asked of membership in one batched look-up); a product is matched on its owner and name, a certificate " +
      "on its decision number; the result says per row created, updated, unchanged or invalid. Nothing is written when a row is " +
      "invalid unless skipInvalid; nothing at all on a dry run. Every row written leaves its audit record.",
  ),
});
