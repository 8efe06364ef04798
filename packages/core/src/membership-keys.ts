/**
 * Membership's entities as the other subgraphs declare them: the federation key only (descriptions as
 * membership's, so composition keeps one), declared once here for ocop, trade promotion and policy
 * support. Each subgraph adds its own fields with field resolvers on these classes (its
 * `resolvers/external.resolver.ts`); membership resolves every other field. Lists them in its
 * `entities/external.ts` beside the keys of other subgraphs' entities it names.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ADMIN_UNIT_CODE_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION } from "./admin-unit-code";
import { OrganizationKind } from "./organization-kind";
import { CollectiveEconomyRef } from "./reporting";

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

export type OrganizationRef = CooperativeRef | CooperativeGroupRef | CooperativeUnionRef;

/** The key class of each membership organisation kind. */
export const ORGANIZATION_REF: Readonly<Record<OrganizationKind, new () => OrganizationRef>> = {
  [OrganizationKind.COOPERATIVE]: CooperativeRef,
  [OrganizationKind.COOPERATIVE_GROUP]: CooperativeGroupRef,
  [OrganizationKind.COOPERATIVE_UNION]: CooperativeUnionRef,
};

/** The federation reference of a membership organisation of a given legal form. */
export function organizationRef(id: string, kind: OrganizationKind | `${OrganizationKind}`): OrganizationRef {
  return Object.assign(new ORGANIZATION_REF[kind as OrganizationKind](), { id });
}

export function adminUnitRef(code: string): AdminUnitRef {
  return Object.assign(new AdminUnitRef(), { code });
}

/** A reference resolver for an entity this subgraph knows by its key only: the reference is the entity. */
export function keyOnly<T extends object>(Class: new () => T) {
  return { __resolveReference: (reference: Partial<T>) => Object.assign(new Class(), reference) };
}

/** The reference resolvers of membership's entities, keys only, for a subgraph that extends them. */
export const MEMBERSHIP_KEY_REFERENCES = {
  Cooperative: keyOnly(CooperativeRef),
  CooperativeGroup: keyOnly(CooperativeGroupRef),
  CooperativeUnion: keyOnly(CooperativeUnionRef),
  AdminUnit: keyOnly(AdminUnitRef),
  CollectiveEconomy: keyOnly(CollectiveEconomyRef),
} as const;

/** The key classes of membership's entities, for a subgraph's `orphanedTypes`. */
export const MEMBERSHIP_KEY_TYPES = [CooperativeRef, CooperativeGroupRef, CooperativeUnionRef, AdminUnitRef, CollectiveEconomyRef] as const;
