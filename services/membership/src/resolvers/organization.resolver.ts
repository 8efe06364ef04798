import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { accessScope, DETAILS, isOwnCommune, nestedConnection, READ_NOTE, Role, SIGNED_IN, VndScalar, type Connection } from "@kttt/core";
import { placeFieldsResolver } from "@kttt/reference";
import type { MembershipContext } from "../context";
import { ClassificationScheme, MemberStatusFilter, OrganizationKind } from "../domain/enums";
import { AdminUnit } from "../entities/admin-unit";
import { AllianceMembership } from "../entities/alliance-membership";
import { Classification } from "../entities/classification";
import { FinancialReport } from "../entities/financial-report";
import { Member } from "../entities/member";
import { Organization } from "../entities/organization";
import { listOrganizations } from "../repositories/organizations";
import { CooperativeConnection, CooperativeGroupConnection, CooperativeUnionConnection, MemberConnection, OrganizationConnection } from "../types/connections";
import { MemberListArgs, OrganizationListArgs, OrganizationsArgs } from "../types/filters";
import type { CooperativeUnion } from "../entities/organization";
import type { CooperativeGroup } from "../entities/organization";
import type { Cooperative } from "../entities/organization";

const PERSONAL =
  "Personal data: shown to Alliance staff and to the commune where the organisation lies today (COMMUNE); null for everyone else (dữ liệu cá nhân).";

/** Alliance staff and administrators see everyone's personal data. */
function readsAllPersonal(ctx: MembershipContext): boolean {
  const { role } = ctx.principal;
  return role === Role.ALLIANCE_ADMIN || role === Role.ALLIANCE_STAFF;
}

/** Alliance staff see everyone's personal data; a commune sees that of the organisations that lie in it today. */
async function mayReadPersonal(ctx: MembershipContext, organization: Organization | string): Promise<boolean> {
  const { role } = ctx.principal;
  if (readsAllPersonal(ctx)) return true;
  if (role !== Role.COMMUNE) return false;
  return isOwnCommune(ctx.principal, typeof organization === "string" ? await ctx.loaders.organization.load(organization) : organization);
}

/** The fields an organisation shows before its place fields. */
@Resolver(() => Organization)
abstract class OrganizationFieldsBeforePlace {
  @FieldResolver(() => String, { nullable: true, description: `Legal representative or group leader (người đại diện). ${PERSONAL}` })
  representative(@Root() org: Organization, @Ctx() ctx: MembershipContext): string | null | Promise<string | null> {
    // The Alliance reads every row's at once (no promise per row); anyone else as the rule decides.
    if (readsAllPersonal(ctx)) return org.representative;
    return mayReadPersonal(ctx, org).then((may) => (may ? org.representative : null));
  }

  @FieldResolver(() => AdminUnit, { description: "Administrative unit where it is registered (đơn vị hành chính)." })
  adminUnit(@Root() org: Organization, @Ctx() ctx: MembershipContext): Promise<AdminUnit> {
    // Every organisation's code names a unit (a foreign key of the table).
    return ctx.loaders.adminUnit.load(org.adminUnitCode) as Promise<AdminUnit>;
  }
}

