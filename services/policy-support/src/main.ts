// Tracing first: it instruments http, express, pg and graphql as they load (off unless OTEL_* asks).
import { startTracing } from "@kttt/core/dist/tracing";
const tracing = startTracing("policy-support");

import "reflect-metadata";
import { runUntilStopped } from "@kttt/core";
import { startPolicySupportService } from "./app";
import { loadPolicySupportConfig } from "./config";

runUntilStopped("policy-support", async () => {
  const service = await startPolicySupportService(loadPolicySupportConfig());
  return { stop: async () => (await service.stop(), await tracing?.shutdown()) };
});
