/**
 * A place as a file writes it, resolved to the unit in force on the row's date: a code ("444", "18172"),
 * or a name with or without its kind ("Xã Sơn Tây", "Sơn Tây", "TT Cẩm Xuyên", "Huyện Hương Sơn"),
 * optionally followed by the unit above it ("xã Sơn Tây, huyện Hương Sơn", "Xã Sơn Tây - Hương Sơn",
 * "Phường Thành Sen, tỉnh Hà Tĩnh"). A 2024 commune named for a date after 2025-07-01 is refused with
 * the units that lay where it did (from `checkUnitOn`), never guessed.
 */
import { badInput, foldText } from "@kttt/core";
import {
  ADMIN_UNIT_VERSIONS,
  checkUnitOn,
  endedUnitProblem,
  inForceOn,
  unitById,
  unitsReplacing,
  type AdminUnitKindCode,
  type AdminUnitVersion,
  type UnitProblem,
} from "./admin-unit-history";
import { placementOn, type Placement } from "./record-places";

const KIND_WORDS: [RegExp, AdminUnitKindCode[]][] = [
  [/^(thi tran|tt) /u, ["TOWNSHIP"]],
  [/^(thi xa|tx) /u, ["TOWN"]],
  [/^(thanh pho|tp) /u, ["CITY"]],
  [/^(huyen|h) /u, ["DISTRICT"]],
  [/^(phuong|p) /u, ["WARD"]],
  [/^(xa|x) /u, ["COMMUNE"]],
  [/^(tinh) /u, ["PROVINCE"]],
];

/** A unit's name folded, its kind split off: "Thị trấn Cẩm Xuyên" → { kinds: [TOWNSHIP], key: "cam xuyen" }. */
export function unitNameKey(text: string): { kinds: AdminUnitKindCode[] | null; key: string } {
  let key = foldText(text).replace(/\./gu, " ").replace(/\s+/gu, " ").trim();
  for (const [pattern, kinds] of KIND_WORDS) {
    if (pattern.test(key)) {
      key = key.replace(pattern, "");
      return { kinds, key };
    }
  }
  return { kinds: null, key };
}

const BY_KEY = new Map<string, AdminUnitVersion[]>();
for (const v of ADMIN_UNIT_VERSIONS) {
  const { key } = unitNameKey(v.name);
  BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), v]);
}

const nameOf = (v: AdminUnitVersion) =>
  `${v.name}${v.parentId && unitById(v.parentId)?.level === "DISTRICT" ? `, ${unitById(v.parentId)!.name}` : ""} (${v.code})`;

/** The unit a file's text names on `date`, or why none does (UNKNOWN_ADMIN_UNIT, ADMIN_UNIT_NOT_VALID_ON_DATE, AMBIGUOUS_ADMIN_UNIT). */
export function unitNamedOn(
  text: string,
  date: string,
): { unit: AdminUnitVersion; problem: null } | { unit: null; problem: UnitProblem | { code: "AMBIGUOUS_ADMIN_UNIT"; message: string; replacedBy: string[] } } {
  const cleaned = text.normalize("NFC").replace(/\s+/gu, " ").trim();
  const code = /^\d{2,5}$/u.exec(cleaned)?.[0];
  if (code) return checkUnitOn(code, date);
  const [own, ...above] = cleaned
    .replace(/\(([^)]*)\)/gu, ",$1")
    .split(/\s*[,;–]\s*|\s+-\s+/u)
    .filter((part) => part !== "" && unitNameKey(part).kinds?.[0] !== "PROVINCE");
  const name = unitNameKey(own ?? "");
  const parents = above.map(unitNameKey);
  const candidates = (BY_KEY.get(name.key) ?? []).filter(
    (v) =>
      (!name.kinds || name.kinds.includes(v.kind)) &&
      parents.every((p) => {
        const parent = v.parentId ? unitById(v.parentId) : null;
        return parent !== null && parent.level !== "PROVINCE" && unitNameKey(parent.name).key === p.key && (!p.kinds || p.kinds.includes(parent.kind));
      }),
  );
  if (candidates.length === 0) {
    return {
      unit: null,
      problem: {
        code: "UNKNOWN_ADMIN_UNIT",
        message: `No administrative unit of Hà Tĩnh is called "${cleaned}": write its code (e.g. 18172) or its name as the unit's list writes it (e.g. Xã Sơn Tây, or Xã Sơn Tây, Huyện Hương Sơn before 1/7/2025).`,
        replacedBy: [],
      },
    };
  }
  // A bare name of a district that had ended ("Đức Thọ" in 2026) is refused: the row may mean the district, not today's commune.
  const endedDistrict = !name.kinds ? candidates.find((v) => v.level === "DISTRICT" && v.validTo !== null && v.validTo < date) : undefined;
  if (endedDistrict) return checkUnitOn(endedDistrict.code, date);
  let current = candidates.filter((v) => inForceOn(v, date));
  // A bare name that is both a district and one of its communes ("Cẩm Xuyên") names the district, as registers write it.
  if (current.length > 1 && !name.kinds && current.filter((v) => v.level === "DISTRICT").length === 1) current = current.filter((v) => v.level === "DISTRICT");
  if (current.length === 1) return { unit: current[0], problem: null };
  if (current.length > 1) {
    return {
      unit: null,
      problem: {
        code: "AMBIGUOUS_ADMIN_UNIT",
        message: `"${cleaned}" names ${current.length} units on ${date}: ${current.map(nameOf).join("; ")}. Write its code, or add its kind and district.`,
        replacedBy: current.map((v) => v.code),
      },
    };
  }
  // None in force on the date: the one that had ended last (or is yet to come) says why, with what replaced it.
  const ended = candidates.filter((v) => v.validTo !== null && v.validTo < date).sort((a, b) => (a.validTo! < b.validTo! ? 1 : -1));
  const pick = ended[0] ?? candidates[0];
  if (pick.validTo === null || pick.validTo >= date) {
    return {
      unit: null,
      problem: {
        code: "ADMIN_UNIT_NOT_VALID_ON_DATE",
        message: `${nameOf(pick)} did not exist yet on ${date}: it is in force from ${pick.validFrom}. Use the unit in force on that date.`,
        replacedBy: [],
      },
    };
  }
  return { unit: null, problem: endedUnitProblem(nameOf(pick), pick, date, unitsReplacing(pick, date), (names) => names.join(", "), "the unit") };
}

