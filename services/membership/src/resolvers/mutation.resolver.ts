import { ALLIANCE } from "@kttt/core";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { MembershipContext } from "../context";
import { Classification } from "../entities/classification";
import { FinancialReport } from "../entities/financial-report";
import { Member } from "../entities/member";
import { Organization } from "../entities/organization";
import { OrganizationMutations } from "../services/organization-mutations";
import {
  AddMemberInput,
  DissolveOrganizationInput,
  EndMembershipInput,
  RecordClassificationInput,
  RecordFinancialReportInput,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
} from "../types/inputs";

@Resolver()
export class MembershipMutationResolver {
  @Authorized(...ALLIANCE)
  @Mutation(() => Organization, { description: "Register a cooperative, union or group with its founding members (đăng ký), in one transaction." })
  registerOrganization(@Arg("input") input: RegisterOrganizationInput, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return new OrganizationMutations(ctx.dataSource).register(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Organization, { description: "Change an organisation's registered details (cập nhật); needs the version you read." })
  updateOrganization(@Arg("input") input: UpdateOrganizationInput, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return new OrganizationMutations(ctx.dataSource).update(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => FinancialReport, { description: "Record or correct a year's figures (báo cáo năm)." })
  recordFinancialReport(@Arg("input") input: RecordFinancialReportInput, @Ctx() ctx: MembershipContext): Promise<FinancialReport> {
    return new OrganizationMutations(ctx.dataSource).recordFinancialReport(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Classification, { description: "Record or correct a year's classification (phân loại, đánh giá)." })
  recordClassification(@Arg("input") input: RecordClassificationInput, @Ctx() ctx: MembershipContext): Promise<Classification> {
    return new OrganizationMutations(ctx.dataSource).recordClassification(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Member, { description: "Add a member (kết nạp thành viên)." })
  addMember(@Arg("input") input: AddMemberInput, @Ctx() ctx: MembershipContext): Promise<Member> {
    return new OrganizationMutations(ctx.dataSource).addMember(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Member, { description: "End a membership (chấm dứt tư cách thành viên)." })
  endMembership(@Arg("input") input: EndMembershipInput, @Ctx() ctx: MembershipContext): Promise<Member> {
    return new OrganizationMutations(ctx.dataSource).endMembership(input);
  }

  @Authorized(...ALLIANCE)
  @Mutation(() => Organization, { description: "Dissolve an organisation (giải thể); it stays on record with its history." })
  dissolveOrganization(@Arg("input") input: DissolveOrganizationInput, @Ctx() ctx: MembershipContext): Promise<Organization> {
    return new OrganizationMutations(ctx.dataSource).dissolve(input);
  }
}
