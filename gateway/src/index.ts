export { SANDBOX_FIRST_QUERY, startGateway, type GatewayServer } from "./app";
export { composeSupergraph, SUPERGRAPH_FILE } from "./compose";
export { QUERY_LIMITS } from "./hardening";
export { apiKeyMigrations } from "./api-keys";
