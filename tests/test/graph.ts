/**
 * The whole graph for end-to-end tests: every subgraph on its own fresh demo database, and the real
 * gateway in front of them, all over HTTP on free ports.
 */
import { createLogger, loadGatewayConfig, SUBGRAPHS, envPrefix, type StatementCounter } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { startTestMembership } from "../../services/membership/test/helpers";
import { startTestOcop } from "../../services/ocop/test/helpers";
import { startTestPolicySupport } from "../../services/policy-support/test/helpers";
import { startTestTradePromotion } from "../../services/trade-promotion/test/helpers";

export interface RunningSubgraph {
  url: string;
  service: { statements: StatementCounter; server: { close(): Promise<void> } };
  stop(): Promise<void>;
}

/**
 * How each subgraph is started for a test, given the membership subgraph's URL and the subgraphs
 * started before it (in SUBGRAPHS order), for the look-ups some subgraphs make.
 */
const STARTERS: Record<string, (membershipUrl: string, started: Record<string, RunningSubgraph>) => Promise<RunningSubgraph>> = {
  ocop: (membershipUrl) => startTestOcop("demo", membershipUrl),
  "trade-promotion": (_membershipUrl, started) => startTestTradePromotion("demo", started.ocop.url),
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
    subgraphs[s.name] = await start(membership.url, subgraphs);
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
