/**
 * Reads of a subgraph's statistics of closed periods (core's cachedAggregate) with the statements each read ran, so a
 * test shows what the cache answered and what was computed, and for whom.
 */
import { Role, type Principal } from "@kttt/core";
import { as, graphql, type GraphQLResponse } from "./graphql";
import type { TestSubgraph } from "./subgraph";

/** A wide caller: the Alliance's staff, who read every figure of the province. */
export const ALLIANCE_STAFF: Principal = { subject: "test-alliance-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: null };

/** A narrow caller: the People's Committee of xã Tứ Mỹ (18202). */
export const COMMUNE_18202: Principal = { subject: "test-commune-18202", role: Role.COMMUNE, department: null, adminUnitCode: "18202", name: null };

export interface CountedRead {
  // Tests read answers as untyped JSON, as `graphql` does.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  response: GraphQLResponse<any>;
  /** How many of the statements the read ran match the pattern asked for (the aggregate's own statement). */
  computed: number;
}

/**
 * One request to `subgraph` as `principal` (the test administrator by default), and how many of the statements it ran
 * match `computes`: 0 when every aggregate came from the cache.
 */
export async function countedRead(
  subgraph: TestSubgraph,
  query: string,
  computes: RegExp,
  variables?: Record<string, unknown>,
  principal?: Principal,
): Promise<CountedRead> {
  const headers = principal ? await as(principal) : {};
  const { statements } = subgraph.service;
  statements.start();
  try {
    const response = await graphql(subgraph.url, query, variables, headers);
    return { response, computed: statements.statements.filter((sql) => computes.test(sql)).length };
  } finally {
    statements.stop();
  }
}

/**
 * Four reads of `query`: the Alliance's staff twice, then a commune twice, each with the count of statements matching
 * `computes`. A cache kept per access scope computes on each caller's first read only ([n, 0, n, 0]); one shared
 * across scopes would answer the commune from the staff's entry ([n, 0, 0, 0]).
 */
export async function readsPerScope(
  subgraph: TestSubgraph,
  query: string,
  computes: RegExp,
  variables?: Record<string, unknown>,
): Promise<{ computed: number[]; responses: CountedRead["response"][] }> {
  const reads: CountedRead[] = [];
  for (const caller of [ALLIANCE_STAFF, ALLIANCE_STAFF, COMMUNE_18202, COMMUNE_18202])
    reads.push(await countedRead(subgraph, query, computes, variables, caller));
  return { computed: reads.map((r) => r.computed), responses: reads.map((r) => r.response) };
}
