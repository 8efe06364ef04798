/** The dashboard reads only the GraphQL API, through the gateway of the same origin, as the signed-in user. */
import { useEffect, useState } from "react";
import { credentialHeaders, credentialRefused, currentCredential } from "./auth";

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; serviceName?: string };
}

export interface QueryState<T> {
  loading: boolean;
  data: T | null;
  errors: GraphQLError[];
  /** The API itself could not be reached. */
  failed: string | null;
}

export const GRAPHQL_URL = "/graphql";

/** The gateway did not accept the credential; the sign-in form takes over. */
export class Unauthenticated extends Error {}

export async function runQuery<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T | null; errors: GraphQLError[] }> {
  const credential = currentCredential();
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers: { "content-type": "application/json", ...credentialHeaders(credential) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLError[] };
  // FORBIDDEN on some fields is partial data, shown as such; UNAUTHENTICATED means sign in again.
  if (response.status === 401 || body.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
    credentialRefused(credential, body.errors?.find((e) => e.extensions?.code === "UNAUTHENTICATED")?.extensions?.reason);
    throw new Unauthenticated(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  }
  if (!("data" in body) && !("errors" in body)) throw new Error(`HTTP ${response.status}`);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

export function useQuery<T>(query: string, variables: Record<string, unknown>): QueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T>>({ loading: true, data: null, errors: [], failed: null });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    runQuery<T>(query, variables)
      .then(({ data, errors }) => current && setState({ loading: false, data, errors, failed: null }))
      .catch((error: unknown) => current && !(error instanceof Unauthenticated) && setState({ loading: false, data: null, errors: [], failed: String(error) }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key]);
  return state;
}

/** Some fields are not for this caller's role: the rest of the answer is shown. */
export function someForbidden(errors: GraphQLError[]): boolean {
  return errors.some((e) => e.extensions?.code === "FORBIDDEN");
}

/** The parts of the answer that are missing (other than refused ones), in words a reader understands. */
export function missingParts(errors: GraphQLError[]): string[] {
  const names: Record<string, string> = {
    membership: "thành viên, tài chính, xếp loại",
    ocop: "sản phẩm OCOP",
    "trade-promotion": "xúc tiến thương mại",
    "policy-support": "chính sách hỗ trợ",
  };
  const parts = new Set<string>();
  for (const e of errors) {
    if (e.extensions?.code !== "FORBIDDEN") parts.add(e.extensions?.serviceName ? (names[e.extensions.serviceName] ?? e.extensions.serviceName) : e.message);
  }
  return [...parts];
}
