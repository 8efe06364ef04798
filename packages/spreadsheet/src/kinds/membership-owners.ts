/**
 * The membership organisations (HTX, THT, LHHTX) an import's rows name by registration number (a
 * group by its name, since groups have none), found through the gateway before the rows are sent:
 * many per request, as aliases of `organizations`. The owning subgraph then checks each id with
 * membership itself; this only spares people from copying ids into their sheets.
 */
import { cleanText, foldText, GATEWAY_MAX_ALIASES } from "@kttt/core";

const COLLECTIVE = new Set(["COOPERATIVE", "COOPERATIVE_GROUP", "COOPERATIVE_UNION"]);

type Organization = { id: string; name: string; registrationNumber: string | null; kind: string };

/** The keys of a row's values that say the organisation's kind, number and name, and the key the found id goes to. */
export interface OwnerFields {
  kind: string;
  number: string;
  name: string;
  id: string;
}

/**
 * Fills `fields.id` of each row naming a collective owner that exactly one organisation matches. An
 * owner not found is left for the owning subgraph to refuse (it knows the reason code); a group name
 * several groups bear is answered here, by the row's position.
 */
export async function findMembershipOwners(
  rows: Record<string, unknown>[],
  ask: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
  fields: OwnerFields,
): Promise<Map<number, { field: string; reason: string }>> {
  const problems = new Map<number, { field: string; reason: string }>();
  const wanted = new Map<string, { search: string; match: (o: Organization) => boolean }>();
  const numberOf = (v: Record<string, unknown>) => (typeof v[fields.number] === "string" ? (v[fields.number] as string) : null);
  const nameOf = (v: Record<string, unknown>) => cleanText(String(v[fields.name] ?? ""));
  const keyOf = (v: Record<string, unknown>) => (numberOf(v) ? `n:${numberOf(v)}` : `g:${foldText(nameOf(v))}`);
  for (const v of rows) {
    if (!COLLECTIVE.has(String(v[fields.kind])) || wanted.has(keyOf(v))) continue;
    const number = numberOf(v);
    const folded = foldText(nameOf(v));
    wanted.set(
      keyOf(v),
      number
        ? { search: number, match: (o) => o.registrationNumber === number }
        : { search: nameOf(v), match: (o) => o.kind === "COOPERATIVE_GROUP" && foldText(cleanText(o.name)) === folded },
    );
  }
  const found = new Map<string, Organization[]>();
  const keys = [...wanted.keys()];
  for (let start = 0; start < keys.length; start += GATEWAY_MAX_ALIASES) {
    const slice = keys.slice(start, start + GATEWAY_MAX_ALIASES);
    const query = `query ImportOwners(${slice.map((_k, i) => `$q${i}: String`).join(", ")}) {\n${slice.map((_k, i) => `  o${i}: organizations(first: 50, filter: { search: $q${i} }) { nodes { id name registrationNumber kind } }`).join("\n")}\n}`;
    const data = await ask<Record<string, { nodes: Organization[] }>>(query, Object.fromEntries(slice.map((k, i) => [`q${i}`, wanted.get(k)!.search])));
    slice.forEach((k, i) => found.set(k, (data[`o${i}`]?.nodes ?? []).filter(wanted.get(k)!.match)));
  }
  rows.forEach((v, index) => {
    if (!COLLECTIVE.has(String(v[fields.kind]))) return;
    const matches = found.get(keyOf(v)) ?? [];
    if (matches.length === 1) v[fields.id] = matches[0].id;
    if (matches.length > 1)
      problems.set(index, {
        field: fields.name,
        reason: `${matches.length} cooperative groups are called ${nameOf(v)}: they cannot be told apart by name; record this row in the dashboard`,
      });
  });
  return problems;
}
