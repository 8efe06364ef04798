/**
 * Hà Tĩnh's administrative units on any date since the mid-2024 review: three maps, built from the shared
 * crosswalk (`admin-units-data.ts`, generated) and the 2024 districts (`admin-units.ts`).
 *
 *  - up to 2024-12-31: 13 district-level units (436–449) and 216 communes;
 *  - 2025-01-01 – 2025-06-30: 12 districts (Lộc Hà gone) and 209 communes (Nghị quyết 1283/NQ-UBTVQH15);
 *  - from 2025-07-01: no district level, 69 communes (60 xã, 9 phường) under the province
 *    (Nghị quyết 1665/NQ-UBTVQH15; codes: Quyết định 19/2025/QĐ-TTg, Công văn 1027/CTK-CSCL).
 *
 * A unit here is one version of a unit: a code, a name, a parent and the dates it held them. Codes are reused
 * (each 2025 commune reuses the code of one of its former communes), so a version's `id` is its code for the
 * first version bearing that code and `code@validFrom` for a later one. Changes link versions, each with the
 * share of the old unit the new one received (WHOLE or PART) and whether the link is only inferred.
 */
import { addDays, foldText } from "@kttt/core";
import { COMMUNES_2025, CROSSWALK_2024_2025 } from "./admin-units-data";
import { ADMIN_UNITS } from "./admin-units";

export type AdminUnitKindCode = "PROVINCE" | "CITY" | "TOWN" | "DISTRICT" | "WARD" | "COMMUNE" | "TOWNSHIP";
export type AdminUnitLevelCode = "PROVINCE" | "DISTRICT" | "COMMUNE";
export type AdminUnitShare = "WHOLE" | "PART";

export interface AdminUnitVersion {
  /** `code` for the first unit bearing the code, `code@validFrom` for a later one. */
  id: string;
  code: string;
  /** Official name with its kind, with diacritics (NFC), e.g. "Xã Tứ Mỹ". */
  name: string;
  kind: AdminUnitKindCode;
  level: AdminUnitLevelCode;
  /** The unit above it while this version was in force: the district before 2025-07-01, else the province. */
  parentId: string | null;
  /** Null: in force before the mid-2024 review; the date it was formed is not recorded here. */
  validFrom: string | null;
  /** Null while in force. */
  validTo: string | null;
  /** The act that made this version, where known. */
  legalBasis: string | null;
  /** What happened to it, in Vietnamese; says so where a fact is only inferred. */
  note: string | null;
}

export interface AdminUnitChange {
  fromId: string;
  toId: string;
  /** WHOLE: all of the old unit went into the new one; PART: it was split and this is one of the parts. */
  share: AdminUnitShare;
  /** First day of the new arrangement. */
  on: string;
  legalBasis: string;
  /** True where the sources do not say it and the link is a best reading (see `note`). */
  inferred: boolean;
  note: string | null;
}

export const PROVINCE_CODE = "42";
/** First day of the January–June 2025 map (Lộc Hà merged, Thành phố Hà Tĩnh enlarged). */
export const MAP_2025_FROM = "2025-01-01";
/** First day without the district level: the 69 communes. */
export const TWO_TIER_FROM = "2025-07-01";

export const LEGAL_BASIS_2025_H1 = "Nghị quyết 1283/NQ-UBTVQH15 (14/11/2024), hiệu lực 01/01/2025";
export const LEGAL_BASIS_TWO_TIER =
  "Nghị quyết 1665/NQ-UBTVQH15 (16/06/2025), hiệu lực 01/07/2025; mã đơn vị: Quyết định 19/2025/QĐ-TTg, Công văn 1027/CTK-CSCL (25/06/2025)";

const dayBefore = (date: string): string => addDays(date, -1);

function communeKind(name: string): AdminUnitKindCode {
  if (name.startsWith("Phường ")) return "WARD";
  if (name.startsWith("Thị trấn ")) return "TOWNSHIP";
  if (name.startsWith("Xã ")) return "COMMUNE";
  throw new Error(`Cannot tell the kind of commune-level unit from its name: ${name}`);
}

