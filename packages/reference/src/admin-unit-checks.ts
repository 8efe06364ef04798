/**
 * The one check of an administrative-unit code against Hà Tĩnh's units, for every subgraph: the code
 * must name a unit, and, given a date, the unit must have existed that day. Its rules change here
 * only (the move to the province's communes, issue 13).
 */
import { badInput, cleanText, foldText } from "@kttt/core";
import { latestUnit } from "./admin-unit-history";
import { ADMIN_UNITS, type AdminUnitRecord } from "./admin-units";

const BY_CODE = new Map(ADMIN_UNITS.map((unit) => [unit.code, unit]));

/** The unit with this code, or undefined. */
export function adminUnitByCode(code: string): AdminUnitRecord | undefined {
  return BY_CODE.get(code);
}

/**
 * The unit `code` names, existing on `onDate` when one is given; otherwise BAD_USER_INPUT at `field`:
 * UNKNOWN_ADMIN_UNIT, or ADMIN_UNIT_NOT_VALID_ON_DATE.
 */
export function requireAdminUnit(code: string, field: string, onDate?: string): AdminUnitRecord {
  const unit = BY_CODE.get(code);
  if (!unit) throw badInput(`There is no administrative unit with code ${code} in Hà Tĩnh.`, field, "UNKNOWN_ADMIN_UNIT");
  if (onDate !== undefined && (onDate < unit.validFrom || (unit.validTo !== null && onDate > unit.validTo))) {
    throw badInput(
      `${unit.name} (${code}) did not exist on ${onDate}: it was valid from ${unit.validFrom}${unit.validTo ? ` to ${unit.validTo}` : ""}.`,
      field,
      "ADMIN_UNIT_NOT_VALID_ON_DATE",
      { validFrom: unit.validFrom, validTo: unit.validTo },
    );
  }
  return unit;
}

/** The name of the unit with this code (e.g. "Huyện Hương Khê", "Xã Tứ Mỹ"; the latest unit that bore it), or undefined: a statistics group's label. */
export function adminUnitName(code: string): string | undefined {
  return BY_CODE.get(code)?.name ?? latestUnit(code)?.name;
}

/** A unit's name folded and without its kind, so "Huyện Hương Khê", "huyen huong khe" and "Hương Khê" meet. */
export function adminUnitNameKey(name: string): string {
  return foldText(cleanText(name))
    .replace(/\./gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^(huyen|thi xa|thanh pho|tp|tx) /u, "");
}

const BY_NAME_KEY = new Map(ADMIN_UNITS.map((unit) => [adminUnitNameKey(unit.name), unit]));

/** The unit a file names by its code (e.g. 444) or its name with or without its kind (e.g. Huyện Hương Khê, Hương Khê), or undefined. */
export function adminUnitNamed(text: string): AdminUnitRecord | undefined {
  const cleaned = cleanText(text);
  return BY_CODE.get(cleaned) ?? BY_NAME_KEY.get(adminUnitNameKey(cleaned));
}

/** The unit a file's cell names (code or name, see adminUnitNamed); otherwise UNKNOWN_ADMIN_UNIT at `field`. */
export function requireAdminUnitNamed(text: string, field: string): AdminUnitRecord {
  const unit = adminUnitNamed(text);
  if (!unit)
    throw badInput(
      `No administrative unit of Hà Tĩnh is called "${cleanText(text)}": write its code (e.g. 444) or its name (e.g. Huyện Hương Khê).`,
      field,
      "UNKNOWN_ADMIN_UNIT",
    );
  return unit;
}
