/**
 * OpenTelemetry is off by default and switched on with the standard OTEL_* variables: a request
 * carrying a W3C trace context yields spans for the HTTP request, the GraphQL resolvers and the SQL
 * statements, all in the caller's trace.
 */
import { createTestDatabase, freePort, proofFor, type TestDatabase } from "@kttt/testkit";
import { spawn } from "node:child_process";
import path from "node:path";
import { tracingEnabled } from "@kttt/core/dist/tracing";
import { ANONYMOUS, GATEWAY_PROOF_HEADER } from "@kttt/core";

const MAIN = path.resolve(__dirname, "..", "..", "services", "membership", "dist", "main.js");
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("membership", "demo");
});
afterAll(() => database?.drop());

async function runAndQuery(env: Record<string, string>, traceId: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, MEMBERSHIP_DATABASE_URL: database.url, MEMBERSHIP_PORT: String(port), LOG_LEVEL: "warn" },
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  try {
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_PROOF_HEADER]: await proofFor(ANONYMOUS), traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: "{ adminUnits { code } }" }),
    });
    expect(res.status).toBe(200);
  } finally {
    child.kill("SIGTERM"); // a graceful stop flushes the span exporter
    await new Promise((r) => child.once("exit", r));
  }
  return output;
}

describe("tracing", () => {
  it("is off unless OTEL_* variables ask for it", () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: "none" })).toBe(false);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: "console" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_SDK_DISABLED: "true" })).toBe(false);
  });

  it("continues the caller's trace through HTTP, GraphQL and SQL when switched on", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const output = await runAndQuery({ OTEL_TRACES_EXPORTER: "console" }, traceId);
    const spans = output.split(/\n(?=\{)/u).filter((s) => s.includes(`traceId: '${traceId}'`));
    expect(spans.some((s) => /name: 'graphql\.resolve adminUnits'/u.test(s))).toBe(true);
    expect(spans.some((s) => /name: 'pg\.query:SELECT/u.test(s))).toBe(true);
    expect(spans.some((s) => /name: 'POST'/u.test(s))).toBe(true);
  });

  it("exports nothing by default", async () => {
    const output = await runAndQuery({}, "0af7651916cd43dd8448eb211c80319c");
    expect(output).not.toContain("traceId");
  });
});
