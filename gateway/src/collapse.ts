/**
 * Identical queries in flight are answered once: when a query arrives while the same query (same
 * document, operation and variables) is still being answered for a caller with the same access, it
 * waits for that answer instead of planning and fetching again — a dashboard opened by many people
 * at once costs the subgraphs one answer.
 *
 * Never across access: the key holds the caller's role, department and unit, everything the rules of
 * the subgraphs look at (README, Access), so a district never receives an answer computed for the
 * Alliance. Never across a write: a mutation answered by this gateway closes every query in flight to
 * newcomers, so a read sent after a write returns starts afresh and sees it. Nothing is kept once
 * the answer is sent: this is not a cache.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { Principal } from "@kttt/core";
import type { FormattedExecutionResult } from "graphql";

interface Shared {
  status: number | undefined;
  result: FormattedExecutionResult | null;
}

/** What the subgraphs' rules distinguish callers by (never the person: two staff members see the same). */
export const accessScope = (principal: Principal) => `${principal.role}|${principal.department ?? ""}|${principal.adminUnitCode ?? ""}`;

/** `joined` is told of every query answered by joining one in flight (a metric counts them). */
export function collapseIdenticalQueries<T extends { principal: Principal }>(joined: () => void = () => undefined): ApolloServerPlugin<T> {
  const inFlight = new Map<string, Promise<Shared>>();
  return {
    async requestDidStart() {
      let lead: { key: string; answer: Promise<Shared>; settle: (shared: Shared) => void } | null = null;
      let mutation = false;
      return {
        async responseForOperation({ operation, request, queryHash, contextValue }: GraphQLRequestContext<T>) {
          if (operation?.operation !== "query") {
            mutation = operation?.operation === "mutation";
            return null;
          }
          // The document by its SHA-256 (Apollo Server's, computed anyway): a key of the whole text costs a copy and a hash of it per request.
          const key = `${accessScope(contextValue.principal)}\u0000${request.operationName ?? ""}\u0000${JSON.stringify(request.variables ?? {})}\u0000${queryHash ?? request.query ?? ""}`;
          const running = inFlight.get(key);
          if (running) {
            const shared = await running;
            if (shared.result) {
              joined();
              return { http: { status: shared.status, headers: new HeaderMap() }, body: { kind: "single", singleResult: shared.result } };
            }
            return null; // the first one had no single answer to share: answer this one itself
          }
          let settle!: (shared: Shared) => void;
          const answer = new Promise<Shared>((resolve) => (settle = resolve));
          inFlight.set(key, answer);
          lead = { key, answer, settle };
          return null;
        },
        async willSendResponse({ response }) {
          if (mutation) inFlight.clear();
          if (!lead) return;
          // After a write cleared the map, the key may be another query's by now: remove only our own.
          if (inFlight.get(lead.key) === lead.answer) inFlight.delete(lead.key);
          lead.settle({ status: response.http.status, result: response.body.kind === "single" ? response.body.singleResult : null });
          lead = null;
        },
      };
    },
  };
}

const serialized = new WeakMap<object, string>();

/**
 * Apollo Server's `stringifyResult`, serialising a shared answer once: the queries that joined one in
 * flight hold the very same `data`, so the first to be written keeps its JSON for the others (as Apollo
 * Server writes it: compact, one newline). An answer with errors or extensions is written each time.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const data = value.data;
  if (!data || value.errors !== undefined || value.extensions !== undefined) return `${JSON.stringify(value)}\n`;
  let text = serialized.get(data);
  if (text === undefined) serialized.set(data, (text = `${JSON.stringify(value)}\n`));
  return text;
}
