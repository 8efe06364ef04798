// Tracing first: it instruments http, express, pg and graphql as they load (off unless OTEL_* asks).
import { startTracing } from "@kttt/core/dist/tracing";
const tracing = startTracing("policy-support");

import "reflect-metadata";
import { loadServiceConfig, runUntilStopped } from "@kttt/core";
import { startPolicySupportService } from "./app";

runUntilStopped("policy-support", async () => {
  const service = await startPolicySupportService(loadServiceConfig("policy-support"));
  return { stop: async () => (await service.stop(), await tracing?.shutdown()) };
});