function build(): { versions: AdminUnitVersion[]; changes: AdminUnitChange[] } {
  const versions: AdminUnitVersion[] = [];
  const changes: AdminUnitChange[] = [];
  const add = (v: AdminUnitVersion): AdminUnitVersion => (versions.push(v), v);
  const link = (from: AdminUnitVersion, to: AdminUnitVersion, share: AdminUnitShare, inferred: boolean, note: string | null): void => {
    if (!changes.some((c) => c.fromId === from.id && c.toId === to.id)) {
      changes.push({ fromId: from.id, toId: to.id, share, on: to.validFrom!, legalBasis: to.legalBasis!, inferred, note });
    }
  };

  add({
    id: PROVINCE_CODE,
    code: PROVINCE_CODE,
    name: "Tỉnh Hà Tĩnh",
    kind: "PROVINCE",
    level: "PROVINCE",
    parentId: null,
    validFrom: null,
    validTo: null,
    legalBasis: null,
    note: "Giữ nguyên, không hợp nhất với tỉnh khác khi sắp xếp đơn vị hành chính năm 2025 (Nghị quyết 60-NQ/TW, 12/04/2025).",
  });
  const districts = new Map(
    ADMIN_UNITS.map((d) => [
      d.code,
      add({
        id: d.code,
        code: d.code,
        name: d.name,
        kind: d.kind,
        level: "DISTRICT",
        parentId: PROVINCE_CODE,
        validFrom: d.validFrom,
        validTo: d.validTo,
        legalBasis: null,
        note: d.changeNote,
      }),
    ]),
  );

  // Mid-2024 communes, one per old code; Bình Lộc (18448) is only in the early-2025 list (a data artefact).
  const firstRows = new Map<string, (typeof CROSSWALK_2024_2025)[number]>();
  for (const row of CROSSWALK_2024_2025) if (row.oldDistrictCode2024 && !firstRows.has(row.oldCode)) firstRows.set(row.oldCode, row);
  const midYear = new Map<string, AdminUnitVersion>();
  for (const row of firstRows.values()) {
    midYear.set(
      row.oldCode,
      add({
        id: row.oldCode,
        code: row.oldCode,
        name: row.oldName2024,
        kind: communeKind(row.oldName2024),
        level: "COMMUNE",
        parentId: row.oldDistrictCode2024,
        validFrom: null,
        validTo: null,
        legalBasis: null,
        note: null,
      }),
    );
  }

  // January–June 2025: a commune renamed, moved to another district or enlarged by a merger is a new version.
  const mergedAway = [...firstRows.values()].filter((r) => r.oldName2025H1.startsWith("(merged away"));
  const absorbedInto = new Map(mergedAway.map((r) => [r.oldCode, /into (\d{5})/u.exec(r.note ?? "")?.[1] ?? null]));
  const enlarged = new Set([...absorbedInto.values()].filter((code): code is string => code !== null));
  const early2025 = new Map<string, AdminUnitVersion>();
  for (const row of firstRows.values()) {
    const old = midYear.get(row.oldCode)!;
    if (absorbedInto.has(row.oldCode)) {
      old.validTo = dayBefore(MAP_2025_FROM);
      continue;
    }
    if (row.oldName2025H1 === row.oldName2024 && row.oldDistrictCode2025H1 === row.oldDistrictCode2024 && !enlarged.has(row.oldCode)) {
      early2025.set(row.oldCode, old);
      continue;
    }
    old.validTo = dayBefore(MAP_2025_FROM);
    const next = add({
      id: `${row.oldCode}@${MAP_2025_FROM}`,
      code: row.oldCode,
      name: row.oldName2025H1,
      kind: communeKind(row.oldName2025H1),
      level: "COMMUNE",
      parentId: row.oldDistrictCode2025H1,
      validFrom: MAP_2025_FROM,
      validTo: null,
      legalBasis: LEGAL_BASIS_2025_H1,
      note: null,
    });
    early2025.set(row.oldCode, next);
    link(old, next, "WHOLE", false, null);
  }
  for (const [code, target] of absorbedInto) {
    const old = midYear.get(code)!;
    const row = firstRows.get(code)!;
    if (target === null) {
      old.note = `Nhập vào một xã lân cận từ 01/01/2025; nguồn không nêu xã nào (${row.newName}).`;
    } else {
      old.note = `Nhập vào ${early2025.get(target)!.name} từ 01/01/2025 (suy luận, chưa đối chiếu văn bản).`;
      link(old, early2025.get(target)!, "WHOLE", true, row.note);
    }
  }

  // District level: Lộc Hà ended on 2024-12-31, its communes went to the districts they lay in next.
  for (const district of districts.values()) {
    if (district.validTo !== dayBefore(MAP_2025_FROM)) continue;
    const next = new Set(
      [...firstRows.values()].filter((r) => r.oldDistrictCode2024 === district.code && r.oldDistrictCode2025H1).map((r) => r.oldDistrictCode2025H1!),
    );
    for (const code of next) {
      const target = districts.get(code)!;
      changes.push({
        fromId: district.id,
        toId: target.id,
        share: next.size === 1 ? "WHOLE" : "PART",
        on: MAP_2025_FROM,
        legalBasis: LEGAL_BASIS_2025_H1,
        inferred: false,
        note: null,
      });
    }
  }

  // From 2025-07-01: the 69 communes under the province.
  const communes = new Map<string, AdminUnitVersion>();
  for (const row of COMMUNES_2025) {
    const kind: AdminUnitKindCode = row.kind === "PHUONG" ? "WARD" : "COMMUNE";
    if (communeKind(row.name) !== kind) throw new Error(`Kind ${row.kind} does not match the name ${row.name}`);
    communes.set(
      row.code,
      add({
        id: `${row.code}@${TWO_TIER_FROM}`,
        code: row.code,
        name: row.name,
        kind,
        level: "COMMUNE",
        parentId: PROVINCE_CODE,
        validFrom: TWO_TIER_FROM,
        validTo: null,
        legalBasis: LEGAL_BASIS_TWO_TIER,
        note: null,
      }),
    );
  }
  const lastDay = dayBefore(TWO_TIER_FROM);
  for (const v of versions) if (v.level !== "PROVINCE" && v.validTo === null && v.validFrom !== TWO_TIER_FROM) v.validTo = lastDay;
  for (const row of CROSSWALK_2024_2025) {
    const from = early2025.get(row.oldCode);
    if (!from || !row.newCode || !row.oldDistrictCode2024) continue;
    link(from, communes.get(row.newCode)!, row.mergeType === "partial" ? "PART" : "WHOLE", row.mergeType === "inferred", row.note);
  }
  for (const district of districts.values()) {
    if (district.validTo !== lastDay) continue;
    const members = new Set(versions.filter((v) => v.parentId === district.id && v.validTo === lastDay).map((v) => v.id));
    const next = new Set(changes.filter((c) => members.has(c.fromId) && c.on === TWO_TIER_FROM).map((c) => c.toId));
    for (const id of next) {
      const to = versions.find((v) => v.id === id)!;
      changes.push({ fromId: district.id, toId: to.id, share: "PART", on: TWO_TIER_FROM, legalBasis: LEGAL_BASIS_TWO_TIER, inferred: false, note: null });
    }
  }
  return { versions, changes };
}

