/**
 * Where OCOP owners and products lie: reference's one `placeFieldsResolver` (their recorded commune and its name, the
 * commune and district it lay in on a date, as references to membership's federated AdminUnit by version id, so a
 * mid-2024 commune is never taken for the 2025 commune reusing its code). Owners and products extend it.
 */
import { PLACE_DESCRIPTION, placeFieldsResolver as placeFields, unitById, type AdminUnitVersion, type Placed } from "@kttt/reference";
import { AdminUnitRef as AdminUnit, adminUnitVersionRef } from "../entities/external";

/** The federated reference of one unit version. */
export const unitRef = (unit: AdminUnitVersion): AdminUnit => adminUnitVersionRef(unit.id);

/** The federated reference of a version id this package knows; null for another. */
const knownUnitRef = (id: string): AdminUnit | null => (unitById(id) ? adminUnitVersionRef(id) : null);

const DESCRIPTIONS = {
  commune: PLACE_DESCRIPTION.commune("it"),
  communeName: "Name of the commune as recorded (tên xã khi ghi nhận), e.g. Xã Phúc Trạch; null where none is recorded. The same as `commune.name`.",
};

/** The place fields of a place-bound type, once: owners and products extend it. */
export function placeFieldsResolver<T extends Placed>(Class: new () => T) {
  return placeFields(Class, { unit: AdminUnit, unitOf: knownUnitRef, descriptions: DESCRIPTIONS });
}
