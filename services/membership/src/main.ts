import "reflect-metadata";
import { loadServiceConfig } from "@kttt/core";
import { startMembershipService } from "./app";

async function main(): Promise<void> {
  const service = await startMembershipService(loadServiceConfig("membership"));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`membership: ${signal} received, finishing in-flight requests`);
    await service.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error("membership: failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