const BUILT = build();
/** Every version of every unit: the province, 13 districts, and the communes of the three maps. */
export const ADMIN_UNIT_VERSIONS: readonly AdminUnitVersion[] = BUILT.versions;
export const ADMIN_UNIT_CHANGES: readonly AdminUnitChange[] = BUILT.changes;

const byId = new Map(ADMIN_UNIT_VERSIONS.map((v) => [v.id, v]));
const byCode = new Map<string, AdminUnitVersion[]>();
for (const v of ADMIN_UNIT_VERSIONS) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);

export const inForceOn = (v: AdminUnitVersion, date: string): boolean =>
  (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || v.validTo >= date);

/** The units in force on a date, province first, then by level and code. */
export function unitsOn(date: string): AdminUnitVersion[] {
  const order: Record<AdminUnitLevelCode, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };
  return ADMIN_UNIT_VERSIONS.filter((v) => inForceOn(v, date)).sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

/** The unit bearing `code` on `date`, or null when no unit bore it then. */
export function unitOn(code: string, date: string): AdminUnitVersion | null {
  return byCode.get(code)?.find((v) => inForceOn(v, date)) ?? null;
}

/** Every version that bore the code, oldest first. */
export function versionsOf(code: string): AdminUnitVersion[] {
  return [...(byCode.get(code) ?? [])];
}

