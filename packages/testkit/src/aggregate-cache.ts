/**
 * Reads of a subgraph's statistics of closed periods (core's cachedAggregate) with the statements each read ran, so a
 * test shows what the cache answered and what was computed, and for whom.
 */
import { Role, type Principal } from "@kttt/core";
import { as, graphql } from "./graphql";
import type { TestSubgraph } from "./subgraph";

/** A wide caller: the Alliance's staff, who read every figure of the province. */
export const ALLIANCE_STAFF: Principal = { subject: "test-alliance-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: null };

/** A narrow caller: the People's Committee of xã Tứ Mỹ (18202). */
export const COMMUNE_18202: Principal = { subject: "test-commune-18202", role: Role.COMMUNE, department: null, adminUnitCode: "18202", name: null };

/**
 * One request to `subgraph` as `principal` (the test administrator by default), which must succeed: its data, and how
 * many of the statements it ran match `computes` (the aggregate's own statement): 0 when the cache answered.
 */
export async function countedRead(
  subgraph: TestSubgraph,
  query: string,
  computes: RegExp,
  principal?: Principal,
  // Tests read answers as untyped JSON, as `graphql` does.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ data: any; computed: number }> {
  const headers = principal ? await as(principal) : {};
  const { statements } = subgraph.service;
  statements.start();
  try {
    const response = await graphql<unknown>(subgraph.url, query, undefined, headers);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return { data: response.data, computed: statements.statements.filter((sql) => computes.test(sql)).length };
  } finally {
    statements.stop();
  }
}

/**
 * Four reads of `query`: the Alliance's staff twice, then a commune twice, each "computed" when it ran a statement
 * matching `computes`, else "cached". A cache kept per access scope computes on each caller's first read only
 * (computed, cached, computed, cached); one shared across scopes would answer the commune from the staff's entry.
 * The four answers must agree.
 */
export async function readsPerScope(subgraph: TestSubgraph, query: string, computes: RegExp): Promise<("computed" | "cached")[]> {
  const reads = [];
  for (const caller of [ALLIANCE_STAFF, ALLIANCE_STAFF, COMMUNE_18202, COMMUNE_18202]) reads.push(await countedRead(subgraph, query, computes, caller));
  const answers = new Set(reads.map((r) => JSON.stringify(r.data)));
  if (answers.size !== 1) throw new Error(`The callers' answers differ: ${[...answers].join(" / ")}`);
  return reads.map((r) => (r.computed > 0 ? "computed" : "cached"));
}
