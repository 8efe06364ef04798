/**
 * Entities other subgraphs own that trade promotion refers to or extends: only the key is declared
 * here, so their owners keep every other field. Membership owns organisations, units and the
 * collective-economy overview; ocop owns products and local owners; policy support owns support
 * programmes.
 */
import { membershipKeys, type IdKey } from "@kttt/core";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { TradeParticipantKind } from "../domain/enums";
import { adminUnitIdOf } from "@kttt/reference";

/** Membership's entities, keys only, made by core's `membershipKeys()`; units by version id (participations keep communes with dates). */
export const membership = membershipKeys({ adminUnitKey: "id", unitIdOf: adminUnitIdOf });
/** The unit key class and its references, which most resolvers use, by name. */
export const { AdminUnitRef, adminUnitRef, adminUnitVersionRef } = membership;
export type AdminUnitRef = InstanceType<typeof AdminUnitRef>;

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

@ObjectType("SupportProgramme", {
  description: "A support programme (chương trình, kế hoạch hỗ trợ): a policy carried out by an agency over a period, with a budget by funding source.",
})
@Directive('@key(fields: "id")')
export class SupportProgrammeRef {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  id: string;
}

const REF_OF_KIND = {
  COOPERATIVE: membership.CooperativeRef,
  COOPERATIVE_GROUP: membership.CooperativeGroupRef,
  COOPERATIVE_UNION: membership.CooperativeUnionRef,
  OCOP_LOCAL_OWNER: OcopLocalOwnerRef,
} as const;

export type ParticipantRef = IdKey | OcopLocalOwnerRef;

/** The federation reference of a participant or seller of a given kind. */
export function participantRef(id: string, kind: TradeParticipantKind): ParticipantRef {
  return Object.assign(new REF_OF_KIND[kind](), { id });
}

export const productRef = (id: string): OcopProductRef => Object.assign(new OcopProductRef(), { id });
export const supportProgrammeRef = (id: string): SupportProgrammeRef => Object.assign(new SupportProgrammeRef(), { id });
