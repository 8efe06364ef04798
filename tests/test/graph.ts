/**
 * The whole graph for end-to-end tests: every subgraph on its own fresh demo database, and the real
 * gateway in front of them, all over HTTP on free ports.
 */
import { createLogger, loadGatewayConfig, SUBGRAPHS, envPrefix, type StatementCounter } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { startTestMembership } from "../../services/membership/test/helpers";
import { startTestOcop } from "../../services/ocop/test/helpers";
import { startTestPolicySupport } from "../../services/policy-support/test/helpers";

export interface RunningSubgraph {
  url: string;
  service: { statements: StatementCounter; server: { close(): Promise<void> } };
  stop(): Promise<void>;
}

/** How each subgraph is started for a test; `lookupUrl` is the membership subgraph's URL. */
const STARTERS: Record<string, (membershipUrl: string) => Promise<RunningSubgraph>> = {
  ocop: (membershipUrl) => startTestOcop("demo", membershipUrl),
  "policy-support": () => startTestPolicySupport("demo"),
};

export interface TestGraph {
  gateway: GatewayServer;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

export async function startTestGraph(env: Record<string, string> = {}): Promise<TestGraph> {
  const membership = await startTestMembership("demo");
  const subgraphs: Record<string, RunningSubgraph> = { membership };
  for (const s of SUBGRAPHS) {
    if (s.name === "membership") continue;
    const start = STARTERS[s.name];
    if (!start) throw new Error(`tests/test/graph.ts does not know how to start the ${s.name} subgraph`);
    subgraphs[s.name] = await start(membership.url);
  }
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [`${envPrefix(name)}_URL`, s.url]));
  const gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", ...urls, ...env }), port: 0 }, createLogger("gateway", "silent"));
  return {
    gateway,
    subgraphs,
    async stop() {
      await gateway.close();
      for (const s of Object.values(subgraphs)) await s.stop().catch(() => undefined);
    },
  };
}
