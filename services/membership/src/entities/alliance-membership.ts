import { Field, ObjectType } from "type-graphql";
import { Entity, PrimaryColumn } from "typeorm";
import { Stored } from "@kttt/core";

@ObjectType({ description: "Membership of the provincial Cooperative Alliance (thành viên Liên minh Hợp tác xã tỉnh Hà Tĩnh)." })
@Entity("alliance_membership")
export class AllianceMembership {
  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Stored.date("Date the organisation joined the Alliance (ngày kết nạp).")
  joinedOn: string;

  @Stored.date("Date it left the Alliance (ngày ra khỏi Liên minh); null while a member.", { nullable: true })
  leftOn: string | null;

  @Stored.text("Number of the admission decision (số quyết định kết nạp).", { nullable: true })
  decisionNumber: string | null;

  @Field({ description: "True while the organisation is a member (đang là thành viên)." })
  isMember(): boolean {
    return this.leftOn === null;
  }
}
