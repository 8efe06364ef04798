// Tracing first: it instruments http, express, pg and graphql as they load (off unless OTEL_* asks).
import { startTracing } from "@kttt/core/dist/tracing";
const tracing = startTracing("membership");

import "reflect-metadata";
import { loadServiceConfig, runUntilStopped } from "@kttt/core";
import { startMembershipService } from "./app";

runUntilStopped("membership", async () => {
  const service = await startMembershipService(loadServiceConfig("membership"));
  return { stop: async () => (await service.stop(), await tracing?.shutdown()) };
});
