import { onBehalfOfCaller } from "@kttt/core";
/**
 * How the ocop subgraph learns whether a membership organisation exists: it asks a GraphQL
 * endpoint that serves membership's `organization(id)` — by default the gateway — with one
 * request per batch of ids (aliases). No shared database, no copy of membership's table.
 *
 * The request runs as the caller of the mutation (their token for the gateway, a gateway proof for a
 * subgraph asked directly), so the look-up sees what that caller may see.
 */
import { DomainError, ErrorCode } from "@kttt/core";

export interface OrganizationRecord {
  id: string;
  /** Cooperative, CooperativeGroup or CooperativeUnion. */
  typename: string;
  status: string;
}

export class OrganizationLookup {
  constructor(
    readonly url: string,
    /** Internal services share the gateway's secret, so the look-up also works against a subgraph. */
    private readonly gatewaySecret: string,
    private readonly timeoutMs = 5000,
  ) {}

  /**
   * The organisations with these ids (null for an id membership does not know). Throws
   * SERVICE_UNAVAILABLE, naming `field`, when the endpoint cannot answer.
   */
  async find(ids: readonly string[], field?: string): Promise<Map<string, OrganizationRecord | null>> {
    const unique = [...new Set(ids)];
    const result = new Map<string, OrganizationRecord | null>();
    if (unique.length === 0) return result;
    const variables = Object.fromEntries(unique.map((id, i) => [`id${i}`, id]));
    const query =
      `query OcopOwnerLookup(${unique.map((_, i) => `$id${i}: ID!`).join(", ")}) {\n` +
      unique.map((_, i) => `  o${i}: organization(id: $id${i}) { __typename id status }`).join("\n") +
      "\n}";
    let body: { data?: Record<string, { __typename: string; id: string; status: string } | null>; errors?: { message: string }[] };
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-kttt-caller": "ocop", ...(await onBehalfOfCaller(this.gatewaySecret)) },
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
      const found = body.data![`o${i}`];
      result.set(id, found ? { id: found.id, typename: found.__typename, status: found.status } : null);
    });
    return result;
  }

  private unavailable(field: string | undefined, cause: string): DomainError {
    return new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The membership registry could not be asked whether the owner exists (${cause}). Nothing was saved; try again shortly.`,
      { field, reason: "ORGANIZATION_LOOKUP_FAILED" },
    );
  }
}
