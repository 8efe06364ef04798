import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { badInput, type Connection } from "@kttt/core";
import type { PolicySupportContext } from "../context";
import { LegalDocument } from "../entities/legal-document";
import { listLegalDocuments } from "../repositories/lists";
import { LegalDocumentConnection } from "../types/connections";
import { LegalDocumentListArgs } from "../types/filters";

@Resolver(() => LegalDocument)
export class LegalDocumentResolver {
  @Query(() => LegalDocumentConnection, { nullable: true, description: "Legal and policy documents (văn bản), filtered and paginated, by number." })
  legalDocuments(@Args() args: LegalDocumentListArgs, @Ctx() ctx: PolicySupportContext): Promise<Connection<LegalDocument>> {
    return listLegalDocuments(ctx.dataSource, args);
  }

  @Query(() => LegalDocument, { nullable: true, description: "One document by id or by its number (e.g. 17/2023/QH15); null when there is none." })
  async legalDocument(
    @Arg("id", () => ID, { nullable: true, description: "The document's id." }) id: string | null,
    @Arg("number", () => String, { nullable: true, description: "The document's number and symbol." }) number: string | null,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<LegalDocument | null> {
    if ((id == null) === (number == null)) throw badInput("Give either id or number.", id == null ? "id" : "number", "ONE_KEY_REQUIRED");
    if (id != null) return ctx.loaders.document.load(id);
    return ctx.dataSource.getRepository(LegalDocument).findOneBy({ number: number!.normalize("NFC").trim() });
  }

  @FieldResolver(() => LegalDocument, { nullable: true, description: "The document this one replaced (văn bản bị thay thế), if any." })
  supersedes(@Root() document: LegalDocument, @Ctx() ctx: PolicySupportContext): Promise<LegalDocument | null> | null {
    return document.supersedesId ? ctx.loaders.document.load(document.supersedesId) : null;
  }

  @FieldResolver(() => LegalDocument, { nullable: true, description: "The document that replaced this one (văn bản thay thế), if any." })
  supersededBy(@Root() document: LegalDocument, @Ctx() ctx: PolicySupportContext): Promise<LegalDocument | null> {
    return ctx.loaders.supersededBy.load(document.id);
  }
}