/** The latest version bearing the code (the one in force now, or the last one): what a bare code names. */
export function latestUnit(code: string): AdminUnitVersion | null {
  const all = byCode.get(code);
  return all ? all[all.length - 1] : null;
}

export function unitById(id: string): AdminUnitVersion | null {
  return byId.get(id) ?? null;
}

export function successorsOf(id: string): AdminUnitChange[] {
  return ADMIN_UNIT_CHANGES.filter((c) => c.fromId === id);
}

export function predecessorsOf(id: string): AdminUnitChange[] {
  return ADMIN_UNIT_CHANGES.filter((c) => c.toId === id);
}

export interface UnitsReplacing {
  /** The units in force on the date that took over the place, each with the share it received. */
  units: { unit: AdminUnitVersion; share: AdminUnitShare; inferred: boolean }[];
  /** True where part of the place went to a unit the sources do not name. */
  unknownPart: boolean;
}

/**
 * The units in force on `date` that lie where `version` lay, following the changes: itself while it is in
 * force; a split anywhere along the way makes every later unit a PART; an inferred link makes it inferred.
 */
export function unitsReplacing(version: AdminUnitVersion, date: string): UnitsReplacing {
  const found = new Map<string, { unit: AdminUnitVersion; share: AdminUnitShare; inferred: boolean }>();
  let unknownPart = false;
  const walk = (v: AdminUnitVersion, share: AdminUnitShare, inferred: boolean): void => {
    if (inForceOn(v, date) || (v.validFrom !== null && v.validFrom > date)) {
      if (inForceOn(v, date)) {
        const seen = found.get(v.id);
        found.set(v.id, { unit: v, share: seen?.share === "WHOLE" ? "WHOLE" : share, inferred: (seen?.inferred ?? true) && inferred });
      }
      return;
    }
    const next = successorsOf(v.id);
    if (next.length === 0) unknownPart ||= v.validTo !== null;
    for (const c of next) walk(byId.get(c.toId)!, share === "PART" || c.share === "PART" ? "PART" : "WHOLE", inferred || c.inferred);
  };
  if (version.level === "DISTRICT" && version.validTo !== null && version.validTo < date) {
    // A district's place is its communes': its own links name whole districts that took only some of them.
    for (const commune of ADMIN_UNIT_VERSIONS) if (commune.parentId === version.id && inForceOn(commune, version.validTo)) walk(commune, "PART", false);
  } else {
    walk(version, "WHOLE", false);
  }
  return { units: [...found.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code)), unknownPart };
}

/**
 * Where a record registered in a unit lies on `date`: the commune-level unit in force then, when the record's
 * commune went whole into one unit (by sure or inferred links); null when it was split or the sources do not
 * say where it went (the record's address must decide).
 */
export function communeOf(communeCode: string, registeredOn: string, date: string): AdminUnitVersion | null {
  const start = unitOn(communeCode, registeredOn);
  if (!start || start.level !== "COMMUNE") return null;
  const { units, unknownPart } = unitsReplacing(start, date);
  return !unknownPart && units.length === 1 && units[0].share === "WHOLE" ? units[0].unit : null;
}

