import { loadGatewayConfig } from "@kttt/core";
import { startGateway } from "./app";

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const server = await startGateway(config);
  console.log(`gateway: listening on ${server.url}${config.introspectAndCompose ? " (IntrospectAndCompose: development only)" : ""}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`gateway: ${signal} received, finishing in-flight requests`);
    await server.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error("gateway: failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
