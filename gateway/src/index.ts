export { SANDBOX_FIRST_QUERY, startGateway, type GatewayServer } from "./app";
export { composeSupergraph, SUPERGRAPH_FILE } from "./compose";
