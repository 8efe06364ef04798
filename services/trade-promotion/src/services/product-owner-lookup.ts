/**
 * How the trade-promotion subgraph learns who owns an OCOP product: ocop's `ocopProduct(id) { owner }`,
 * and whether a funding programme exists: policy support's `supportProgramme(id)`,
 * asked through the gateway with the shared look-up (`GatewayLookup` in @kttt/core), in the same
 * request as the membership organisation the write names. This subgraph keeps no copy of ocop's
 * catalogue, so "the product belongs to the participant" is checked against ocop's own answer at the
 * moment of writing.
 */
import type { LookupPart } from "@kttt/core";

export interface ProductOwner {
  productId: string;
  productName: string;
  /** Cooperative, CooperativeGroup, CooperativeUnion or OcopLocalOwner. */
  ownerTypename: string;
  ownerId: string;
}

const OWNER = "owner { __typename ... on Cooperative { id } ... on CooperativeGroup { id } ... on CooperativeUnion { id } ... on OcopLocalOwner { id } }";

/** The owners of these products (null for a product ocop does not know); a failed look-up is reported on `field`. */
export function productOwnersById(ids: readonly string[], field: string): LookupPart<ProductOwner> {
  return {
    field: "ocopProduct",
    subgraph: "ocop",
    selection: `id name ${OWNER}`,
    ids,
    read: (p) => (p.owner ? { productId: p.id, productName: p.name, ownerTypename: p.owner.__typename, ownerId: p.owner.id } : null),
    unavailable: { field, reason: "PRODUCT_LOOKUP_FAILED", message: "The OCOP registry could not be asked who owns the product" },
  };
}

/** The support programmes with these ids (null for one policy support does not know). */
export function programmesById(ids: readonly string[], field: string): LookupPart<{ id: string; code: string }> {
  return {
    field: "supportProgramme",
    subgraph: "policy-support",
    selection: "id code",
    ids,
    read: (p) => ({ id: p.id, code: p.code }),
    unavailable: { field, reason: "PROGRAMME_LOOKUP_FAILED", message: "Policy support could not be asked whether the support programme exists" },
  };
}
