/** Deterministic randomness for demo data: the same seed gives the same rows on every machine. */
import { createHash } from "node:crypto";

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough for illustrative data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A log-normally distributed positive weight: most values small, a few large. */
  skewed(sigma = 0.9): number {
    const u1 = Math.max(this.next(), 1e-12);
    const u2 = this.next();
    const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.exp(sigma * normal);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A date between two dates (inclusive), as YYYY-MM-DD. */
  date(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    const day = 86_400_000;
    const t = a + Math.floor(this.next() * (Math.floor((b - a) / day) + 1)) * day;
    return new Date(t).toISOString().slice(0, 10);
  }
}

/** A name-based UUID (version 5 layout over SHA-1): the same key always gives the same id. */
export function stableUuid(key: string): string {
  const hash = createHash("sha1").update(`kttt-graph:${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Splits `total` into parts proportional to `weights`, each a multiple of `unit` and at least
 * `minimum`; the parts add up to `total` exactly (the remainder goes to the largest part).
 */
export function allocate(total: bigint, weights: number[], unit: bigint, minimum: bigint): bigint[] {
  const n = BigInt(weights.length);
  const spread = total - minimum * n;
  if (spread < 0n) throw new Error("allocate: total is below the minimum of all parts");
  const sum = weights.reduce((a, b) => a + b, 0);
  const scale = 1_000_000_000;
  const parts = weights.map((w) => {
    const share = (spread * BigInt(Math.round((w / sum) * scale))) / BigInt(scale);
    return minimum + (share / unit) * unit;
  });
  const remainder = total - parts.reduce((a, b) => a + b, 0n);
  let largest = 0;
  parts.forEach((p, i) => {
    if (p > parts[largest]) largest = i;
  });
  parts[largest] += remainder;
  return parts;
}
