export * from "./database";
export * from "./graphql";
export * from "./ports";
