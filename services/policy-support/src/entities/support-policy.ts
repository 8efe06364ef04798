import { ObjectType } from "type-graphql";
import { Entity } from "typeorm";
import { FieldOf, linkTable, Stored, storedEnums } from "@kttt/core";
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

  @FieldOf.label(POLICY_KIND_LABEL, "kind", "Vietnamese name of the kind of support (tên loại hỗ trợ).")
  kindLabel: string;
}

/** The legal basis of a policy: the documents it rests on (căn cứ pháp lý). */
export const PolicyLegalBasis = linkTable("policy_legal_basis", "policyId", "documentId");
