/**
 * The token issuer alone, for a stack served by another router (Hive Gateway, Apollo Router): the JWKS
 * the router and the subgraphs verify callers' tokens with, the token endpoint for API keys, and the API
 * keys' administration, on ISSUER_PORT (default 4005), with /health. Same configuration as the gateway.
 */
import { createLogger, listen, loadGatewayConfig, runUntilStopped } from "@kttt/core";
import express from "express";
import http from "node:http";
import { rateLimitStore, requestRateLimit } from "./hardening";
import { mountIssuer, openIssuer } from "./issuer";

runUntilStopped("issuer", async () => {
  const config = loadGatewayConfig({ ...process.env, GATEWAY_PORT: process.env.ISSUER_PORT ?? "4005" });
  const logger = createLogger("issuer", config.logLevel);
  const issuer = await openIssuer(config);
  const app = express();
  app.set("trust proxy", config.trustProxy);
  app.get("/health", (_req, res) => void res.json({ status: "ok" }));
  const limitStore = rateLimitStore(config.redisUrl, config.redisPrefix);
  mountIssuer(app, issuer, requestRateLimit(config.rateLimitPerMinute, limitStore.store));
  const httpServer = http.createServer(app);
  const server = await listen(httpServer, config.host, config.port, async () => {
    const closed = new Promise((resolve) => httpServer.close(resolve));
    httpServer.closeIdleConnections();
    await closed;
    await issuer.close();
    await limitStore.close();
  });
  logger.info(
    `issuer: JWKS on ${server.url.replace(/\/graphql$/u, "/.well-known/jwks.json")}, tokens for API keys on /oauth/token${issuer.apiKeys ? "" : " (no database: API keys off)"}`,
  );
  return { stop: () => server.close() };
});
