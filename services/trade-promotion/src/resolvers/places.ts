/**
 * The place fields of trade promotion's place-bound records (participations, events, listings, links): the commune
 * recorded, and the commune and district it lay in on a date, as references to membership's AdminUnit by version id,
 * from @kttt/reference's one rule of places. Written once here; each record's resolver extends it.
 */
import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateScalar, today } from "@kttt/core";
import { PLACE_DESCRIPTION, recordCommuneOn, recordDistrictOn } from "@kttt/reference";
import { AdminUnitRef, adminUnitVersionRef } from "../entities/external";

export interface Placed {
  communeId: string | null;
}

/** `commune`, `communeOn` and `districtOn` of `Class`; `commune` described by `communeDescription`. */
export function placeFieldsResolver<T extends Placed>(Class: new () => T, communeDescription: string) {
  // Not listed among the subgraph's resolvers itself: type-graphql builds only the listed ones, with what they inherit.
  @Resolver(() => Class)
  abstract class PlaceFields {
    @FieldResolver(() => AdminUnitRef, { nullable: true, description: communeDescription })
    commune(@Root() record: T): AdminUnitRef | null {
      return record.communeId ? adminUnitVersionRef(record.communeId) : null;
    }

    @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.communeOn })
    communeOn(
      @Root() record: T,
      @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date; default: today in Hà Tĩnh." }) asOf: string | null,
    ): AdminUnitRef | null {
      const place = recordCommuneOn(record.communeId, asOf ?? today());
      return place ? adminUnitVersionRef(place.id) : null;
    }

    @FieldResolver(() => AdminUnitRef, { nullable: true, description: PLACE_DESCRIPTION.districtOn })
    districtOn(@Root() record: T, @Arg("asOf", () => LocalDateScalar, { description: "The date, e.g. 2025-03-01." }) asOf: string): AdminUnitRef | null {
      const district = recordDistrictOn(record.communeId, asOf);
      return district ? adminUnitVersionRef(district.id) : null;
    }
  }
  return PlaceFields;
}