/** The row's date as a person reads it in a message, e.g. 15/03/2026. */
const shownDate = (date: string) => date.split("-").reverse().join("/");

/**
 * The unit a file's cell names on `date` (see `unitNamedOn`); otherwise BAD_USER_INPUT at `field` naming the text and
 * the date (UNKNOWN_ADMIN_UNIT, ADMIN_UNIT_NOT_VALID_ON_DATE with the units that replaced it, AMBIGUOUS_ADMIN_UNIT).
 */
export function requireUnitNamedOn(text: string, date: string, field: string): AdminUnitVersion {
  const { unit, problem } = unitNamedOn(text, date);
  if (unit) return unit;
  const message = problem.message.includes(date) ? problem.message : `${problem.message} (the row's date: ${shownDate(date)})`;
  throw badInput(message, field, problem.code, problem.replacedBy.length ? { replacedBy: problem.replacedBy } : undefined);
}

const COMMUNE_KIND_WORDS = ["Xã", "Phường", "Thị trấn"];

/**
 * The commune-level unit a commune cell names on `date`, inside `district` when the row names one: a name that is
 * also a district's ("Cẩm Xuyên") is read as the commune of that name (the township, the ward) in a commune column.
 */
function communeNamedOn(text: string, district: AdminUnitVersion | null, date: string, field: string): AdminUnitVersion {
  const inDistrict = district?.level === "DISTRICT" && !/^\d+$/u.test(text.trim()) && !/[,;(–]|\s-\s/u.test(text);
  const named = inDistrict ? `${text}, ${district.name}` : text;
  const unit = requireUnitNamedOn(named, date, field);
  if (unit.level === "COMMUNE") return unit;
  const communes = COMMUNE_KIND_WORDS.map((kind) => unitNamedOn(`${kind} ${named}`, date).unit).filter((u): u is AdminUnitVersion => u?.level === "COMMUNE");
  if (communes.length === 1) return communes[0];
  throw badInput(
    `"${text.trim()}" names ${unit.name} (${unit.code}), not a commune, on ${shownDate(date)}: write the commune (xã, phường) in this column and the district in its own.`,
    field,
    "NOT_A_COMMUNE",
  );
}

/**
 * Where a row of a file places a record on its date (`date`), as every import reads it: a commune column (a 2024 commune,
 * with the district column or ", Huyện …" where the name alone is ambiguous; or a 2025 commune) and/or a unit column
 * (the district-level unit, or any unit by code or name). Each is resolved on the row's date through the unit names
 * (`unitNamedOn`) and placed by `placementOn`, the rule of every subgraph's writes: a district code after 1/7/2025 is
 * refused naming the communes that replaced it. BAD_USER_INPUT at the column's field otherwise.
 */
export function placementNamedOn(
  place: { adminUnit?: string | null; commune?: string | null },
  date: string,
  fields: { adminUnit: string; commune: string } = { adminUnit: "adminUnit", commune: "commune" },
): Placement & { unit: AdminUnitVersion } {
  // "Tỉnh Hà Tĩnh" where a district stood (files after 1/7/2025, exports of a 2025 commune's parent) names no unit below the province.
  const unitText = (place.adminUnit?.trim() && unitNameKey(place.adminUnit).kinds?.[0] !== "PROVINCE" && place.adminUnit.trim()) || null;
  const communeText = place.commune?.trim() || null;
  if (!communeText) {
    if (!unitText) throw badInput("The row names no place: write its commune (xã, phường) or its unit (huyện).", fields.commune, "REQUIRED");
    const unit = requireUnitNamedOn(unitText, date, fields.adminUnit);
    return { ...placementOn(unit.code, date, fields.adminUnit), unit };
  }
  const district = unitText ? requireUnitNamedOn(unitText, date, fields.adminUnit) : null;
  const commune = communeNamedOn(communeText, district, date, fields.commune);
  const within = !district || district.id === commune.id || (district.level === "DISTRICT" && commune.parentId === district.id);
  if (!within) {
    throw badInput(
      `${commune.name} (${commune.code}) did not lie in ${district.name} (${district.code}) on ${shownDate(date)}: correct the commune or the unit.`,
      fields.commune,
      "COMMUNE_NOT_IN_UNIT",
    );
  }
  return { ...placementOn(commune.code, date, fields.commune), unit: commune };
}
