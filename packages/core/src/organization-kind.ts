/**
 * The legal-form enum, declared once for membership and policy support (the supergraph has one).
 *
 * Entity key stubs (`Cooperative`, `AdminUnit`…) stay declared in each subgraph that extends them: with
 * one shared class, a process that loads several subgraphs (the end-to-end tests) failed to build
 * trade promotion's schema (type-graphql met two types named `SupportProgramme` through policy support's
 * resolvers on the shared `AdminUnit`).
 */
import { describedEnum, type EnumValue } from "./enums";

/** Legal form of an organisation: membership's enum, which policy support's beneficiaries name too (one enum in the supergraph). */
export const OrganizationKind = describedEnum("OrganizationKind", "Legal form of a collective-economy organisation (loại hình tổ chức kinh tế tập thể).", {
  COOPERATIVE: "Hợp tác xã (HTX): a legal person with at least 5 official members.",
  COOPERATIVE_UNION: "Liên hiệp hợp tác xã (LHHTX): a legal person with at least 3 member cooperatives.",
  COOPERATIVE_GROUP: "Tổ hợp tác (THT): no legal personality; works under a cooperation contract.",
});
export type OrganizationKind = EnumValue<typeof OrganizationKind>;
