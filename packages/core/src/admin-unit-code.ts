/**
 * The shape of an administrative-unit code (mã đơn vị hành chính), in one place for every input,
 * filter, token and key that carries one. Whether a code names a unit that exists, and on which
 * dates, is decided by `requireAdminUnit` in @kttt/reference.
 */
import { Matches } from "class-validator";

/** A unit code as the official list writes it: three digits for a district (444, Huyện Hương Khê; until 30/6/2025), five for a commune (18202, xã Tứ Mỹ). */
export const ADMIN_UNIT_CODE = /^([0-9]{3}|[0-9]{5})$/u;
export const ADMIN_UNIT_CODE_MESSAGE = "adminUnitCode must be a unit code: three digits for a district (e.g. 444), five for a commune (e.g. 18202).";

export function isAdminUnitCode(code: unknown): code is string {
  return typeof code === "string" && ADMIN_UNIT_CODE.test(code);
}

/** class-validator: an input or filter field holding a unit code. */
export function IsAdminUnitCode(): PropertyDecorator {
  return Matches(ADMIN_UNIT_CODE, { message: ADMIN_UNIT_CODE_MESSAGE });
}

/** The description of the federated `AdminUnit` type, the same in every subgraph that names it. */
export const ADMIN_UNIT_TYPE_DESCRIPTION =
  "An administrative unit of Hà Tĩnh (đơn vị hành chính) as it was between two dates: the province (tỉnh), a district-level " +
  "unit (cấp huyện: thành phố, thị xã, huyện; until 2025-06-30) or a commune-level unit (cấp xã: phường, xã, thị trấn). " +
  "Units merge, split and are renamed (1/1/2025; the district level ended on 1/7/2025 and 69 communes replaced 209), and a " +
  "2025 commune reuses the code of one of its former communes: a unit answered by code alone is the latest unit bearing " +
  "that code; ask `adminUnits(asOf:)` or `adminUnit(code:, asOf:)` for the unit in force on a date.";

/** The description of `AdminUnit.code`, the federation key. */
export const ADMIN_UNIT_CODE_DESCRIPTION =
  "Official code of the unit (mã đơn vị hành chính): 42 for the province, 3 digits for a district (e.g. 444), 5 for a commune (e.g. 18202).";

/** The description of `AdminUnit.id`, the federation key that names one version of a unit. */
export const ADMIN_UNIT_ID_DESCRIPTION =
  "Identifier of this version of the unit (mã phiên bản): its code for the first unit bearing the code, `code@validFrom` for a later one " +
  "(e.g. 18202 for the mid-2024 commune, 18202@2025-07-01 for the 2025 commune reusing its code). Other subgraphs refer to a unit by it.";

/** The code of a unit version id (`18202@2025-07-01` → `18202`). */
export const codeOfAdminUnitId = (id: string): string => id.split("@")[0];
