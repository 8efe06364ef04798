// Tracing first: it instruments http and express as they load; the gateway adds its own query-plan
// spans through @opentelemetry/api (off unless OTEL_* asks).
import { startTracing } from "@kttt/core/dist/tracing";
const tracing = startTracing("gateway");

import { loadGatewayConfig, runUntilStopped } from "@kttt/core";
import { startGateway } from "./app";

runUntilStopped("gateway", async () => {
  const config = loadGatewayConfig();
  const server = await startGateway(config);
  console.log(`gateway: listening on ${server.url}${config.introspectAndCompose ? " (IntrospectAndCompose: development only)" : ""}`);
  return { stop: async () => (await server.close(), await tracing?.shutdown()) };
});
