/**
 * The COMMUNE role's sign-in check. Core's auth holds no unit data, so the units register their rule with it
 * when this package is loaded: a commune token names a commune in force on the day it is presented.
 */
import { registerCommuneCheck } from "@kttt/core";
import { unitOn } from "./admin-unit-history";

/** True when `code` names a commune-level unit (xã, phường, thị trấn) in force on `date`. */
export function isCommuneOn(code: string, date: string): boolean {
  return unitOn(code, date)?.level === "COMMUNE";
}

registerCommuneCheck(isCommuneOn);
