/** The dashboard reads only the GraphQL API, through the gateway of the same origin. */
import { useEffect, useState } from "react";

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string };
}

export interface QueryState<T> {
  loading: boolean;
  data: T | null;
  errors: GraphQLError[];
  /** The API itself could not be reached. */
  failed: string | null;
}

export const GRAPHQL_URL = "/graphql";

export async function runQuery<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T | null; errors: GraphQLError[] }> {
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLError[] };
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
      .catch((error: unknown) => current && setState({ loading: false, data: null, errors: [], failed: String(error) }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key]);
  return state;
}

/** The parts of the answer that are missing, in words a reader understands. */
export function missingParts(errors: GraphQLError[]): string[] {
  const names: Record<string, string> = {
    membership: "thành viên, tài chính, xếp loại",
    ocop: "sản phẩm OCOP",
    "trade-promotion": "xúc tiến thương mại",
    "policy-support": "chính sách hỗ trợ",
  };
  const parts = new Set<string>();
  for (const e of errors) parts.add(e.extensions?.serviceName ? (names[e.extensions.serviceName] ?? e.extensions.serviceName) : e.message);
  return [...parts];
}
