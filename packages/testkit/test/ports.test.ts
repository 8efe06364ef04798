import { readFileSync } from "node:fs";
import net from "node:net";
import { freePort } from "../src/ports";

const [ephemeralLow] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/u).map(Number);

const listen = (port: number): Promise<net.Server> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });

describe("freePort", () => {
  it("names ports below the kernel's ephemeral range, so no listen(0) or client socket is given them meanwhile", async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20000);
      expect(port).toBeLessThan(ephemeralLow);
    }
    // Random, not one fixed port handed to every caller.
    expect(new Set(ports).size).toBeGreaterThan(1);
  });

  it("names a port that can then be listened on while the kernel numbers other sockets", async () => {
    const port = await freePort();
    const server = await listen(port);
    try {
      // Kernel-numbered sockets meanwhile (as a subgraph on port 0 and its database clients take) never take it.
      const others = await Promise.all(Array.from({ length: 50 }, () => listen(0)));
      expect(others.map((s) => (s.address() as net.AddressInfo).port)).not.toContain(port);
      await Promise.all(others.map((s) => new Promise((r) => s.close(r))));
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
