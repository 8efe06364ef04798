/**
 * The mid-2024 commune of any demo participant, beneficiary or owner, by its id: an organisation lies where
 * membership's seed puts it (`DemoOrganization.communeCode`); an OCOP local owner (enterprise, household) in the
 * commune its address names within its district, by the same rule (`demoCommuneCode`). Every subgraph that keeps
 * one of them by key places it here, so the same record lies in the same commune in every database.
 */
import { recordCommuneOn, recordDistrictOn, TWO_TIER_FROM, unitOn } from "@kttt/reference";
import { demoOcopCatalogue } from "./ocop";
import { demoOrganizations } from "./organizations";
import { demoCommuneCode } from "./places";

/** The date of the map the demo's communes are drawn on (the mid-2024 review). */
export const DEMO_COMMUNE_MAP_DATE = "2024-07-15";

let communes: Map<string, string> | undefined;

function all(): Map<string, string> {
  if (communes) return communes;
  communes = new Map(demoOrganizations().map((o) => [o.id, o.communeCode]));
  for (const owner of demoOcopCatalogue().owners) {
    const named = /^(?:Xã|Phường|Thị trấn) ([^,]+),/u.exec(owner.address)?.[1] ?? "";
    communes.set(owner.id, demoCommuneCode(owner.adminUnitCode, named, owner.id));
  }
  return communes;
}

/** The official code of the mid-2024 commune where the demo organisation or OCOP local owner `id` lies. */
export function demoCommuneOf(id: string): string {
  const code = all().get(id);
  if (!code) throw new Error(`No demo organisation or OCOP owner has id ${id}`);
  return code;
}

/** The commune version (an AdminUnitVersion id, as `communeId` columns store it) where `id` lies on the mid-2024 map. */
export function demoCommuneIdOf(id: string): string {
  return unitOn(demoCommuneOf(id), DEMO_COMMUNE_MAP_DATE)!.id;
}

/**
 * The unit a demo organisation or OCOP local owner registered in `registeredUnit` is registered under on `date`, as a
 * write would name it: before 2025-07-01 its registered district while that district exists (membership keeps it),
 * else the district its commune lay in then (Lộc Hà's); from 2025-07-01 its commune then; null where its commune was
 * split or lost (only its address could tell).
 */
export function demoRegisteredUnitOn(id: string, registeredUnit: string, date: string): string | null {
  if (date < TWO_TIER_FROM) return unitOn(registeredUnit, date) ? registeredUnit : (recordDistrictOn(demoCommuneIdOf(id), date)?.code ?? null);
  return recordCommuneOn(demoCommuneIdOf(id), date)?.code ?? null;
}
