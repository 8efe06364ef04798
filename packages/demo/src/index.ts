export * from "./names";
export * from "./organizations";
export * from "./places";
export * from "./random";
export * from "./ocop";
export * from "./communes";
