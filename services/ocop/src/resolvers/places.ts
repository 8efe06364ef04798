/**
 * Where OCOP owners and products lie: their recorded commune, the commune and district it lay in on a date, as
 * references to membership's federated AdminUnit (by version id, so a mid-2024 commune is never taken for the 2025
 * commune reusing its code), from @kttt/reference's one rule of places.
 */
import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateScalar, today } from "@kttt/core";
import { PLACE_DESCRIPTION, recordCommuneOn, recordDistrictOn, unitById, type AdminUnitVersion } from "@kttt/reference";
import { AdminUnitRef as AdminUnit, adminUnitVersionRef } from "../entities/external";

/** The federated reference of one unit version. */
export const unitRef = (unit: AdminUnitVersion): AdminUnit => adminUnitVersionRef(unit.id);

export interface Placed {
  communeId: string | null;
}

export const PLACE_DESCRIPTIONS = {
  commune: PLACE_DESCRIPTION.commune("it"),
  communeName: "Name of the commune as recorded (tên xã khi ghi nhận), e.g. Xã Phúc Trạch; null where none is recorded. The same as `commune.name`.",
  communeOn: PLACE_DESCRIPTION.communeOn,
  districtOn: PLACE_DESCRIPTION.districtOn,
} as const;

export function recordedCommune(record: Placed): AdminUnit | null {
  const unit = record.communeId ? unitById(record.communeId) : null;
  return unit ? unitRef(unit) : null;
}

export function recordedCommuneName(record: Placed): string | null {
  return (record.communeId ? unitById(record.communeId)?.name : null) ?? null;
}

export function communeOnDate(record: Placed, asOf: string | null): AdminUnit | null {
  const unit = recordCommuneOn(record.communeId, asOf ?? today());
  return unit ? unitRef(unit) : null;
}

export function districtOnDate(record: Placed, asOf: string): AdminUnit | null {
  const district = recordDistrictOn(record.communeId, asOf);
  return district ? unitRef(district) : null;
}

/** The place fields of a place-bound type, once: owners and products extend it. */
export function placeFieldsResolver<T extends Placed>(Class: new () => T) {
  // Not listed among the subgraph's resolvers itself: type-graphql builds only the listed ones, with what they inherit.
  @Resolver(() => Class)
  abstract class PlaceFields {
    @FieldResolver(() => AdminUnit, { nullable: true, description: PLACE_DESCRIPTIONS.commune })
    commune(@Root() record: T): AdminUnit | null {
      return recordedCommune(record);
    }

    @FieldResolver(() => String, { nullable: true, description: PLACE_DESCRIPTIONS.communeName })
    communeName(@Root() record: T): string | null {
      return recordedCommuneName(record);
    }

    @FieldResolver(() => AdminUnit, { nullable: true, description: PLACE_DESCRIPTIONS.communeOn })
    communeOn(
      @Root() record: T,
      @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date; default: today in Hà Tĩnh." }) asOf: string | null,
    ): AdminUnit | null {
      return communeOnDate(record, asOf);
    }

    @FieldResolver(() => AdminUnit, { nullable: true, description: PLACE_DESCRIPTIONS.districtOn })
    districtOn(@Root() record: T, @Arg("asOf", () => LocalDateScalar, { description: "The date, e.g. 2025-03-01." }) asOf: string): AdminUnit | null {
      return districtOnDate(record, asOf);
    }
  }
  return PlaceFields;
}
