import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { OrganizationKind, POLICY_KIND_LABEL, PolicyKind } from "../domain/enums";

@ObjectType({ description: "A State support policy for the collective economy (chính sách hỗ trợ kinh tế tập thể), with its legal basis and who may benefit." })
@Entity("support_policy")
export class SupportPolicy {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Short code (mã chính sách), e.g. CS-NNL." })
  @Column("text")
  code: string;

  @Field({ description: "Name (tên chính sách)." })
  @Column("text")
  name: string;

  @Field(() => PolicyKind, { description: "Kind of support (loại hỗ trợ)." })
  @Column("text")
  kind: PolicyKind;

  @Field(() => String, { nullable: true, description: "What the support covers (nội dung hỗ trợ)." })
  @Column("text", { nullable: true })
  description: string | null;

  @Field(() => [OrganizationKind], { description: "Legal forms that may benefit (đối tượng được hỗ trợ)." })
  @Column("text", { name: "eligible_kinds", array: true })
  eligibleOrganizationKinds: OrganizationKind[];

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  @Field({ description: "Vietnamese name of the kind of support (tên loại hỗ trợ)." })
  kindLabel(): string {
    return POLICY_KIND_LABEL[this.kind];
  }
}

@Entity("policy_legal_basis")
export class PolicyLegalBasis {
  @PrimaryColumn("uuid", { name: "policy_id" })
  policyId: string;

  @PrimaryColumn("uuid", { name: "document_id" })
  documentId: string;
}
