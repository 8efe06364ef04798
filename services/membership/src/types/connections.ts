import { ConnectionType } from "@kttt/core";
import { Member } from "../entities/member";
import { Cooperative, CooperativeGroup, CooperativeUnion, Organization } from "../entities/organization";

export const CooperativeConnection = ConnectionType(Cooperative, "Cooperative", "cooperative (HTX)");
export const CooperativeGroupConnection = ConnectionType(CooperativeGroup, "CooperativeGroup", "cooperative group (THT)");
export const CooperativeUnionConnection = ConnectionType(CooperativeUnion, "CooperativeUnion", "union of cooperatives (LHHTX)");
export const OrganizationConnection = ConnectionType(Organization, "Organization", "organisation");
export const MemberConnection = ConnectionType(Member, "Member", "member (thành viên)");
