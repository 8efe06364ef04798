export * from "./columns";
export * from "./dates";
export * from "./errors";
export * from "./legacy";
export * from "./numbers";
export * from "./readers";
export * from "./table";
export { organizationsKind } from "./kinds/organizations";
