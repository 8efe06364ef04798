export { ocop, startOcopService, loadOcopConfig, type OcopService } from "./app";
export { entities } from "./entities";
export { migrations } from "./migrations";
export { loadOcopDemoData, ocopSeedRows } from "./seed/load";
export { createLoaders } from "./loaders";
