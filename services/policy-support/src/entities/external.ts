/**
 * Entities owned by membership that this subgraph extends: only the key is declared here, so
 * membership keeps every other field; policy support adds `supportReceived` and `policySupport`.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { OrganizationKind } from "../domain/enums";
import { ADMIN_UNIT_CODE_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION } from "@kttt/reference";

@ObjectType("Cooperative", { description: "Hợp tác xã (HTX): a cooperative, a legal person with at least 5 official members." })
@Directive('@key(fields: "id")')
export class CooperativeRef {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType("CooperativeGroup", { description: "Tổ hợp tác (THT): a cooperative group working under a cooperation contract." })
@Directive('@key(fields: "id")')
export class CooperativeGroupRef {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType("CooperativeUnion", { description: "Liên hiệp hợp tác xã (LHHTX): a union of at least 3 cooperatives." })
@Directive('@key(fields: "id")')
export class CooperativeUnionRef {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType("AdminUnit", { description: ADMIN_UNIT_TYPE_DESCRIPTION })
@Directive('@key(fields: "code")')
export class AdminUnitRef {
  @Field({ description: ADMIN_UNIT_CODE_DESCRIPTION })
  code: string;
}

const REF_OF_KIND = { COOPERATIVE: CooperativeRef, COOPERATIVE_GROUP: CooperativeGroupRef, COOPERATIVE_UNION: CooperativeUnionRef } as const;

/** The federation reference of an organisation of a given legal form. */
export function organizationRef(id: string, kind: OrganizationKind): CooperativeRef | CooperativeGroupRef | CooperativeUnionRef {
  return Object.assign(new REF_OF_KIND[kind](), { id });
}

export function adminUnitRef(code: string): AdminUnitRef {
  return Object.assign(new AdminUnitRef(), { code });
}

/** Membership's overview entity, key only (declared once in core). */
export { CollectiveEconomyRef } from "@kttt/core";
