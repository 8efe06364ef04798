import { loadGatewayConfig, runUntilStopped } from "@kttt/core";
import { startGateway } from "./app";

runUntilStopped("gateway", async () => {
  const config = loadGatewayConfig();
  const server = await startGateway(config);
  console.log(`gateway: listening on ${server.url}${config.introspectAndCompose ? " (IntrospectAndCompose: development only)" : ""}`);
  return { stop: () => server.close() };
});
