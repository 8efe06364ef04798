export * from "./database";
export * from "./graphql";
