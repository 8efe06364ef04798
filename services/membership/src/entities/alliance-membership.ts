import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { LocalDateScalar } from "@kttt/core";

@ObjectType({ description: "Membership of the provincial Cooperative Alliance (thành viên Liên minh Hợp tác xã tỉnh Hà Tĩnh)." })
@Entity("alliance_membership")
export class AllianceMembership {
  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => LocalDateScalar, { description: "Date the organisation joined the Alliance (ngày kết nạp)." })
  @Column("date", { name: "joined_on" })
  joinedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date it left the Alliance (ngày ra khỏi Liên minh); null while a member." })
  @Column("date", { name: "left_on", nullable: true })
  leftOn: string | null;

  @Field(() => String, { nullable: true, description: "Number of the admission decision (số quyết định kết nạp)." })
  @Column("text", { name: "decision_number", nullable: true })
  decisionNumber: string | null;

  @Field({ description: "True while the organisation is a member (đang là thành viên)." })
  isMember(): boolean {
    return this.leftOn === null;
  }
}
