/** The subgraphs of KTTT Graph: one place that names them, their default ports and folders. */
export interface SubgraphInfo {
  /** Name in the supergraph and prefix of the database name. */
  name: string;
  /** Default port of the subgraph's HTTP server. */
  port: number;
  /** Folder of the workspace, relative to the repository root. */
  dir: string;
}

export const SUBGRAPHS: readonly SubgraphInfo[] = [
  { name: "membership", port: 4001, dir: "services/membership" },
  { name: "ocop", port: 4002, dir: "services/ocop" },
  { name: "trade-promotion", port: 4003, dir: "services/trade-promotion" },
  { name: "policy-support", port: 4004, dir: "services/policy-support" },
];

export function subgraphInfo(name: string): SubgraphInfo {
  const info = SUBGRAPHS.find((s) => s.name === name);
  if (!info) throw new Error(`Unknown subgraph "${name}"`);
  return info;
}

/** The environment-variable prefix of a subgraph: `trade-promotion` → `TRADE_PROMOTION`. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/gu, "_");
}
