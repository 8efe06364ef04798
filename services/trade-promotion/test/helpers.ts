import { createLogger } from "@kttt/core";
import { createTestDatabase, graphql, type TestDatabase } from "@kttt/testkit";
import { startTradePromotionService, type TradePromotionService } from "../src/app";
import { loadTradePromotionConfig } from "../src/app";

export interface TestTradePromotion {
  service: TradePromotionService;
  database: TestDatabase;
  url: string;
  /** Sends a GraphQL operation to the subgraph over HTTP. */
  query: <T = any>(query: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  stop(): Promise<void>;
}

/**
 * A trade-promotion subgraph on its own fresh database (demo data or empty), listening on a free
 * port, asking `lookupUrl` — a gateway, which answers for ocop and membership — who owns OCOP products
 * and whether membership organisations exist (by default a closed port: look-ups fail).
 */
export async function startTestTradePromotion(variant: "demo" | "empty" = "demo", lookupUrl = "http://127.0.0.1:9/graphql", env: Record<string, string> = {}): Promise<TestTradePromotion> {
  const database = await createTestDatabase("trade-promotion", variant);
  const config = { ...loadTradePromotionConfig({ TRADE_PROMOTION_DATABASE_URL: database.url, NODE_ENV: "test", TRADE_PROMOTION_LOOKUP_URL: lookupUrl, ...env }), port: 0, poolSize: 4 };
  const service = await startTradePromotionService(config, createLogger("trade-promotion", "silent"));
  return {
    service,
    database,
    url: service.server.url,
    query: (query, variables) => graphql(service.server.url, query, variables),
    async stop() {
      await service.stop();
      await database.drop();
    },
  };
}

/** The one error of a response, which must have failed. */
export function onlyError(response: { errors?: { message: string; extensions?: Record<string, any> }[] }) {
  expect(response.errors).toHaveLength(1);
  return response.errors![0];
}