/** The district a commune lay in on a date (before 2025-07-01), or null. */
export function districtOf(communeCode: string, date: string): AdminUnitVersion | null {
  const commune = unitOn(communeCode, date);
  const parent = commune?.parentId ? byId.get(commune.parentId) : undefined;
  return parent?.level === "DISTRICT" ? parent : null;
}

export interface UnitProblem {
  /** Stable error code for `extensions.code`-style reporting. */
  code: "UNKNOWN_ADMIN_UNIT" | "ADMIN_UNIT_NOT_VALID_ON_DATE";
  /** A sentence a person understands, naming what replaced the unit where it had ended. */
  message: string;
  /** Codes of the units in force on the date where the unit lay, for a unit that had ended. */
  replacedBy: string[];
}

const listNames = (names: string[]): string => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/**
 * The unit bearing `code` on `date`, or why there is none: an unknown code; a unit not yet formed; or a unit
 * that had ended, with the units that lay where it did on that date (e.g. district 444 in 2026: its communes).
 */
export function checkUnitOn(code: string, date: string): { unit: AdminUnitVersion; problem: null } | { unit: null; problem: UnitProblem } {
  const unit = unitOn(code, date);
  if (unit) return { unit, problem: null };
  const all = versionsOf(code);
  if (all.length === 0)
    return { unit: null, problem: { code: "UNKNOWN_ADMIN_UNIT", message: `There is no administrative unit with code ${code} in Hà Tĩnh.`, replacedBy: [] } };
  const before = all.filter((v) => v.validTo !== null && v.validTo < date).pop();
  if (!before) {
    const first = all[0];
    return {
      unit: null,
      problem: {
        code: "ADMIN_UNIT_NOT_VALID_ON_DATE",
        message: `${first.name} (${code}) did not exist yet on ${date}: it is in force from ${first.validFrom}.`,
        replacedBy: [],
      },
    };
  }
  // A district that ended while districts remained (Lộc Hà) is best named by the districts that took it over.
  const direct = successorsOf(before.id)
    .map((c) => ({ unit: byId.get(c.toId)!, share: c.share, inferred: c.inferred }))
    .filter((s) => inForceOn(s.unit, date));
  const replacing = direct.length > 0 ? { units: direct, unknownPart: false } : unitsReplacing(before, date);
  return { unit: null, problem: endedUnitProblem(`${before.name} (${code})`, before, date, replacing, listNames, "the code of the unit") };
}

/**
 * ADMIN_UNIT_NOT_VALID_ON_DATE for a unit (`label`) that had ended by `date`, naming the units its area then lay in
 * (listed with `list`) and asking for `use` in force on that date.
 */
export function endedUnitProblem(
  label: string,
  ended: AdminUnitVersion,
  date: string,
  { units, unknownPart }: UnitsReplacing,
  list: (names: string[]) => string,
  use: string,
): UnitProblem {
  const names = units.map((u) => `${u.unit.name} (${u.unit.code}${u.share === "PART" ? ", part" : ""})`);
  if (unknownPart) names.push("a unit the sources do not name");
  return {
    code: "ADMIN_UNIT_NOT_VALID_ON_DATE",
    message: `${label} no longer existed on ${date}: it ended on ${ended.validTo}${names.length ? `, and its area then lay in ${list(names)}` : ""}. Use ${use} in force on that date.`,
    replacedBy: units.map((u) => u.unit.code),
  };
}

/** The descriptions of the federated `AdminUnit` type and its key, the same in every subgraph that names it (kept in core with the key stubs). */
export { ADMIN_UNIT_CODE_DESCRIPTION, ADMIN_UNIT_ID_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION } from "@kttt/core";

/**
 * Where a record registered in commune version `v` lies on `date`, for filters: `v` itself while in force; the one
 * unit it went into whole (surely or by inference); `v` as last known when the sources do not say where it went
 * (so its district still counts it); null when it was split (only the record's address could decide).
 */
