export * from "./admin-units";
export * from "./admin-unit-history";
export * from "./ocop-groups";
export * from "./ocop-rules";
export * from "./admin-unit-checks";
export * from "./membership-vocabulary";
export * from "./admin-unit-names";
