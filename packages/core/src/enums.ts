/**
 * GraphQL enums declared from one map of their values' descriptions, for every subgraph: the map's keys are
 * the values (in schema order), its strings their descriptions.
 */
import { registerEnumType } from "type-graphql";

/** The values of an enum object made by `describedEnum`: `export type Half = EnumValue<typeof Half>;`. */
export type EnumValue<E> = E[keyof E];

/** type-graphql's `valuesConfig` from a map of descriptions (or labels) by value. */
export function describedValues<K extends string>(descriptions: Readonly<Record<K, string>>): Record<K, { description: string }> {
  return Object.fromEntries(Object.entries<string>(descriptions).map(([value, description]) => [value, { description }])) as Record<K, { description: string }>;
}

/**
 * An enum whose values are the keys of `descriptions` (`{ H1: "H1", H2: "H2" }`), registered as the GraphQL enum `name`
 * with `description` and each value's description.
 */
export function describedEnum<const K extends string>(name: string, description: string, descriptions: Readonly<Record<K, string>>): { readonly [V in K]: V } {
  const values = enumOf(descriptions);
  registerDescribedEnum(values, name, description, descriptions);
  return values;
}

/**
 * Registers `values`, an enum object declared where there is no schema (`enumOf` in @kttt/reference), as the GraphQL
 * enum `name` with `description` and each value's description.
 */
export function registerDescribedEnum(values: object, name: string, description: string, descriptions: Readonly<Record<string, string>>): void {
  registerEnumType(values, { name, description, valuesConfig: describedValues(descriptions) });
}

/**
 * One table of an enum's values with their Vietnamese labels: `{ FAIR: ["Hội chợ", ": a fair with booths."] }`, each value's
 * label and what its GraphQL description adds after it. `labelledEnum` declares the enum from it, `labelsOf` gives the labels.
 */
export type LabelTable<K extends string> = Readonly<Record<K, readonly [label: string, more: string]>>;

/** The labels of a `LabelTable`, by value. */
export function labelsOf<K extends string>(table: LabelTable<K>): Record<K, string> {
  return Object.fromEntries(Object.entries<readonly [string, string]>(table).map(([value, [label]]) => [value, label])) as Record<K, string>;
}

/** The GraphQL descriptions of a `LabelTable`, by value: each label followed by the rest. */
export function labelled<K extends string>(table: LabelTable<K>): Record<K, string> {
  return Object.fromEntries(Object.entries<readonly [string, string]>(table).map(([value, [label, more]]) => [value, label + more])) as Record<K, string>;
}

/** `describedEnum` from a `LabelTable`. */
export function labelledEnum<const K extends string>(name: string, description: string, table: LabelTable<K>): { readonly [V in K]: V } {
  return describedEnum(name, description, labelled(table));
}

/** An enum object (`{ A: "A" }`) with the keys of `map`, registered nowhere: for packages without a schema. */
export function enumOf<const K extends string>(map: Readonly<Record<K, unknown>>): { readonly [V in K]: V } {
  return Object.fromEntries(Object.keys(map).map((value) => [value, value])) as { [V in K]: V };
}

/** The first values of a sort order by name (thứ tự theo tên), with their descriptions: spread into the order's map. */
export const SORT_BY_NAME = { NAME_ASC: "By name, A to Z.", NAME_DESC: "By name, Z to A." } as const;

/**
 * The sort order of a list (thứ tự sắp xếp) by name both ways (`SORT_BY_NAME`), then by the date `field` ascending and
 * descending, as the GraphQL enum `name` ("Sort order of `lists` lists").
 */
export function sortOrderEnum<const F extends string>(
  name: string,
  lists: string,
  field: F,
  ascending: string,
  descending: string,
): { readonly [V in keyof typeof SORT_BY_NAME | `${F}_ASC` | `${F}_DESC`]: V } {
  const descriptions = { ...SORT_BY_NAME, [`${field}_ASC`]: ascending, [`${field}_DESC`]: descending };
  return describedEnum(
    name,
    `Sort order of ${lists} lists (thứ tự sắp xếp).`,
    descriptions as Record<keyof typeof SORT_BY_NAME | `${F}_ASC` | `${F}_DESC`, string>,
  );
}

/** How to break a subgraph's statistics down (phân nhóm), as the GraphQL enum `name`: `statistics` names them, e.g. "the OCOP statistics". */
export function groupByEnum<const K extends string>(name: string, statistics: string, descriptions: Readonly<Record<K, string>>): { readonly [V in K]: V } {
  return describedEnum(name, `How to break ${statistics} down (phân nhóm).`, descriptions);
}