export function placeOn(v: AdminUnitVersion, date: string): AdminUnitVersion | null {
  if (inForceOn(v, date)) return v;
  if (v.validFrom !== null && v.validFrom > date) return null;
  const { units, unknownPart } = unitsReplacing(v, date);
  if (units.length === 0 && unknownPart) return v;
  return units.length === 1 && units[0].share === "WHOLE" && !unknownPart ? units[0].unit : null;
}

/**
 * The commune versions whose records lie within `unit` on `date`: the commune itself and those that went into it
 * whole; for a district, the communes under it on that date (a record in Lộc Hà in 2024 lies in Thạch Hà on
 * 2025-06-30). One list, so a filter is one `= ANY(…)` condition.
 */
export function communeIdsWithin(unit: AdminUnitVersion, date: string): string[] {
  return ADMIN_UNIT_VERSIONS.filter((v) => v.level === "COMMUNE")
    .filter((v) => {
      const place = placeOn(v, date);
      return place !== null && (place.id === unit.id || place.parentId === unit.id || unit.level === "PROVINCE");
    })
    .map((v) => v.id);
}

/**
 * The unit a filter names and the date it is judged on: with a date, the unit bearing the code then; without,
 * the latest unit bearing the code, judged today while it is in force and on its last day after it ended.
 */
export function unitForFilter(code: string, asOf: string | null, today: string): { unit: AdminUnitVersion; date: string } | null {
  if (asOf) {
    const unit = unitOn(code, asOf);
    return unit ? { unit, date: asOf } : null;
  }
  const unit = latestUnit(code);
  if (!unit) return null;
  return { unit, date: unit.validTo !== null && unit.validTo < today ? unit.validTo : today };
}

/**
 * The unit a record registered in commune version `v` is counted under on `date`, by the map in force then: its
 * district before 2025-07-01 (the district it lay in when last known), its commune after; null where only the
 * record's address could tell (a split commune, or one the sources lose after 2025-07-01).
 */
export function groupingUnitOn(v: AdminUnitVersion, date: string): string | null {
  const place = placeOn(v, date);
  if (!place) return null;
  if (date < TWO_TIER_FROM) {
    const parent = place.parentId ? byId.get(place.parentId) : undefined;
    return parent?.level === "DISTRICT" ? parent.code : null;
  }
  return inForceOn(place, date) && place.level === "COMMUNE" ? place.code : null;
}

/** Every day the map changed: a unit version came into force, went out of force, or a change took effect. Ascending. */
const MAP_CHANGE_DAYS: readonly string[] = [
  ...new Set([...ADMIN_UNIT_VERSIONS.flatMap((v) => [v.validFrom, v.validTo === null ? null : addDays(v.validTo, 1)]), ...ADMIN_UNIT_CHANGES.map((c) => c.on)]),
]
  .filter((day): day is string => day !== null)
  .sort();

/**
 * One day standing for the map in force on `date`: the first day of that map (the latest day on or before `date` when
 * the map changed), or, for the map before the first recorded change, the day before that change. Every date of one
 * map groups records alike (`groupingUnitsOn`), so figures by unit computed on this day, and cached under it, serve
 * every date of the map: a report dated any day of the first half of 2024 follows one map.
 */
export function unitMapDay(date: string): string {
  let day: string | null = null;
  for (const change of MAP_CHANGE_DAYS) {
    if (change > date) break;
    day = change;
  }
  return day ?? (MAP_CHANGE_DAYS.length > 0 ? addDays(MAP_CHANGE_DAYS[0], -1) : date);
}

/** `groupingUnitOn` for every commune version, as two parallel lists (for one SQL join on unnest). */
export function groupingUnitsOn(date: string): { communeIds: string[]; unitCodes: string[] } {
  const communeIds: string[] = [];
  const unitCodes: string[] = [];
  for (const v of ADMIN_UNIT_VERSIONS) {
    if (v.level !== "COMMUNE") continue;
    const code = groupingUnitOn(v, date);
    if (code !== null) {
      communeIds.push(v.id);
      unitCodes.push(code);
    }
  }
  return { communeIds, unitCodes };
}

