export { startOcopService, type OcopService } from "./app";
export { loadOcopConfig, type OcopConfig } from "./config";
export { buildOcopSchema } from "./schema";
export { entities } from "./entities";
export { migrations } from "./migrations";
export { loadOcopDemoData, ocopSeedRows } from "./seed/load";
export { createLoaders } from "./loaders";
