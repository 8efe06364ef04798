/**
 * Where a place-bound record lies, for every subgraph that keeps one (membership's organisations, ocop's owners,
 * trade participants, support beneficiaries): the placement a write records, and the commune and district it lies
 * in on a date, from the commune version it was recorded in (`communeId`).
 */
import { badInput, today } from "@kttt/core";
import {
  ADMIN_UNIT_VERSIONS,
  checkUnitOn,
  communeCodeOn,
  communeIdsWithin,
  groupingUnitOn,
  unitForFilter,
  inForceOn,
  latestUnit,
  placeOn,
  successorsOf,
  TWO_TIER_FROM,
  unitById,
  unitOn,
  unitsReplacing,
  versionsOf,
  type AdminUnitVersion,
} from "./admin-unit-history";
import { ADMIN_UNITS, sameOrMergedUnit } from "./admin-units";

/** Where a record lies: the unit code it is registered under, and its commune (a unit version's id) since a date. */
export interface Placement {
  /** The district before 2025-07-01 (for a commune, its district), the commune after. */
  adminUnitCode: string;
  /** The commune version, or null when only a district was given. */
  communeId: string | null;
  communeSince: string | null;
}

/**
 * The base of a place-bound entity (an organisation, an OCOP owner or product, an agency, a beneficiary, a
 * participation, an event, a listing, a link): its commune as recorded, and the commune it lies in today. core's
 * `@Stored.place(…)` on the entity's own `adminUnitCode` makes these columns and fields, where that field stands.
 */
export abstract class PlaceBound implements Omit<Placement, "adminUnitCode"> {
  /** The commune (a unit version's id) where the record lies, as recorded; `commune` serves the unit. */
  communeId: string | null;

  /** Since when it lies there (a date). */
  communeSince: string | null;

  /**
   * The code of the commune it lies in on today's map (from its recorded commune, and from its address, where it keeps
   * one, when that commune was split), or null where none decides: what core's COMMUNE access rule (`OWN_COMMUNE`)
   * reads on a guarded field's root. Not a column, not a GraphQL field.
   */
  get communeCodeToday(): string | null {
    const address = "address" in this && typeof this.address === "string" ? this.address : null;
    return communeCodeOn(this.communeId, address, today());
  }
}

/**
 * The placement of a record given `code` on `date` (every subgraph's writes): a commune in force that day places it
 * there since that day; a district in force places it in the district only. BAD_USER_INPUT at `field` otherwise, naming
 * the units that replaced an ended one (district 444 in 2026: its communes) in the message and in `replacedBy`.
 */
export function placementOn(code: string, date: string, field: string): Placement {
  const { unit, problem } = checkUnitOn(code, date);
  if (problem) throw badInput(problem.message, field, problem.code, problem.replacedBy.length ? { replacedBy: problem.replacedBy } : undefined);
  if (unit.level !== "COMMUNE") return { adminUnitCode: unit.code, communeId: null, communeSince: null };
  const district = unit.parentId ? unitById(unit.parentId) : null;
  return { adminUnitCode: district?.level === "DISTRICT" ? district.code : unit.code, communeId: unit.id, communeSince: date };
}

/** The commune-level unit in force on `date` where a record recorded in `communeId` lies; null where none is recorded, or it was split or lost. */
export function recordCommuneOn(communeId: string | null, date: string): AdminUnitVersion | null {
  const recorded = communeId ? unitById(communeId) : null;
  if (!recorded) return null;
  const place = placeOn(recorded, date);
  return place && inForceOn(place, date) && place.level === "COMMUNE" ? place : null;
}

/** The district a record recorded in `communeId` lay in on `date` (before 2025-07-01), from its commune; null after or where none is recorded. */
export function recordDistrictOn(communeId: string | null, date: string): AdminUnitVersion | null {
  const recorded = communeId ? unitById(communeId) : null;
  const place = recorded ? placeOn(recorded, date) : null;
  const parent = place?.parentId ? unitById(place.parentId) : null;
  return parent?.level === "DISTRICT" ? parent : null;
}

/**
 * The version id (`AdminUnit.id`, the key other subgraphs refer to a unit by) of the unit bearing `code` on `date`,
 * or of the latest one without a date; the code itself when no unit bore it.
 */
export function adminUnitIdOf(code: string, date?: string | null): string {
  return (date ? unitOn(code, date) : null)?.id ?? latestUnit(code)?.id ?? code;
}

import { codeOfAdminUnitId } from "@kttt/core";

export { codeOfAdminUnitId };

/** Refuses a code no unit of Hà Tĩnh ever bore (UNKNOWN_ADMIN_UNIT at `field`); whether it was in force on a date is `placementOn`'s check. */
export function requireKnownUnit(code: string, field: string): void {
  if (versionsOf(code).length === 0) throw badInput(`There is no administrative unit with code ${code} in Hà Tĩnh.`, field, "UNKNOWN_ADMIN_UNIT");
}

/** The codes of today's communes where some of the land of any unit that bore `code` lies (a district's: of every commune it ever had). */
function groundToday(code: string): Set<string> {
  const found = new Set<string>();
  for (const v of versionsOf(code)) {
    const parts = v.level === "DISTRICT" ? ADMIN_UNIT_VERSIONS.filter((c) => c.parentId === v.id) : [v];
    for (const part of parts) for (const { unit } of unitsReplacing(part, TWO_TIER_FROM).units) found.add(unit.code);
  }
  return found;
}

/**
 * True when two unit codes can name the same record's place: the same unit or one merged into the other (Lộc Hà,
 * Thạch Hà); a commune and the district it lay in; a 2025 commune and a district or commune whose land it took
 * (part of). Two districts are the same place only by a merger: districts whose communes were later merged together
 * stay different places. How a write's unit is checked against membership's record of an organisation.
 */