@Resolver(() => Organization)
export class OrganizationResolver extends placeFieldsResolver(
  Organization,
  {
    unit: AdminUnit,
    unitOf: (id, ctx: MembershipContext) => ctx.loaders.adminUnitById.load(id),
    descriptions: {
      commune:
        "The commune where it lies (xã, phường, thị trấn nơi đặt trụ sở), as recorded since `communeSince`: for the demo, a mid-2024 commune; null where none is recorded.",
      communeOn:
        "The commune-level unit it lies in on a date (đơn vị cấp xã theo thời điểm), following its commune through mergers: after 2025-07-01 one of the 69 communes. " +
        "Null where its commune was split (Kỳ Lợi, Đại Nài) or the sources do not say where it went (Trung Lộc, Phú Phong): the address decides there.",
    },
  },
  OrganizationFieldsBeforePlace,
) {
  @Authorized(...SIGNED_IN)
  @Query(() => CooperativeConnection, { nullable: true, description: `Cooperatives (hợp tác xã, HTX), filtered and paginated. ${READ_NOTE.SIGNED_IN}` })
  cooperatives(@Args() args: OrganizationListArgs, @Ctx() ctx: MembershipContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Cooperative>> {
    return listOrganizations(ctx.dataSource, CooperativeConnection, OrganizationKind.COOPERATIVE, args, accessScope(ctx.principal), info);
  }

  @Authorized(...SIGNED_IN)
  @Query(() => CooperativeGroupConnection, {
    nullable: true,
    description: `Cooperative groups (tổ hợp tác, THT), filtered and paginated. ${READ_NOTE.SIGNED_IN}`,
  })
  cooperativeGroups(
    @Args() args: OrganizationListArgs,
    @Ctx() ctx: MembershipContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<CooperativeGroup>> {
    return listOrganizations(ctx.dataSource, CooperativeGroupConnection, OrganizationKind.COOPERATIVE_GROUP, args, accessScope(ctx.principal), info);
  }

  @Authorized(...SIGNED_IN)
  @Query(() => CooperativeUnionConnection, {
    nullable: true,
    description: `Unions of cooperatives (liên hiệp hợp tác xã, LHHTX), filtered and paginated. ${READ_NOTE.SIGNED_IN}`,
  })
  cooperativeUnions(
    @Args() args: OrganizationListArgs,
    @Ctx() ctx: MembershipContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<CooperativeUnion>> {
    return listOrganizations(ctx.dataSource, CooperativeUnionConnection, OrganizationKind.COOPERATIVE_UNION, args, accessScope(ctx.principal), info);
  }

  @Authorized(...SIGNED_IN)
  @Query(() => OrganizationConnection, {
    nullable: true,
    description: `Organisations of every legal form together (tổ chức kinh tế tập thể), filtered and paginated. ${READ_NOTE.SIGNED_IN}`,
  })
  organizations(@Args() args: OrganizationsArgs, @Ctx() ctx: MembershipContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Organization>> {
    return listOrganizations(ctx.dataSource, OrganizationConnection, args.kind, args, accessScope(ctx.principal), info);
  }

  @Authorized(...SIGNED_IN)
  @Query(() => Organization, { nullable: true, description: `One organisation of any legal form by id; null when there is none. ${READ_NOTE.SIGNED_IN}` })
  organization(@Arg("id", () => ID, { description: "The organisation's id." }) id: string, @Ctx() ctx: MembershipContext): Promise<Organization | null> {
    return ctx.loaders.organization.load(id);
  }

  @Authorized(...DETAILS.MEMBERSHIP)
  @FieldResolver(() => MemberConnection, { nullable: true, description: `Members (thành viên), in joining order. ${READ_NOTE.MEMBERSHIP}` })
  async members(
    @Root() org: Organization,
    @Args() args: MemberListArgs,
    @Ctx() ctx: MembershipContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Member>> {
    const current = args.status === MemberStatusFilter.ALL ? null : args.status === MemberStatusFilter.CURRENT;
    return nestedConnection(
      MemberConnection,
      args,
      (m: Member) => m.id,
      {
        firstPage: (limit) => ctx.loaders.firstMembers({ current, membershipType: args.membershipType ?? null, limit }).load(org.id),
        all: async () =>
          (await ctx.loaders.membersByOrganization.load(org.id)).filter(
            (m) => (current === null || current === (m.leftOn === null)) && (!args.membershipType || m.membershipType === args.membershipType),
          ),
      },
      info,
    );
  }

  @Authorized(...DETAILS.MEMBERSHIP)
  @FieldResolver(() => AllianceMembership, {
    nullable: true,
    description: `Membership of the provincial Cooperative Alliance (thành viên Liên minh HTX tỉnh); null if it never joined. ${READ_NOTE.MEMBERSHIP}`,
  })
  allianceMembership(@Root() org: Organization, @Ctx() ctx: MembershipContext): Promise<AllianceMembership | null> {
    return ctx.loaders.allianceMembership.load(org.id);
  }

  @Authorized(...DETAILS.MEMBERSHIP)
  @FieldResolver(() => [FinancialReport], {
    nullable: true,
    description: `Yearly figures (báo cáo năm), newest first: one per year, so a bounded list. ${READ_NOTE.MEMBERSHIP}`,
  })
  async financialReports(
    @Root() org: Organization,
    @Arg("fromYear", () => Int, { nullable: true, description: "First year to include." }) fromYear: number | null,
    @Arg("toYear", () => Int, { nullable: true, description: "Last year to include." }) toYear: number | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<FinancialReport[]> {
    const all = await ctx.loaders.financialReportsByOrganization.load(org.id);
    return all.filter((f) => (fromYear == null || f.year >= fromYear) && (toYear == null || f.year <= toYear));
  }

  @Authorized(...DETAILS.MEMBERSHIP)
  @FieldResolver(() => FinancialReport, { nullable: true, description: `The figures of one year (báo cáo năm), if reported. ${READ_NOTE.MEMBERSHIP}` })
  async financialReport(
    @Root() org: Organization,
    @Arg("year", () => Int, { description: "The year." }) year: number,
    @Ctx() ctx: MembershipContext,
  ): Promise<FinancialReport | null> {
    const all = await ctx.loaders.financialReportsByOrganization.load(org.id);
    return all.find((f) => f.year === year) ?? null;
  }

  @Authorized(...DETAILS.MEMBERSHIP)
  @FieldResolver(() => [Classification], {
    nullable: true,
    description: `Yearly classifications (phân loại, đánh giá), newest first: a bounded list. ${READ_NOTE.MEMBERSHIP}`,
  })
  async classifications(
    @Root() org: Organization,
    @Arg("scheme", () => ClassificationScheme, { nullable: true, description: "Only this rule set." }) scheme: ClassificationScheme | null,
    @Ctx() ctx: MembershipContext,
  ): Promise<Classification[]> {
    const all = await ctx.loaders.classificationsByOrganization.load(org.id);
    return all.filter((c) => !scheme || c.scheme === scheme);
  }

  @Authorized(...DETAILS.MEMBERSHIP)
  @FieldResolver(() => Classification, {
    nullable: true,
    description: `The classification of one year under a rule set (default Circular 01/2020). ${READ_NOTE.MEMBERSHIP}`,
  })
  async classification(
    @Root() org: Organization,
    @Arg("year", () => Int, { description: "The year." }) year: number,
    @Arg("scheme", () => ClassificationScheme, { defaultValue: ClassificationScheme.CIRCULAR_01_2020, description: "The rule set." })
    scheme: ClassificationScheme,
    @Ctx() ctx: MembershipContext,
  ): Promise<Classification | null> {
    const all = await ctx.loaders.classificationsByOrganization.load(org.id);
    return all.find((c) => c.year === year && c.scheme === scheme) ?? null;
  }
}

/** The organisation a record belongs to, one statement for every record of a response (an export names each row's organisation). */
function organizationOf(record: { organizationId: string }, ctx: MembershipContext): Promise<Organization> {
  return ctx.loaders.organization.load(record.organizationId) as Promise<Organization>;
}

const RECORD_ORGANIZATION = "The organisation the record belongs to (tổ chức), so a list of records names whose each row is.";

@Resolver(() => FinancialReport)
export class FinancialReportResolver {
  @FieldResolver(() => Organization, { description: RECORD_ORGANIZATION })
  organization(@Root() report: FinancialReport, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return organizationOf(report, ctx);
  }
}

@Resolver(() => Classification)
export class ClassificationResolver {
  @FieldResolver(() => Organization, { description: RECORD_ORGANIZATION })
  organization(@Root() classification: Classification, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return organizationOf(classification, ctx);
  }
}

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => Organization, { description: RECORD_ORGANIZATION })
  organization(@Root() member: Member, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return organizationOf(member, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `Name of the person, household head or body (họ và tên / tên tổ chức). A member organisation's name is public. ${PERSONAL}`,
  })
  async fullName(@Root() member: Member, @Ctx() ctx: MembershipContext): Promise<string | null> {
    if (member.memberOrganizationId) return member.fullName;
    return (await mayReadPersonal(ctx, member.organizationId)) ? member.fullName : null;
  }

  @FieldResolver(() => VndScalar, { nullable: true, description: `Capital contributed (vốn góp), VND. ${PERSONAL}` })
  async capitalContributed(@Root() member: Member, @Ctx() ctx: MembershipContext): Promise<bigint | null> {
    if (member.memberOrganizationId) return member.capitalContributed;
    return (await mayReadPersonal(ctx, member.organizationId)) ? member.capitalContributed : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "For an organisation member (e.g. a cooperative in a union): that organisation." })
  memberOrganization(@Root() member: Member, @Ctx() ctx: MembershipContext): Promise<Organization | null> | null {
    return member.memberOrganizationId ? ctx.loaders.organization.load(member.memberOrganizationId) : null;
  }
}
