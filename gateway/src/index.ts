export { startGateway, type GatewayServer } from "./app";
export { composeSupergraph, SUPERGRAPH_FILE } from "./compose";
