/**
 * Statistics of a date from an anchor day: figures that are counts and sums over the records alive (or in a
 * state) on a date are summed per raw key once for the anchor day (cached per data version), and a date's
 * figures are those sums plus the records that changed between the two days as they are on the date, minus the
 * same records as they were on the anchor day. Exact for counts and sums; a date costs a read of the changes.
 */

/** The half-year a date lies in: its first and last days (1 January to 30 June, or 1 July to 31 December). */
export function halfYearOf(date: string): { first: string; last: string } {
  const year = date.slice(0, 4);
  return date.slice(5) <= "06-30" ? { first: `${year}-01-01`, last: `${year}-06-30` } : { first: `${year}-07-01`, last: `${year}-12-31` };
}

/** The day a date's statistics start from: the end of its half-year, so every date of a reporting period shares it. */
export function anchorDay(date: string): string {
  return halfYearOf(date).last;
}

/** Sums per raw key: the raw key's values, the records counted (`n`), counts and money or people sums. */
export interface RawSums {
  keys: (string | null)[];
  n: number;
  counts: number[];
  sums: bigint[];
}

/** Raw sums read with a sign: `plus` false takes them away (the changed records as they were on the anchor day). */
export interface SignedRawSums extends RawSums {
  plus: boolean;
}

/** A row of raw sums as SQL returns it: `keyNames`, `n`, `plus` (absent: adds), the counts as numbers, the sums as text. */
export function rawSumsOf(
  rows: Record<string, unknown>[],
  keyNames: readonly string[],
  countNames: readonly string[],
  sumNames: readonly string[] = [],
): SignedRawSums[] {
  return rows.map((r) => ({
    keys: keyNames.map((k) => (r[k] ?? null) as string | null),
    plus: r.plus !== false,
    n: Number(r.n),
    counts: countNames.map((c) => Number(r[c] ?? 0)),
    sums: sumNames.map((c) => BigInt((r[c] as string | null) ?? 0)),
  }));
}

/**
 * The anchor day's sums with the changes added and taken away, one row per raw key (rows of one key, such as the
 * parts of a UNION, are summed); a key with no record left is dropped, as a direct count would never show it.
 */
export function netRawSums(rows: readonly SignedRawSums[]): RawSums[] {
  const byKey = new Map<string, RawSums>();
  for (const row of rows) {
    const sign = row.plus ? 1 : -1;
    const key = JSON.stringify(row.keys);
    let net = byKey.get(key);
    if (!net) byKey.set(key, (net = { keys: row.keys, n: 0, counts: row.counts.map(() => 0), sums: row.sums.map(() => 0n) }));
    net.n += sign * row.n;
    row.counts.forEach((v, i) => (net.counts[i] += sign * v));
    row.sums.forEach((v, i) => (net.sums[i] += BigInt(sign) * v));
  }
  return [...byKey.values()].filter((r) => r.n > 0);
}

/** Rows grouped by `keyOf` (a group key of a raw key: a unit of a commune, say), in first-seen order. */
export function groupRawSums<R extends RawSums>(rows: readonly R[], keyOf: (keys: (string | null)[]) => string | null): Map<string | null, R[]> {
  const groups = new Map<string | null, R[]>();
  for (const r of rows) {
    const key = keyOf(r.keys);
    const members = groups.get(key);
    if (members) members.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}
