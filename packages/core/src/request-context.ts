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

/** Requests in flight inside `enterRequest`. */
let entered = 0;

/**
 * Runs `fn` (and everything it starts) as `context`'s request until the returned function is called.
 * Node 20's AsyncLocalStorage costs every promise of the process something while it is on (promise
 * hooks: about a tenth of a read's CPU in membership), so a subgraph enters it only for requests whose
 * code reads `currentRequest()` (writes: the audit trail) and it is switched off again when the last
 * of them ends. Reads get their caller from their GraphQL context instead.
 */
export function enterRequest(context: RequestContext, fn: () => void): () => void {
  entered += 1;
  let released = false;
  storage.run(context, fn);
  return () => {
    if (released) return;
    released = true;
    entered -= 1;
    if (entered === 0) storage.disable();
  };
}

/** The current request, or undefined outside one (seeds, scripts). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Headers for a look-up this service makes for the caller (`request`, else the current request): the
 * caller's own token, for the gateway or router to check again, and (when this service knows our
 * gateway's secret) a gateway proof naming the caller, for a subgraph asked directly. Outside a request
 * (scripts) the look-up runs as the anonymous public.
 */
export async function onBehalfOfCaller(gatewaySecret: string | null, request: RequestContext | undefined = currentRequest()): Promise<Record<string, string>> {
  const headers: Record<string, string> = request?.authorization ? { authorization: request.authorization } : {};
  if (gatewaySecret) headers[GATEWAY_PROOF_HEADER] = await signGatewayProof(request?.principal ?? ANONYMOUS, request?.requestId ?? randomUUID(), gatewaySecret);
  return headers;
}
