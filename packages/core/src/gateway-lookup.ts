/**
 * How a subgraph asks about records another subgraph keeps, before it writes a reference to them: it
 * asks the gateway (or any endpoint serving the same root fields) one GraphQL request per batch, each
 * id an alias of a root field that takes `id: ID!` (`organization_0: organization(id: $organization_0)
 * { … }`), several root fields in the same request when one write names records of several kinds. No
 * shared database, no copies of other subgraphs' tables.
 *
 * The request runs as the caller of the mutation (their token for the gateway, a gateway proof for a
 * subgraph asked directly), so the look-up sees what that caller may see, no more. It has its own time
 * limit, and every way it can fail (unreachable, timed out, refused, an error on any alias) is the
 * same SERVICE_UNAVAILABLE naming the input field whose look-up failed: a write is never decided on a
 * partial answer.
 */
import { DomainError, ErrorCode } from "./errors";
import { onBehalfOfCaller, type RequestContext } from "./request-context";
import { envPrefix } from "./subgraphs";

/** Where look-ups go unless configured: the gateway of a local run. */
export const DEFAULT_LOOKUP_URL = "http://127.0.0.1:4000/graphql";

/** The most aliases the gateway accepts in one operation (its QUERY_LIMITS); a look-up never sends more. */
export const GATEWAY_MAX_ALIASES = 30;

/** The setting naming where subgraph `subgraph` asks other subgraphs: `<SUBGRAPH>_LOOKUP_URL`, one shape for all. */
export function lookupEnvName(subgraph: string): string {
  return `${envPrefix(subgraph)}_LOOKUP_URL`;
}

/**
 * Former names of look-up settings, documented before the names took one shape: still read when the
 * new name is not set, with a deprecation warning, so existing deployments keep working.
 */
export const FORMER_LOOKUP_ENV: Readonly<Record<string, string>> = { OCOP_LOOKUP_URL: "OCOP_ORGANIZATION_LOOKUP_URL" };

const deprecationWarning = (message: string) => process.emitWarning(message, { type: "DeprecationWarning", code: "KTTT_FORMER_SETTING" });

/**
 * The look-up URL in variable `name` (or its former name, with a warning; default: the gateway), refused
 * at start when it is not a URL.
 */
export function lookupUrlFrom(env: NodeJS.ProcessEnv, name: string, warn: (message: string) => void = deprecationWarning): string {
  const former = FORMER_LOOKUP_ENV[name];
  let source = name;
  if (!env[name] && former && env[former]) {
    source = former;
    warn(`${former} is deprecated: set ${name} instead (the same setting, named like every subgraph's <SUBGRAPH>_LOOKUP_URL).`);
  }
  const url = env[source] || DEFAULT_LOOKUP_URL;
  try {
    new URL(url);
  } catch {
    throw new Error(`${source} is not a URL: ${url}`);
  }
  return url;
}

/** One kind of record asked for by id. */
export interface LookupPart<T> {
  /** A root field taking `id: ID!`, e.g. `organization`. */
  field: string;
  /** The subgraph serving that field, as the gateway names it when the subgraph is down (`extensions.serviceName`). */
  subgraph: string;
  /** What to ask of each record, e.g. `__typename id status`. */
  selection: string;
  ids: readonly string[];
  /** The record from one non-null answer, or null when the answer does not count as found. */
  read(answer: Record<string, any>): T | null;
  /** What to say when this part cannot be answered: the input field, a reason code, and who could not be asked about what. */
  unavailable: { field?: string; reason: string; message: string };
}

type Found<P> = { [K in keyof P]: P[K] extends LookupPart<infer T> ? Map<string, T | null> : never };

interface Answer {
  data?: Record<string, Record<string, any> | null> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: { serviceName?: unknown } }[];
}

export class GatewayLookup {
  constructor(
    readonly url: string,
    /** Internal services share the gateway's secret, so a look-up also works against a subgraph asked directly. */
    private readonly gatewaySecret: string | null,
    /** Names the asking service: the operation is `<operationName>`, the header `x-kttt-caller: <caller>`. */
    private readonly caller: string,
    private readonly operationName: string,
    private readonly timeoutMs = 5000,
    /** Whom it asks for; unset: the current request's caller (`currentRequest()`). */
    private readonly on?: RequestContext,
  ) {}

  /** The same look-up asking as `caller`: what a request's GraphQL context holds, so no request scope is needed. */
  forCaller(caller: RequestContext): GatewayLookup {
    return new GatewayLookup(this.url, this.gatewaySecret, this.caller, this.operationName, this.timeoutMs, caller);
  }

  /**
   * Every part's records by id (null for an id the other subgraph does not know), in one request when
   * they fit the gateway's alias limit, else in as few as do. Throws SERVICE_UNAVAILABLE for the first
   * part (in the order given) that could not be answered.
   */
  async find<P extends Record<string, LookupPart<unknown>>>(parts: P): Promise<Found<P>> {
    const asked: { key: keyof P; id: string; alias: string }[] = [];
    for (const key of Object.keys(parts) as (keyof P & string)[]) {
      [...new Set(parts[key].ids)].forEach((id, i) => asked.push({ key, id, alias: `${key}_${i}` }));
    }
    const found = Object.fromEntries(Object.keys(parts).map((key) => [key, new Map()])) as Record<keyof P, Map<string, unknown>>;
    for (let start = 0; start < asked.length; start += GATEWAY_MAX_ALIASES) {
      const batch = asked.slice(start, start + GATEWAY_MAX_ALIASES);
      const data = await this.request(parts, batch);
      for (const { key, id, alias } of batch) {
        const answer = data[alias];
        found[key].set(id, answer ? parts[key].read(answer) : null);
      }
    }
    return found as Found<P>;
  }

  private async request<P extends Record<string, LookupPart<unknown>>>(
    parts: P,
    batch: { key: keyof P; id: string; alias: string }[],
  ): Promise<Record<string, Record<string, any> | null>> {
    const query =
      `query ${this.operationName}(${batch.map(({ alias }) => `$${alias}: ID!`).join(", ")}) {\n` +
      batch.map(({ key, alias }) => `  ${alias}: ${parts[key].field}(id: $${alias}) { ${parts[key].selection} }`).join("\n") +
      "\n}";
    const variables = Object.fromEntries(batch.map(({ id, alias }) => [alias, id]));
    const first = parts[batch[0].key];
    let body: Answer;
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-kttt-caller": this.caller, ...(await onBehalfOfCaller(this.gatewaySecret, this.on)) },
        body: JSON.stringify({ operationName: this.operationName, query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as Answer;
      if (!response.ok && !body.data) throw new Error(`HTTP ${response.status}${body.errors?.length ? `: ${body.errors[0].message}` : ""}`);
    } catch (error) {
      throw unavailable(first, error instanceof Error ? error.message : String(error));
    }
    if (body.errors?.length) {
      // Blame the part an error names (by its alias, or the gateway by the subgraph that is down); else the first.
      const named = (b: { key: keyof P; alias: string }) =>
        body.errors!.some((e) => e.path?.[0] === b.alias || e.extensions?.serviceName === parts[b.key].subgraph);
      const failed = batch.find(named) ?? batch[0];
      throw unavailable(parts[failed.key], body.errors.map((e) => e.message).join("; "));
    }
    if (!body.data) throw unavailable(first, "no data");
    return body.data;
  }
}

function unavailable(part: LookupPart<unknown>, cause: string): DomainError {
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${part.unavailable.message} (${cause}). Nothing was saved; try again shortly.`, {
    field: part.unavailable.field,
    reason: part.unavailable.reason,
  });
}
