/**
 * The place fields of trade promotion's place-bound records (participations, events, listings, links): reference's
 * one `placeFieldsResolver`, returning membership's AdminUnit by version id. Each record's resolver extends it.
 */
import { placeFieldsResolver as placeFields, type Placed } from "@kttt/reference";
import { AdminUnitRef, adminUnitVersionRef } from "../entities/external";

/** `commune`, `communeOn` and `districtOn` of `Class`; `commune` described by `communeDescription`. */
export function placeFieldsResolver<T extends Placed>(Class: new () => T, communeDescription: string) {
  return placeFields(Class, { unit: AdminUnitRef, unitOf: adminUnitVersionRef, descriptions: { commune: communeDescription } });
}