export function unitsShareGround(a: string, b: string): boolean {
  if (sameOrMergedUnit(a, b)) return true;
  const isDistrict = (code: string) => versionsOf(code).some((v) => v.level === "DISTRICT");
  if (isDistrict(a) && isDistrict(b)) {
    // A district that ended into others (Lộc Hà: Thạch Hà and the city took its communes) shares ground with them.
    const linked = (x: string, y: string) => versionsOf(x).some((v) => successorsOf(v.id).some((c) => unitById(c.toId)?.code === y));
    return linked(a, b) || linked(b, a);
  }
  const parentsOf = (code: string) =>
    versionsOf(code)
      .map((v) => (v.parentId ? unitById(v.parentId) : null))
      .filter((p): p is AdminUnitVersion => p?.level === "DISTRICT");
  if (parentsOf(a).some((p) => sameOrMergedUnit(p.code, b)) || parentsOf(b).some((p) => sameOrMergedUnit(p.code, a))) return true;
  const ground = groundToday(a);
  return [...groundToday(b)].some((code) => ground.has(code));
}

/**
 * For records kept by unit code alone (no commune recorded: an event's place, a listing's or link's seller, older
 * rows), the unit each code is counted under on `date`'s map, as two parallel lists for one SQL join: a district
 * while districts exist (Lộc Hà's code under Thạch Hà from 2025-01-01), a commune code through its latest unit;
 * codes that cannot be placed on the map (a district after 2025-06-30) are left out, so their records are unplaced.
 */
export function groupingUnitsByCodeOn(date: string): { codes: string[]; unitCodes: string[] } {
  const codes: string[] = [];
  const unitCodes: string[] = [];
  const seen = new Set<string>();
  for (const v of ADMIN_UNIT_VERSIONS) {
    if (seen.has(v.code) || v.level === "PROVINCE") continue;
    seen.add(v.code);
    let unit: string | null = null;
    if (v.level === "DISTRICT") {
      if (date < TWO_TIER_FROM)
        unit = [v.code, ...ADMIN_UNITS.filter((d) => sameOrMergedUnit(v.code, d.code)).map((d) => d.code)].find((code) => unitOn(code, date)) ?? null;
    } else {
      unit = groupingUnitOn(latestUnit(v.code)!, date);
    }
    if (unit !== null) {
      codes.push(v.code);
      unitCodes.push(unit);
    }
  }
  return { codes, unitCodes };
}

/** The descriptions of the place fields every place-bound record exposes (`commune`, `communeOn`, `districtOn`), the same in every subgraph. */
export const PLACE_DESCRIPTION = {
  commune: (what: string): string =>
    `The commune where ${what} lies (xã, phường, thị trấn), as recorded since \`communeSince\`: for the demo, a mid-2024 commune; null where none is recorded.`,
  communeOn:
    "The commune-level unit it lies in on a date (đơn vị cấp xã theo thời điểm), following its commune through mergers: after 2025-07-01 one of the 69 communes. " +
    "Null where its commune was split (Kỳ Lợi, Đại Nài) or the sources do not say where it went (Trung Lộc, Phú Phong), or none is recorded.",
  districtOn:
    "The district-level unit it lay in on a date before 2025-07-01 (huyện theo thời điểm), from its commune; null after, or where no commune is recorded.",
} as const;

/** The label of the group of records no unit of a map can hold (a split commune, or one whose successor is unknown). */
export const UNPLACED_LABEL = "Chưa xác định được đơn vị (xã cũ bị chia tách hoặc chưa rõ nơi sáp nhập)";

/**
 * The date of the map a unit's own figures of a period follow: the period's date (`periodDate`, its end or today)
 * while the unit is in force then, else the unit's last day, when it falls in the period (from `periodStart`).
 */
export function unitMapDateFor(unitId: string, periodStart: string, periodDate: string): string {
  const unit = unitById(unitId);
  if (!unit || inForceOn(unit, periodDate)) return periodDate;
  return unit.validTo !== null && unit.validTo < periodDate && unit.validTo >= periodStart ? unit.validTo : periodDate;
}

/**
 * What a unit filter (`adminUnitCode`, `adminUnitAsOf`) matches, judged as membership's filters are (`unitForFilter`):
 * the commune versions whose records lie in the unit on the date, and the unit codes a record kept by code alone may
 * bear there (the unit, its communes, a district merged into it). Empty lists for a code no unit bore.
 */
export function unitFilterOn(code: string, asOf: string | null, today: string): { communeIds: string[]; codes: string[] } {
  const target = unitForFilter(code, asOf, today);
  if (!target) return { communeIds: [], codes: [] };
  const communeIds = communeIdsWithin(target.unit, target.date);
  const merged =
    target.unit.level === "DISTRICT"
      ? ADMIN_UNITS.filter((d) => d.code !== code && sameOrMergedUnit(d.code, code) && d.validTo !== null && d.validTo < target.date).map((d) => d.code)
      : [];
  return { communeIds, codes: [...new Set([code, ...merged, ...communeIds.map(codeOfAdminUnitId)])] };
}

/**
 * The date of the map a collective-economy overview of one unit follows: the period's date (`periodAsOf`), except for
 * one of today's communes (a unit first in force on 2025-07-01) asked for a period before then, whose figures are
 * re-cut by today's map (`today`) through each record's commune and the crosswalk, so its trend reaches back before
 * the reform. Every subgraph's part of the overview, as membership's.
 */
export function economyMapDate(adminUnitCode: string | null, periodAsOf: string, today: string): string {
  if (adminUnitCode === null || periodAsOf >= TWO_TIER_FROM) return periodAsOf;
  return latestUnit(adminUnitCode)?.validFrom === TWO_TIER_FROM ? today : periodAsOf;
}
