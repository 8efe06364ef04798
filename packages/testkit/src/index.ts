export * from "./aggregate-cache";
export * from "./database";
export * from "./embedded-child";
export * from "./graphql";
export * from "./ports";
export * from "./wait";
export * from "./round-robin";
export * from "./subgraph";
