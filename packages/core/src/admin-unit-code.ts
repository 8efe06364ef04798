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
