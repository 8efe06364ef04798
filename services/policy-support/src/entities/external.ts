/**
 * Entities owned by membership that this subgraph extends: only the key is declared here, so
 * membership keeps every other field; policy support adds `supportReceived` and `policySupport`.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { OrganizationKind } from "../domain/enums";
import { ADMIN_UNIT_ID_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION, adminUnitIdOf, codeOfAdminUnitId } from "@kttt/reference";

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
@Directive('@key(fields: "id")')
export class AdminUnitRef {
  @Field(() => ID, { description: ADMIN_UNIT_ID_DESCRIPTION })
  id: string;

  /** The unit's official code, for the fields this subgraph adds to it. */
  get code(): string {
    return codeOfAdminUnitId(this.id);
  }
}

const REF_OF_KIND = { COOPERATIVE: CooperativeRef, COOPERATIVE_GROUP: CooperativeGroupRef, COOPERATIVE_UNION: CooperativeUnionRef } as const;

/** The federation reference of an organisation of a given legal form. */
export function organizationRef(id: string, kind: OrganizationKind): CooperativeRef | CooperativeGroupRef | CooperativeUnionRef {
  return Object.assign(new REF_OF_KIND[kind](), { id });
}

/** The unit bearing `code` on `date` (default: the latest unit bearing it), as a reference membership resolves. */
export const adminUnitRef = (code: string, date?: string | null): AdminUnitRef => Object.assign(new AdminUnitRef(), { id: adminUnitIdOf(code, date) });
/** One version of a unit (a commune as it was recorded), by its id. */
export const adminUnitVersionRef = (id: string): AdminUnitRef => Object.assign(new AdminUnitRef(), { id });

/** Membership's overview entity, key only (declared once in core). */
export { CollectiveEconomyRef } from "@kttt/core";
