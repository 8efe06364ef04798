/**
 * How the gateway calls subgraphs: a time limit per subgraph fetch, one retry of a read that failed
 * to connect (a query is safe to repeat; a mutation never is), and metrics per subgraph.
 */
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
  const cause = (error as { cause?: { code?: string } }).cause;
  return ["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(cause?.code ?? "");
}

export function subgraphFetcher(subgraph: string, options: SubgraphFetchOptions, metrics: SubgraphFetchMetrics): typeof fetch {
  const attempt = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Response> => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
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
  });
}
