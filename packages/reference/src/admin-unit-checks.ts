/**
 * The one check of an administrative-unit code against Hà Tĩnh's units, for every subgraph: the code
 * must name a unit, and, given a date, the unit must have existed that day. Its rules change here
 * only (the move to the province's communes, issue 13).
 */
import { badInput } from "@kttt/core";
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
