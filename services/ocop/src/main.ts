// Tracing first: it instruments http, express, pg and graphql as they load (off unless OTEL_* asks).
import { startTracing } from "@kttt/core/dist/tracing";
const tracing = startTracing("ocop");

import "reflect-metadata";
import { runUntilStopped } from "@kttt/core";
import { startOcopService } from "./app";
import { loadOcopConfig } from "./config";

runUntilStopped("ocop", async () => {
  const service = await startOcopService(loadOcopConfig());
  return { stop: async () => (await service.stop(), await tracing?.shutdown()) };
});
