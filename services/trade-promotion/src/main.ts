// Tracing first: it instruments http, express, pg and graphql as they load (off unless OTEL_* asks).
import { startTracing } from "@kttt/core/dist/tracing";
const tracing = startTracing("trade-promotion");

import "reflect-metadata";
import { runUntilStopped } from "@kttt/core";
import { startTradePromotionService } from "./app";
import { loadTradePromotionConfig } from "./config";

runUntilStopped("trade-promotion", async () => {
  const service = await startTradePromotionService(loadTradePromotionConfig());
  return { stop: async () => (await service.stop(), await tracing?.shutdown()) };
});
