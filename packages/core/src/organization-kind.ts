/**
 * The legal-form enum, declared once for membership and policy support (the supergraph has one).
 *
 * Entity key stubs (`Cooperative`, `AdminUnit`…) stay declared in each subgraph that extends them: with
 * one shared class, a process that loads several subgraphs (the end-to-end tests) failed to build
 * trade promotion's schema (type-graphql met two types named `SupportProgramme` through policy support's
 * resolvers on the shared `AdminUnit`).
 */
import { describedEnum, type EnumValue } from "./enums";

/** Each legal form's Vietnamese name, the abbreviation lists write (HTX, LHHTX, THT) and what the schema says of it, in the schema's order. */
const LEGAL_FORMS = {
  COOPERATIVE: ["Hợp tác xã", "HTX", "a legal person with at least 5 official members."],
  COOPERATIVE_UNION: ["Liên hiệp hợp tác xã", "LHHTX", "a legal person with at least 3 member cooperatives."],
  COOPERATIVE_GROUP: ["Tổ hợp tác", "THT", "no legal personality; works under a cooperation contract."],
} as const;
type Form = keyof typeof LEGAL_FORMS;
const byForm = <T>(make: (form: readonly [name: string, abbreviation: string, more: string]) => T): Record<Form, T> =>
  Object.fromEntries(Object.entries(LEGAL_FORMS).map(([form, parts]) => [form, make(parts)])) as Record<Form, T>;

/** Legal form of an organisation: membership's enum, which policy support's beneficiaries name too (one enum in the supergraph). */
export const OrganizationKind = describedEnum(
  "OrganizationKind",
  "Legal form of a collective-economy organisation (loại hình tổ chức kinh tế tập thể).",
  byForm(([name, abbreviation, more]) => `${name} (${abbreviation}): ${more}`),
);
export type OrganizationKind = EnumValue<typeof OrganizationKind>;

/** Each legal form's Vietnamese name (Hợp tác xã, Liên hiệp hợp tác xã, Tổ hợp tác). */
export const ORGANIZATION_KIND_LABEL: Readonly<Record<OrganizationKind, string>> = byForm(([name]) => name);

/**
 * The three collective organisations as owners or participants that other subgraphs reference (membership keeps them):
 * the first values of OCOP's owner types and trade promotion's participant kinds, as a `LabelTable`.
 */
const keptByMembership = (form: Form) => [LEGAL_FORMS[form][0], ` (${LEGAL_FORMS[form][1]}), kept by the membership subgraph.`] as const;
export const COLLECTIVE_KINDS = {
  COOPERATIVE: keptByMembership("COOPERATIVE"),
  COOPERATIVE_GROUP: keptByMembership("COOPERATIVE_GROUP"),
  COOPERATIVE_UNION: keptByMembership("COOPERATIVE_UNION"),
};
