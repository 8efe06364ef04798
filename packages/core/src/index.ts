import "reflect-metadata";

export * from "./bulk";
export * from "./auth";
export * from "./config";
export * from "./database";
export * from "./errors";
export * from "./federation";
export * from "./http";
export * from "./idempotency";
export * from "./lifecycle";
export * from "./loaders";
export * from "./observability";
export * from "./pagination";
export * from "./reporting";
export * from "./scalars";
export * from "./subgraphs";
export * from "./text";
export * from "./validation";
