import { ConnectionType } from "@kttt/core";
import { Member } from "../entities/member";
import { Cooperative, CooperativeGroup, CooperativeUnion, Organization } from "../entities/organization";

export const CooperativeConnection = ConnectionType(Cooperative, "Cooperative", "cooperative (HTX)");
export type CooperativeConnection = InstanceType<typeof CooperativeConnection>;
export const CooperativeGroupConnection = ConnectionType(CooperativeGroup, "CooperativeGroup", "cooperative group (THT)");
export type CooperativeGroupConnection = InstanceType<typeof CooperativeGroupConnection>;
export const CooperativeUnionConnection = ConnectionType(CooperativeUnion, "CooperativeUnion", "union of cooperatives (LHHTX)");
export type CooperativeUnionConnection = InstanceType<typeof CooperativeUnionConnection>;
export const OrganizationConnection = ConnectionType(Organization, "Organization", "organisation");
export type OrganizationConnection = InstanceType<typeof OrganizationConnection>;
export const MemberConnection = ConnectionType(Member, "Member", "member (thành viên)");
export type MemberConnection = InstanceType<typeof MemberConnection>;
