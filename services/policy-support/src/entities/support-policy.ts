import { Field, ObjectType } from "type-graphql";
import { Entity, PrimaryColumn } from "typeorm";
import { Stored, storedEnums } from "@kttt/core";
import { OrganizationKind, POLICY_KIND_LABEL, PolicyKind } from "../domain/enums";

@ObjectType({ description: "A State support policy for the collective economy (chính sách hỗ trợ kinh tế tập thể), with its legal basis and who may benefit." })
@Entity("support_policy")
export class SupportPolicy {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.text("Short code (mã chính sách), e.g. CS-NNL.")
  code: string;

  @Stored.text("Name (tên chính sách).")
  name: string;

  @Stored.enum(PolicyKind, "Kind of support (loại hỗ trợ).")
  kind: PolicyKind;

  @Stored.text("What the support covers (nội dung hỗ trợ).", { nullable: true })
  description: string | null;

  @storedEnums(OrganizationKind, "Legal forms that may benefit (đối tượng được hỗ trợ).", { column: "eligible_kinds" })
  eligibleOrganizationKinds: OrganizationKind[];

  @Stored.int("Version for optimistic concurrency (phiên bản).")
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
