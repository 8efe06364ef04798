/**
 * The whole graph for end-to-end tests: every subgraph on its own fresh demo database, and the real
 * gateway in front of them, all over HTTP on free ports. Subgraphs look up each other's records through
 * that gateway, as they do in production.
 */
import { createLogger, loadGatewayConfig, SUBGRAPHS, envPrefix, type StatementCounter } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { freePort, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { ocop as ocopSubgraph } from "@kttt/ocop";
import { policySupport as policySupportSubgraph } from "@kttt/policy-support";
import { tradePromotion as tradePromotionSubgraph } from "@kttt/trade-promotion";

export interface RunningSubgraph {
  url: string;
  service: { statements: StatementCounter; server: { close(): Promise<void> } };
  stop(): Promise<void>;
}

/** How each subgraph is started for a test, given the URL of the gateway its look-ups go to (and more of its environment). */
export const STARTERS: Record<string, (lookupUrl: string, env?: Record<string, string>) => Promise<RunningSubgraph>> = {
  membership: (_lookupUrl, env) => startTestSubgraph(membershipSubgraph, { variant: "demo", env }),
  ocop: (lookupUrl, env) => startTestSubgraph(ocopSubgraph, { variant: "demo", lookupUrl, env }),
  "trade-promotion": (lookupUrl, env) => startTestSubgraph(tradePromotionSubgraph, { variant: "demo", lookupUrl, env }),
  "policy-support": (lookupUrl, env) => startTestSubgraph(policySupportSubgraph, { variant: "demo", lookupUrl, env }),
};

export interface TestGraph {
  gateway: GatewayServer;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * `env` is the gateway's; `subgraphEnv` every subgraph's, e.g. ROUTER_SECRET to let a router in too
 * (AUTH_JWKS_URL defaults to this gateway's JWKS).
 */
export async function startTestGraph(env: Record<string, string> = {}, subgraphEnv: Record<string, string> = {}): Promise<TestGraph> {
  // The gateway starts last but its port is chosen first: the subgraphs' look-ups are told where it will be.
  const gatewayPort = await freePort();
  const subgraphEnvWithKeys = subgraphEnv.ROUTER_SECRET
    ? { AUTH_JWKS_URL: `http://127.0.0.1:${gatewayPort}/.well-known/jwks.json`, ...subgraphEnv }
    : subgraphEnv;
  const lookupUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const started = await Promise.all(
    SUBGRAPHS.map(async (s) => {
      const start = STARTERS[s.name];
      if (!start) throw new Error(`tests/test/graph.ts does not know how to start the ${s.name} subgraph`);
      return [s.name, await start(lookupUrl, subgraphEnvWithKeys)] as const;
    }),
  );
  const subgraphs: Record<string, RunningSubgraph> = Object.fromEntries(started);
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [`${envPrefix(name)}_URL`, s.url]));
  const gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", ...urls, ...env }), port: gatewayPort }, createLogger("gateway", "silent"));
  return {
    gateway,
    subgraphs,
    async stop() {
      await gateway.close();
      for (const s of Object.values(subgraphs)) await s.stop().catch(() => undefined);
    },
  };
}

/**
 * One subgraph, `name`, on a fresh demo database behind a gateway of its own that its look-ups go
 * through; `env` tells that gateway where the other subgraphs are (a closed port: that one is down).
 */
export async function startSubgraphBehindGateway<T extends RunningSubgraph>(
  name: string,
  env: Record<string, string>,
): Promise<{ gateway: GatewayServer; subgraph: T; stop(): Promise<void> }> {
  const gatewayPort = await freePort();
  const subgraph = (await STARTERS[name](`http://127.0.0.1:${gatewayPort}/graphql`)) as T;
  const gateway = await startGateway(
    { ...loadGatewayConfig({ NODE_ENV: "test", [`${envPrefix(name)}_URL`]: subgraph.url, ...env }), port: gatewayPort },
    createLogger("gateway", "silent"),
  );
  return {
    gateway,
    subgraph,
    async stop() {
      await gateway.close();
      await subgraph.stop();
    },
  };
}

/** How many look-ups named `operation` the gateway has answered so far, from its Prometheus metrics. */
export async function lookupsAnswered(gatewayUrl: string, operation: string): Promise<number> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/u, "/metrics"))).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("graphql_requests_total{") && line.includes(`operation="${operation}"`))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}
