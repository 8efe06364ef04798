import { readFileSync } from "node:fs";
import net from "node:net";

/**
 * The kernel's ephemeral range: ports it hands to `listen(0)` and to outgoing connections (every
 * PostgreSQL and HTTP client socket of a test takes one). A port chosen now and listened on later is
 * safe only outside it, or another socket of the same run may have been given it in between.
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/u).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return [low, high];
  } catch {
    // not Linux: the IANA dynamic range, the default elsewhere
  }
  return [49152, 65535];
}

/** Where chosen ports come from: below the ephemeral range, above the well-known and the usual service ports. */
const CHOSEN_LOW = 20000;
const chosenHigh = (): number => Math.min(ephemeralRange()[0], 65536) - 1;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now, for a server that must be named before it
 * starts (a gateway whose subgraphs are told its address first). It is taken at random from below the
 * kernel's ephemeral range, so no socket the kernel numbers itself (a `listen(0)`, a client connection)
 * can take it before the caller listens; a server that can be asked its port afterwards listens on 0.
 */
export async function freePort(): Promise<number> {
  const high = chosenHigh();
  if (high > CHOSEN_LOW + 100) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = CHOSEN_LOW + Math.floor(Math.random() * (high - CHOSEN_LOW + 1));
      if (await canListen(port)) return port;
    }
  }
  // No room below the ephemeral range (an unusual kernel setting): one the kernel picks.
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
