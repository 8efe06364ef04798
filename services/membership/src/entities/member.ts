import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, LocalDateScalar } from "@kttt/core";
import { MemberKind, MembershipType } from "../domain/enums";

@ObjectType({ description: "A member of a cooperative, union or group (thành viên), with the period of membership." })
@Entity("member")
export class Member {
  @Field(() => ID, { description: "Stable identifier (mã thành viên)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => ID, { description: "The organisation this person or body is a member of." })
  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => MemberKind, { description: "Person, household or legal entity (loại thành viên)." })
  @Column("text")
  kind: MemberKind;

  @Field(() => MembershipType, { description: "Official or associate member (loại hình thành viên)." })
  @Column("text", { name: "membership_type" })
  membershipType: MembershipType;

  /** Personal data: served by MemberResolver to those who may see it. */
  @Column("text", { name: "full_name" })
  fullName: string;

  @Field(() => ID, { nullable: true, description: "For a legal-entity member that is itself an organisation here (e.g. a cooperative in a union): its id." })
  @Column("uuid", { name: "member_organization_id", nullable: true })
  memberOrganizationId: string | null;

  /** Personal data: served by MemberResolver to those who may see it. */
  @Column("bigint", { name: "capital_contributed", transformer: bigintTransformer })
  capitalContributed: bigint;

  @Field(() => LocalDateScalar, { description: "Date the membership began (ngày gia nhập)." })
  @Column("date", { name: "joined_on" })
  joinedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date the membership ended (ngày chấm dứt); null while a member." })
  @Column("date", { name: "left_on", nullable: true })
  leftOn: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;
}
