/** How the demo spreads its cooperatives over Hà Tĩnh's 2024 districts (weights; illustrative). */
import { createHash } from "node:crypto";
import { ADMIN_UNITS, unitsOn, type AdminUnitRecord, type AdminUnitVersion } from "@kttt/reference";

const WEIGHTS: Record<string, number> = {
  "436": 55,
  "437": 30,
  "439": 105,
  "440": 80,
  "441": 45,
  "442": 70,
  "443": 85,
  "444": 100,
  "445": 95,
  "446": 100,
  "447": 90,
  "448": 60,
  "449": 60,
};

export interface DemoAdminUnit extends AdminUnitRecord {
  /** How many of the 975 demo cooperatives are registered here. */
  cooperatives: number;
}

export const DEMO_ADMIN_UNITS: DemoAdminUnit[] = ADMIN_UNITS.map((unit) => ({ ...unit, cooperatives: WEIGHTS[unit.code] }));

const MID_2024 = "2024-07-15";
const shortName = (name: string): string => name.replace(/^(Xã|Phường|Thị trấn) /u, "");
const communes2024 = new Map<string, AdminUnitVersion[]>();
for (const unit of unitsOn(MID_2024)) {
  if (unit.level === "COMMUNE" && unit.parentId) communes2024.set(unit.parentId, [...(communes2024.get(unit.parentId) ?? []), unit]);
}

/**
 * The mid-2024 commune (its official code) of a demo organisation of `districtCode` whose name and address say
 * `communeName`: that commune when the district had one of that name, otherwise one of the district's communes
 * the demo's name list leaves out, picked by the organisation's id, so the same organisation always lies in the
 * same commune and each district keeps its count.
 */
export function demoCommuneCode(districtCode: string, communeName: string, id: string): string {
  const all = communes2024.get(districtCode);
  if (!all) throw new Error(`No mid-2024 communes for district ${districtCode}`);
  const named = all.find((c) => shortName(c.name) === communeName);
  if (named) return named.code;
  const listed = new Set(DEMO_ADMIN_UNITS.find((u) => u.code === districtCode)?.communes ?? []);
  const unnamed = all.filter((c) => !listed.has(shortName(c.name)));
  const pool = unnamed.length > 0 ? unnamed : all;
  return pool[createHash("sha1").update(id).digest().readUInt32BE(0) % pool.length].code;
}
