/**
 * Logs and metrics every service shares: structured JSON logs (pino) carrying the request id that
 * the gateway generates, and Prometheus metrics (prom-client) per operation, error code and
 * database pool. No secrets or personal data are logged: variables and results never are.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import pino, { type Logger } from "pino";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type { Logger } from "pino";

export function createLogger(service: string, level = "info"): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie"], remove: true },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<"operation" | "outcome">;
  duration: Histogram<"operation">;
  errors: Counter<"code">;
}

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: "graphql_requests_total",
      help: "GraphQL operations served, by operation name and outcome (ok, error).",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time to answer a GraphQL operation, by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "graphql_errors_total",
      help: "GraphQL errors returned, by extensions.code.",
      labelNames: ["code"],
      registers: [registry],
    }),
  };
}

/** Database pool gauges, read when Prometheus scrapes. */
export function registerPoolMetrics(metrics: ServiceMetrics, pool: () => { totalCount: number; idleCount: number; waitingCount: number } | undefined): void {
  const gauge = (name: string, help: string, read: (p: { totalCount: number; idleCount: number; waitingCount: number }) => number) =>
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      collect() {
        const p = pool();
        this.set(p ? read(p) : 0);
      },
    });
  gauge("db_pool_connections", "Open connections in the database pool.", (p) => p.totalCount);
  gauge("db_pool_idle_connections", "Idle connections in the database pool.", (p) => p.idleCount);
  gauge("db_pool_waiting_clients", "Requests waiting for a database connection.", (p) => p.waitingCount);
}

/** SQL statements sent since the process started (transaction control excluded): per request, with the request count. */
export function registerStatementMetrics(metrics: ServiceMetrics, total: () => number): void {
  let reported = 0;
  new Counter({
    name: "db_statements_total",
    help: "SQL statements sent to the database (not counting BEGIN, COMMIT, ROLLBACK, savepoints).",
    registers: [metrics.registry],
    collect() {
      const now = total();
      this.inc(now - reported);
      reported = now;
    },
  });
}

interface RequestIdContext extends BaseContext {
  requestId?: string;
}

/** Logs one line per operation and feeds the metrics. */
export function observabilityPlugin<T extends RequestIdContext>(logger: Logger, metrics: ServiceMetrics): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = operationName ?? "anonymous";
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const allErrors = errors ?? body?.errors ?? [];
          const codes = allErrors.map((e) => {
            const code = (e as { extensions?: { code?: unknown } }).extensions?.code;
            return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
          });
          metrics.requests.inc({ operation, outcome: codes.length ? "error" : "ok" });
          metrics.duration.observe({ operation }, seconds);
          for (const code of codes) metrics.errors.inc({ code });
          logger[codes.length ? "warn" : "info"](
            { requestId: contextValue.requestId, operation, ms: Math.round(seconds * 1000), ...(codes.length ? { errorCodes: codes } : {}) },
            "graphql operation",
          );
        },
      };
    },
  };
}
