/**
 * Entities of the membership subgraph that this subgraph extends: only their keys are declared
 * here (descriptions as membership's, so composition keeps one); membership resolves every other field. The OCOP fields are added by resolvers/external.resolver.ts.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ADMIN_UNIT_CODE_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION } from "@kttt/reference";

@ObjectType({ description: "Hợp tác xã (HTX): a cooperative, a legal person with at least 5 official members." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType({ description: "Tổ hợp tác (THT): a cooperative group working under a cooperation contract." })
@Directive('@key(fields: "id")')
export class CooperativeGroup {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType({ description: "Liên hiệp hợp tác xã (LHHTX): a union of at least 3 cooperatives." })
@Directive('@key(fields: "id")')
export class CooperativeUnion {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType({ description: ADMIN_UNIT_TYPE_DESCRIPTION })
@Directive('@key(fields: "code")')
export class AdminUnit {
  @Field({ description: ADMIN_UNIT_CODE_DESCRIPTION })
  code: string;
}

export const ORGANIZATION_CLASS = { COOPERATIVE: Cooperative, COOPERATIVE_GROUP: CooperativeGroup, COOPERATIVE_UNION: CooperativeUnion } as const;

/** Membership's overview entity, key only (declared once in core). */
export { CollectiveEconomyRef as CollectiveEconomy } from "@kttt/core";
