/**
 * Entities other subgraphs own that trade promotion refers to or extends: only the key is declared
 * here, so their owners keep every other field. Membership owns organisations, units and the
 * collective-economy overview; ocop owns products and local owners; policy support owns support
 * programmes.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { TradeParticipantKind } from "../domain/enums";
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

@ObjectType("OcopLocalOwner", {
  description:
    "An OCOP product owner this subgraph keeps itself (chủ thể OCOP): an enterprise or a household business. Cooperatives and cooperative groups are kept by the membership subgraph.",
})
@Directive('@key(fields: "id")')
export class OcopLocalOwnerRef {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

@ObjectType("OcopProduct", { description: "An OCOP product (sản phẩm OCOP, Mỗi xã một sản phẩm): what is certified, where it is made and who owns it." })
@Directive('@key(fields: "id")')
export class OcopProductRef {
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

@ObjectType("SupportProgramme", { description: "A support programme (chương trình, kế hoạch hỗ trợ): a policy carried out by an agency over a period, with a budget by funding source." })
@Directive('@key(fields: "id")')
export class SupportProgrammeRef {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

/** Membership's overview entity, key only (declared once in core). */
export { CollectiveEconomyRef } from "@kttt/core";

const REF_OF_KIND = { COOPERATIVE: CooperativeRef, COOPERATIVE_GROUP: CooperativeGroupRef, COOPERATIVE_UNION: CooperativeUnionRef, OCOP_LOCAL_OWNER: OcopLocalOwnerRef } as const;

export type ParticipantRef = CooperativeRef | CooperativeGroupRef | CooperativeUnionRef | OcopLocalOwnerRef;

/** The federation reference of a participant or seller of a given kind. */
export function participantRef(id: string, kind: TradeParticipantKind): ParticipantRef {
  return Object.assign(new REF_OF_KIND[kind](), { id });
}

export const productRef = (id: string): OcopProductRef => Object.assign(new OcopProductRef(), { id });
/** The unit bearing `code` on `date` (default: the latest unit bearing it), as a reference membership resolves. */
export const adminUnitRef = (code: string, date?: string | null): AdminUnitRef => Object.assign(new AdminUnitRef(), { id: adminUnitIdOf(code, date) });
/** One version of a unit (a commune as it was recorded), by its id. */
export const adminUnitVersionRef = (id: string): AdminUnitRef => Object.assign(new AdminUnitRef(), { id });
export const supportProgrammeRef = (id: string): SupportProgrammeRef => Object.assign(new SupportProgrammeRef(), { id });
