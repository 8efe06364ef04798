import { onBehalfOfCaller } from "@kttt/core";
/**
 * How the trade-promotion subgraph learns who owns an OCOP product: it asks a GraphQL endpoint that
 * serves ocop's `ocopProduct(id) { owner }` — by default the gateway — with one request per batch
 * of ids (aliases). This subgraph keeps no copy of ocop's catalogue, so "the product belongs to the
 * participant" is checked against ocop's own answer at the moment of writing.
 */
import { DomainError, ErrorCode } from "@kttt/core";

export interface ProductOwner {
  productId: string;
  productName: string;
  /** Cooperative, CooperativeGroup, CooperativeUnion or OcopLocalOwner. */
  ownerTypename: string;
  ownerId: string;
}

type Answer = { id: string; name: string; owner: { __typename: string; id: string } | null } | null;

export class ProductOwnerLookup {
  constructor(
    readonly url: string,
    /** Internal services share the gateway's secret, so the look-up also works against a subgraph. */
    private readonly gatewaySecret: string,
    private readonly timeoutMs = 5000,
  ) {}

  /**
   * The owners of these products (null for an id ocop does not know). Throws SERVICE_UNAVAILABLE,
   * naming `field`, when the endpoint cannot answer.
   */
  async find(ids: readonly string[], field: string): Promise<Map<string, ProductOwner | null>> {
    const unique = [...new Set(ids)];
    const result = new Map<string, ProductOwner | null>();
    if (unique.length === 0) return result;
    const variables = Object.fromEntries(unique.map((id, i) => [`id${i}`, id]));
    const owner = "owner { __typename ... on Cooperative { id } ... on CooperativeGroup { id } ... on CooperativeUnion { id } ... on OcopLocalOwner { id } }";
    const query =
      `query TradeProductOwnerLookup(${unique.map((_, i) => `$id${i}: ID!`).join(", ")}) {\n` +
      unique.map((_, i) => `  p${i}: ocopProduct(id: $id${i}) { id name ${owner} }`).join("\n") +
      "\n}";
    let body: { data?: Record<string, Answer>; errors?: { message: string }[] };
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-kttt-caller": "trade-promotion", ...(await onBehalfOfCaller(this.gatewaySecret)) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as typeof body;
      if (!response.ok && !body.data) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      throw this.unavailable(field, error instanceof Error ? error.message : String(error));
    }
    if (!body.data || body.errors?.length) throw this.unavailable(field, body.errors?.map((e) => e.message).join("; ") ?? "no data");
    unique.forEach((id, i) => {
      const found = body.data![`p${i}`];
      result.set(id, found?.owner ? { productId: found.id, productName: found.name, ownerTypename: found.owner.__typename, ownerId: found.owner.id } : null);
    });
    return result;
  }

  private unavailable(field: string, cause: string): DomainError {
    return new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The OCOP registry could not be asked who owns the product (${cause}). Nothing was saved; try again shortly.`,
      { field, reason: "PRODUCT_LOOKUP_FAILED" },
    );
  }
}
