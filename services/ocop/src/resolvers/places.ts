/**
 * Where OCOP owners and products lie: their recorded commune, the commune and district it lay in on a date, as
 * references to membership's federated AdminUnit (by code), from @kttt/reference's one rule of places.
 */
import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateScalar, today } from "@kttt/core";
import { recordCommuneOn, recordDistrictOn, unitById } from "@kttt/reference";
import { AdminUnitRef as AdminUnit } from "../entities/external";

export const unitRef = (code: string): AdminUnit => Object.assign(new AdminUnit(), { code });

export interface Placed {
  communeId: string | null;
}

export const PLACE_DESCRIPTIONS = {
  commune:
    "The commune where it lies (xã, phường, thị trấn), as recorded since `communeSince`: for the demo, a mid-2024 commune; null where none is recorded. " +
    "Served by code, so a mid-2024 commune whose code a 2025 commune reuses answers as that 2025 unit: `communeName` keeps the recorded name.",
  communeName: "Name of the commune as recorded (tên xã khi ghi nhận), e.g. Xã Phúc Trạch; null where none is recorded.",
  communeOn:
    "The commune-level unit it lies in on a date (đơn vị cấp xã theo thời điểm), following its commune through mergers: after 2025-07-01 one of the 69 communes. " +
    "Null where its commune was split (Kỳ Lợi, Đại Nài) or the sources do not say where it went (Trung Lộc, Phú Phong).",
  districtOn:
    "The district-level unit it lay in on a date before 2025-07-01 (huyện theo thời điểm), from its commune; null after, or where no commune is recorded.",
} as const;

export function recordedCommune(record: Placed): AdminUnit | null {
  const unit = record.communeId ? unitById(record.communeId) : null;
  return unit ? unitRef(unit.code) : null;
}

export function recordedCommuneName(record: Placed): string | null {
  return (record.communeId ? unitById(record.communeId)?.name : null) ?? null;
}

export function communeOnDate(record: Placed, asOf: string | null): AdminUnit | null {
  const unit = recordCommuneOn(record.communeId, asOf ?? today());
  return unit ? unitRef(unit.code) : null;
}

export function districtOnDate(record: Placed, asOf: string): AdminUnit | null {
  const district = recordDistrictOn(record.communeId, asOf);
  return district ? unitRef(district.code) : null;
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
