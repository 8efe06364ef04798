/**
 * The process life of every service: start, then stop gracefully (finish in-flight requests,
 * close pools) on SIGTERM or SIGINT, or when the launcher that started it is gone.
 */
export interface Stoppable {
  stop(): Promise<void>;
}

export function runUntilStopped(name: string, start: () => Promise<Stoppable>): void {
  start()
    .then((service) => {
      let stopping = false;
      const stop = async (why: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${name}: ${why}, finishing in-flight requests`);
        try {
          await service.stop();
          process.exit(0);
        } catch (error) {
          console.error(`${name}: did not stop cleanly:`, error);
          process.exit(1);
        }
      };
      process.on("SIGTERM", () => void stop("SIGTERM received"));
      process.on("SIGINT", () => void stop("SIGINT received"));
      // Started by the launcher with an IPC channel: stop when the launcher is gone, even if it was killed.
      if (process.send) process.on("disconnect", () => void stop("launcher exited"));
    })
    .catch((error: unknown) => {
      // Several settings to fix are one line each, under the service's name.
      const lines = (error instanceof Error ? error.message : String(error)).split("\n");
      console.error(lines.length > 1 ? `${name}: failed to start:\n${lines.map((line) => `  ${line}`).join("\n")}` : `${name}: failed to start: ${lines[0]}`);
      process.exit(1);
    });
}
