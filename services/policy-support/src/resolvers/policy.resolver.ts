import type { Connection } from "@kttt/core";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { PolicySupportContext } from "../context";
import { AgencyKind } from "../domain/enums";
import { Agency } from "../entities/agency";
import { successorsOf, unitOn } from "@kttt/reference";
import { AdminUnitRef, adminUnitRef, adminUnitVersionRef } from "../entities/external";
import { LegalDocument } from "../entities/legal-document";
import { SupportPolicy } from "../entities/support-policy";
import { listSupportPolicies } from "../repositories/lists";
import { SupportPolicyConnection } from "../types/connections";
import { SupportPolicyListArgs } from "../types/filters";

@Resolver(() => SupportPolicy)
export class SupportPolicyResolver {
  @Query(() => SupportPolicyConnection, {
    nullable: true,
    description: "Support policies for the collective economy (chính sách hỗ trợ), filtered and paginated, by name.",
  })
  supportPolicies(@Args() args: SupportPolicyListArgs, @Ctx() ctx: PolicySupportContext): Promise<Connection<SupportPolicy>> {
    return listSupportPolicies(ctx.dataSource, args);
  }

  @Query(() => SupportPolicy, { nullable: true, description: "One support policy by id; null when there is none." })
  supportPolicy(@Arg("id", () => ID, { description: "The policy's id." }) id: string, @Ctx() ctx: PolicySupportContext): Promise<SupportPolicy | null> {
    return ctx.loaders.policy.load(id);
  }

  @FieldResolver(() => [LegalDocument], { description: "Documents the policy rests on (căn cứ pháp lý), by number: a bounded list." })
  async legalBasis(@Root() policy: SupportPolicy, @Ctx() ctx: PolicySupportContext): Promise<LegalDocument[]> {
    const links = await ctx.loaders.basisByPolicy.load(policy.id);
    const documents = await ctx.loaders.document.loadMany(links.map((l) => l.documentId));
    return documents.filter((d): d is LegalDocument => d instanceof LegalDocument).sort((a, b) => a.number.localeCompare(b.number));
  }
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { nullable: true, description: "Implementing agencies (cơ quan thực hiện), by code: a bounded reference list." })
  agencies(
    @Arg("kind", () => AgencyKind, { nullable: true, description: "Only this kind of agency." }) kind: AgencyKind | null,
    @Ctx() ctx: PolicySupportContext,
  ): Promise<Agency[]> {
    const query = ctx.dataSource.getRepository(Agency).createQueryBuilder("a").orderBy("a.code");
    if (kind) query.where("a.kind = :kind", { kind });
    return query.getMany();
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description: "For a district People's Committee: its administrative unit (the district, as it was until `validTo`).",
  })
  adminUnit(@Root() agency: Agency): AdminUnitRef | null {
    return agency.adminUnitCode ? adminUnitRef(agency.adminUnitCode, agency.validTo) : null;
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description:
      "The commune where the agency has its seat (xã, phường nơi đặt trụ sở), as recorded since `communeSince`. Not known: the sources give no seat for " +
      "the provincial departments, the Alliance or the district People's Committees, so it is null for every agency and is not guessed (a district " +
      "committee's area is `adminUnit`, where it lay next `successorUnits`).",
  })
  commune(@Root() agency: Agency): AdminUnitRef | null {
    return agency.communeId ? adminUnitVersionRef(agency.communeId) : null;
  }

  @FieldResolver(() => [AdminUnitRef], {
    description:
      "For a district People's Committee that ended: the units its area lay in from the next day (đơn vị kế thừa địa bàn), from the official changes: for Lộc Hà the districts that took its communes, " +
      "for the others the communes of 2025-07-01 (each took part of it). Whose People's Committee took over which task is not recorded. Empty for an agency that still exists.",
  })
  successorUnits(@Root() agency: Agency): AdminUnitRef[] {
    if (!agency.adminUnitCode || !agency.validTo) return [];
    const unit = unitOn(agency.adminUnitCode, agency.validTo);
    return unit ? successorsOf(unit.id).map((change) => adminUnitVersionRef(change.toId)) : [];
  }
}
