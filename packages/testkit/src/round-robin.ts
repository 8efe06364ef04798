/**
 * One address in front of several replicas, as a load balancer puts them: each HTTP request goes to the
 * next target in turn, and the balancer records which target answered what, so a test can tell that a
 * retry landed on another replica.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobin {
  /** The one address, with the path of the targets' GraphQL endpoint. */
  url: string;
  /** The replicas' base URLs (scheme, host, port), in turn; may be changed while running. */
  targets: string[];
  /** Every request served: which target, and its body. */
  served: { target: string; body: string }[];
  close(): Promise<void>;
}

export async function startRoundRobin(targets: string[] = [], path = "/graphql"): Promise<RoundRobin> {
  let next = 0;
  const balancer: RoundRobin = { url: "", targets, served: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (balancer.targets.length === 0) {
        res.writeHead(502).end("no replica");
        return;
      }
      const target = balancer.targets[next++ % balancer.targets.length];
      balancer.served.push({ target, body: body.toString("utf8") });
      const headers = { ...req.headers, host: new URL(target).host };
      const upstream = http.request(`${target}${req.url ?? "/"}`, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => (res.headersSent ? res.destroy() : res.writeHead(502).end("replica unreachable")));
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  balancer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  balancer.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return balancer;
}
