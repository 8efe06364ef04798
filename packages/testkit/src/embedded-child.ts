/**
 * An embedded PostgreSQL in a child Node process, as the launcher runs it: tests can stop, kill and
 * restart it (the package is ESM only, so it cannot be loaded inside a Jest worker anyway).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

const EMBEDDED = path.resolve(__dirname, "..", "..", "launcher", "dist", "embedded.js");

export interface EmbeddedChild {
  child: ChildProcessWithoutNullStreams;
  /** Everything the child printed, line by line. */
  output: string[];
  /** The server URL once it accepts connections; rejects with the reason it could not start. */
  ready: Promise<string>;
  exited: Promise<number | null>;
  /** Stops PostgreSQL cleanly and waits for the child to exit. */
  stop(): Promise<number | null>;
}

export function startEmbeddedChild(dataDir: string, port: number): EmbeddedChild {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(EMBEDDED)});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, log: (l) => console.log(l) })
      .then((server) => {
        console.log("READY " + server.url);
        process.on("SIGTERM", () => server.stop().then(() => process.exit(0)));
      })
      .catch((error) => { console.log("FAILED " + error.message); process.exit(1); });`;
  const child = spawn(process.execPath, ["-e", script]);
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        output.push(line);
        if (line.startsWith("READY ")) resolve(line.slice(6));
        if (line.startsWith("FAILED ")) reject(new Error(line.slice(7)));
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${output.join("\n")}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    output,
    ready,
    exited,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
