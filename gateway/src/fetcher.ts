/**
 * How the gateway calls subgraphs: over node:http with a pool of keep-alive sockets per subgraph, a
 * time limit per subgraph fetch, one retry of a read that failed to connect (a query is safe to
 * repeat; a mutation never is), and metrics per subgraph.
 *
 * Why not the global fetch: under load, undici's fetch (WHATWG streams, an AbortSignal and a Request
 * per call) was a quarter of the gateway's CPU on a page of cooperatives (bench profile); a subgraph
 * answer is read whole and parsed once anyway, which a plain http.request does with a fraction of it.
 */
import http from "node:http";
import https from "node:https";
import { Counter, Histogram } from "prom-client";
import type { ServiceMetrics } from "@kttt/core";

export interface SubgraphFetchOptions {
  timeoutMs: number;
  retryDelayMs: number;
}

export interface SubgraphFetchMetrics {
  latency: Histogram<"subgraph" | "outcome">;
  failures: Counter<"subgraph" | "reason">;
}

export function subgraphFetchMetrics(metrics: ServiceMetrics): SubgraphFetchMetrics {
  return {
    latency: new Histogram({
      name: "subgraph_fetch_duration_seconds",
      help: "Time of a gateway fetch to a subgraph, by subgraph and outcome.",
      labelNames: ["subgraph", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    }),
    failures: new Counter({
      name: "subgraph_fetch_failures_total",
      help: "Gateway fetches to a subgraph that failed, by subgraph and reason (timeout, unreachable, http_<status>).",
      labelNames: ["subgraph", "reason"],
      registers: [metrics.registry],
    }),
  };
}

const READ = /^\s*(query\b|\{)/u;

function isRead(init: RequestInit | undefined): boolean {
  if (typeof init?.body !== "string") return false;
  try {
    const body = JSON.parse(init.body) as { query?: string };
    return typeof body.query === "string" && READ.test(body.query);
  } catch {
    return false;
  }
}

function connectionFailed(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return ["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(e.code ?? e.cause?.code ?? "");
}

/** What Apollo's RemoteGraphQLDataSource reads of a fetch response, over a body read whole. */
class SubgraphResponse {
  readonly redirected = false;
  readonly bodyUsed = false;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    raw: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.headers = {
      get: (name: string) => {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body.toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString("utf8"));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }

  clone(): SubgraphResponse {
    return this;
  }
}

class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** One POST (or other) to a subgraph, its answer read whole; rejects on a socket error or after `timeoutMs`. */
function send(agent: http.Agent, url: string, init: RequestInit | undefined, timeoutMs: number): Promise<SubgraphResponse> {
  return new Promise((resolve, reject) => {
    const body = typeof init?.body === "string" ? init.body : "";
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((init?.headers ?? {}) as Record<string, string>)) headers[name] = value;
    headers["content-length"] = String(Buffer.byteLength(body));
    const request = (url.startsWith("https:") ? https : http).request(url, { method: init?.method ?? "POST", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        clearTimeout(timer);
        resolve(new SubgraphResponse(url, response.statusCode ?? 0, response.statusMessage ?? "", response.headers, Buffer.concat(chunks)));
      });
      response.on("error", fail);
    });
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    const timer = setTimeout(() => request.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("error", fail);
    request.end(body);
  });
}

export function subgraphFetcher(subgraph: string, options: SubgraphFetchOptions, metrics: SubgraphFetchMetrics): typeof fetch {
  // Enough sockets for every request in flight at once: a page fans out to each subgraph concurrently.
  const sockets = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64 };
  const plain = new http.Agent(sockets);
  const secure = new https.Agent(sockets);
  const attempt = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<SubgraphResponse> => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const url = String(input);
      const response = await send(url.startsWith("https:") ? secure : plain, url, init, options.timeoutMs);
      metrics.latency.observe({ subgraph, outcome: response.ok ? "ok" : "error" }, seconds());
      if (!response.ok) metrics.failures.inc({ subgraph, reason: `http_${response.status}` });
      return response;
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      metrics.latency.observe({ subgraph, outcome: timedOut ? "timeout" : "unreachable" }, seconds());
      metrics.failures.inc({ subgraph, reason: timedOut ? "timeout" : "unreachable" });
      if (timedOut) throw new Error(`${subgraph} did not answer within ${options.timeoutMs} ms`);
      throw error;
    }
  };
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await attempt(input, init);
    } catch (error) {
      if (!connectionFailed(error) || !isRead(init)) throw error;
      await new Promise((r) => setTimeout(r, options.retryDelayMs));
      return attempt(input, init);
    }
  }) as unknown as typeof fetch;
}
