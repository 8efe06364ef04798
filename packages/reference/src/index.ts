export * from "./admin-units";
export * from "./admin-unit-history";
export * from "./commune-sign-in";
export * from "./ocop-groups";
export * from "./ocop-rules";
export * from "./admin-unit-checks";
export * from "./record-places";
