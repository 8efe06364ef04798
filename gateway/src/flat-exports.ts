/**
 * @apollo/federation-internals re-exports its modules through getters (TypeScript's `__exportStar`):
 * every `federation_internals_1.assert(…)` the gateway calls goes through one. Shaping a page of 50
 * cooperatives calls them for every field of every row, and the getter alone was 4–5 % of the gateway's
 * CPU under load (bench profile, 2026-11). Imported before @apollo/gateway, this puts a copy of the
 * package's exports with the same values as plain properties in its place, so the modules loaded after it
 * read a property instead of calling a function. The package assigns its exports once, when it loads
 * (none is reassigned later), so the copy holds exactly what the getters return.
 */
import { createRequire } from "node:module";

function flattenExports(name: string, from: string): void {
  const load = createRequire(from);
  const id = load.resolve(name);
  load(name);
  const cached = load.cache[id];
  if (!cached) return;
  const flat: Record<string, unknown> = { ...(cached.exports as Record<string, unknown>) };
  Object.defineProperty(flat, "__esModule", { value: true });
  cached.exports = flat;
}

// As @apollo/gateway resolves it (the copy it loads, wherever npm put it).
flattenExports("@apollo/federation-internals", require.resolve("@apollo/gateway"));
