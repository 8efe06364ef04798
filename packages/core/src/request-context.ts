/**
 * The request being served, for code far from the resolver (the audit trail inside a transaction):
 * who asked and under which request id. Set by the subgraph's HTTP server for each GraphQL request.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { ANONYMOUS, GATEWAY_PROOF_HEADER, signGatewayProof, type Principal } from "./auth";

export interface RequestContext {
  requestId: string;
  principal: Principal;
  /**
   * The caller's own `Authorization` header, already verified, for a look-up this service makes on the
   * caller's behalf through the gateway (it then sees what the caller may see, no more).
   */
  authorization?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request, or undefined outside one (seeds, scripts). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Headers for a look-up this service makes for the current caller: the caller's own token, for the
 * gateway or router to check again, and (when this service knows our gateway's secret) a gateway proof
 * naming the caller, for a subgraph asked directly. Outside a request (scripts) the look-up runs as the
 * anonymous public.
 */
export async function onBehalfOfCaller(gatewaySecret: string | null): Promise<Record<string, string>> {
  const request = currentRequest();
  const headers: Record<string, string> = request?.authorization ? { authorization: request.authorization } : {};
  if (gatewaySecret) headers[GATEWAY_PROOF_HEADER] = await signGatewayProof(request?.principal ?? ANONYMOUS, request?.requestId ?? randomUUID(), gatewaySecret);
  return headers;
}
