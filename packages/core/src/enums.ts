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
  const values = Object.fromEntries(Object.keys(descriptions).map((value) => [value, value])) as { [V in K]: V };
  registerEnumType(values, { name, description, valuesConfig: describedValues(descriptions) });
  return values;
}
