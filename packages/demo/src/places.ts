/** How the demo spreads its cooperatives over Hà Tĩnh's 2024 districts (weights; illustrative). */
import { ADMIN_UNITS, type AdminUnitRecord } from "@kttt/reference";

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
