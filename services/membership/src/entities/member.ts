import { ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { bigintTransformer, Stored } from "@kttt/core";
import { MemberKind, MembershipType } from "../domain/enums";

@ObjectType({ description: "A member of a cooperative, union or group (thành viên), with the period of membership." })
@Entity("member")
export class Member {
  @Stored.id("Stable identifier (mã thành viên).")
  id: string;

  @Stored.ref("The organisation this person or body is a member of.")
  organizationId: string;

  @Stored.enum(MemberKind, "Person, household or legal entity (loại thành viên).")
  kind: MemberKind;

  @Stored.enum(MembershipType, "Official or associate member (loại hình thành viên).")
  membershipType: MembershipType;

  /** Personal data: served by MemberResolver to those who may see it. */
  @Column("text", { name: "full_name" })
  fullName: string;

  @Stored.ref("For a legal-entity member that is itself an organisation here (e.g. a cooperative in a union): its id.", { nullable: true })
  memberOrganizationId: string | null;

  /** Personal data: served by MemberResolver to those who may see it. */
  @Column("bigint", { name: "capital_contributed", transformer: bigintTransformer })
  capitalContributed: bigint;

  @Stored.date("Date the membership began (ngày gia nhập).")
  joinedOn: string;

  @Stored.date("Date the membership ended (ngày chấm dứt); null while a member.", { nullable: true })
  leftOn: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;
}