/**
 * For statistics grouped by the units of `date`'s map: a record's unit from the commune it was recorded in
 * (`groupingUnitsOn`), or, for a record with no commune, the unit it was registered in while districts existed
 * (before TWO_TIER_FROM); null: unplaced.
 */
export function groupingUnitOfRecord(date: string): (communeId: string | null, adminUnitCode: string | null) => string | null {
  const mapping = groupingUnitsOn(date);
  const unitOf = new Map(mapping.communeIds.map((id, i) => [id, mapping.unitCodes[i]]));
  const ownUnitCounts = date < TWO_TIER_FROM;
  return (communeId, adminUnitCode) => (communeId !== null ? (unitOf.get(communeId) ?? null) : ownUnitCounts ? adminUnitCode : null);
}

/**
 * The code of the commune on `date`'s map (default: today in Hà Tĩnh) where a record lies, from the commune
 * version it was recorded in (`communeId`) and, where that commune was split (Kỳ Lợi, Đại Nài) or the sources
 * lose it, from its address: the one candidate unit the address names (diacritics and case ignored). Null when
 * neither decides: such a record is "unplaced" for statistics and belongs to no commune for access.
 * This is the one rule every subgraph uses for access by the COMMUNE role and for re-cuts by today's map.
 */
export function communeCodeOn(communeId: string | null, address: string | null | undefined, date: string): string | null {
  const recorded = communeId ? byId.get(communeId) : undefined;
  if (!recorded) return null;
  const place = placeOn(recorded, date);
  if (place && inForceOn(place, date) && place.level === "COMMUNE") return place.code;
  if (!address) return null;
  const folded = foldText(address);
  const candidates = (place ? [] : unitsReplacing(recorded, date).units.map((u) => u.unit)).filter((u) => u.level === "COMMUNE");
  const named = candidates.filter((u) => folded.includes(foldText(u.name)) || folded.includes(foldText(u.name.replace(/^(Phường|Xã|Thị trấn)\s+/u, ""))));
  return named.length === 1 ? named[0].code : null;
}

/**
 * The SQL condition of a unit filter on a table with `commune_id` and `admin_unit_code` (alias `alias`): what lies in
 * the unit `code` names on its date (`unitForFilter`), as the communes whose records lie in it then, one `= ANY` on the
 * indexed column; rows with no commune recorded are found by the unit they were registered in. Every subgraph's filter.
 */
export function unitFilterCondition(alias: string, code: string, asOf: string | null, today: string): { sql: string; params: Record<string, unknown> } {
  const target = unitForFilter(code, asOf, today);
  const communeIds = target ? communeIdsWithin(target.unit, target.date) : [];
  return {
    sql: `(${alias}.commune_id = ANY(:unitCommuneIds) OR (${alias}.commune_id IS NULL AND ${alias}.admin_unit_code = :unitCode))`,
    params: { unitCommuneIds: communeIds, unitCode: code },
  };
}

/**
 * The unit a bare code names (the latest bearing it) and the day of its life nearest to `date`: `date` while it was in
 * force, its last day after it ended, its first day before it began. What lies in a federated AdminUnit "as of" a date.
 */
export function latestUnitNear(code: string, date: string): { unit: AdminUnitVersion; date: string } | null {
  const unit = latestUnit(code);
  return unit ? unitNear(unit, date) : null;
}

/** A unit version and the day of its life nearest to `date` (`latestUnitNear` for a unit known by its version id). */
export function unitNear(unit: AdminUnitVersion, date: string): { unit: AdminUnitVersion; date: string } {
  if (unit.validTo !== null && date > unit.validTo) return { unit, date: unit.validTo };
  if (unit.validFrom !== null && date < unit.validFrom) return { unit, date: unit.validFrom };
  return { unit, date };
}
