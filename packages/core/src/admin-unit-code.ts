/**
 * The shape of an administrative-unit code (mã đơn vị hành chính), in one place for every input,
 * filter, token and key that carries one. Whether a code names a unit that exists, and on which
 * dates, is decided by `requireAdminUnit` in @kttt/reference.
 */
import { Matches } from "class-validator";

/** A unit code as the official list writes it: three digits (e.g. 444, Huyện Hương Khê). */
export const ADMIN_UNIT_CODE = /^[0-9]{3}$/u;
export const ADMIN_UNIT_CODE_MESSAGE = "adminUnitCode must be a three-digit unit code such as 444.";

export function isAdminUnitCode(code: unknown): code is string {
  return typeof code === "string" && ADMIN_UNIT_CODE.test(code);
}

/** class-validator: an input or filter field holding a unit code. */
export function IsAdminUnitCode(): PropertyDecorator {
  return Matches(ADMIN_UNIT_CODE, { message: ADMIN_UNIT_CODE_MESSAGE });
}
