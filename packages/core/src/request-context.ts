/**
 * The request being served, for code far from the resolver (the audit trail inside a transaction):
 * who asked and under which request id. Set by the subgraph's HTTP server for each GraphQL request.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Principal } from "./auth";

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

/** Headers that make a look-up through the gateway run as the current caller (none outside a request). */
export function onBehalfOfCaller(): Record<string, string> {
  const authorization = currentRequest()?.authorization;
  return authorization ? { authorization } : {};
}
