/**
 * The place fields of every place-bound record of the four subgraphs (organisations, OCOP owners and products,
 * beneficiaries, participations, events, listings, links): the commune recorded (`commune`), and the commune and
 * district it lay in on a date (`communeOn`, `districtOn`), from this package's one rule of places (`recordCommuneOn`,
 * `recordDistrictOn`). Written once here; each subgraph's resolver of such a type extends it, giving its unit type
 * (membership's AdminUnit, or the federated reference the others keep) and how it makes one from a version id.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { LocalDateScalar, today } from "@kttt/core";
import { unitById } from "./admin-unit-history";
import { PLACE_DESCRIPTION, recordCommuneOn, recordDistrictOn } from "./record-places";

/** A record that keeps the version id of its commune. */
export interface Placed {
  communeId: string | null;
}

export interface PlaceFieldsOptions<U extends object, C> {
  /** The GraphQL type the fields return. */
  unit: ClassType<U>;
  /** The unit of a version id, as the subgraph returns it (a loader's, or a federated reference). */
  unitOf: (id: string, ctx: C) => U | null | Promise<U | null>;
  /**
   * The fields' descriptions: `commune`'s is the record's own; `communeOn`'s and `districtOn`'s default to PLACE_DESCRIPTION's;
   * with `communeName`'s, the type also has `communeName`, the recorded commune's name (after `commune`).
   */
  descriptions: { commune: string; communeName?: string; communeOn?: string; districtOn?: string };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base: TypeScript asks for any[] here.
type ResolverBase = abstract new (...args: any[]) => object;

/** The base of a resolver with no fields before its place fields. */
abstract class NoFieldsBefore {}

/**
 * `commune`, `communeOn` and `districtOn` of `Class`, for its resolver to extend. A type's fields come in the order
 * their resolvers are declared: the fields it shows before them are declared in `Base`, which this extends.
 */
export function placeFieldsResolver<T extends Placed, U extends object, C = unknown, B extends ResolverBase = typeof NoFieldsBefore>(
  Class: abstract new () => T,
  options: PlaceFieldsOptions<U, C>,
  Base: B = NoFieldsBefore as B,
) {
  const { unit, unitOf, descriptions } = options;
  const named = descriptions.communeName;
  const ifNamed = <D>(decorator: D): D | (() => void) => (named ? decorator : () => undefined);
  // Not listed among a subgraph's resolvers itself: type-graphql builds only the listed ones, with what they inherit.
  @Resolver(() => Class)
  abstract class PlaceFields extends Base {
    @FieldResolver(() => unit, { nullable: true, description: descriptions.commune })
    commune(@Root() record: T, @Ctx() ctx: C): U | null | Promise<U | null> {
      return record.communeId ? unitOf(record.communeId, ctx) : null;
    }

    @ifNamed(FieldResolver(() => String, { nullable: true, description: named }))
    communeName(@ifNamed(Root()) record: T): string | null {
      return (record.communeId ? unitById(record.communeId)?.name : null) ?? null;
    }

    @FieldResolver(() => unit, { nullable: true, description: descriptions.communeOn ?? PLACE_DESCRIPTION.communeOn })
    communeOn(
      @Root() record: T,
      @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The date; default: today in Hà Tĩnh." }) asOf: string | null,
      @Ctx() ctx: C,
    ): U | null | Promise<U | null> {
      const place = recordCommuneOn(record.communeId, asOf ?? today());
      return place ? unitOf(place.id, ctx) : null;
    }

    @FieldResolver(() => unit, { nullable: true, description: descriptions.districtOn ?? PLACE_DESCRIPTION.districtOn })
    districtOn(
      @Root() record: T,
      @Arg("asOf", () => LocalDateScalar, { description: "The date, e.g. 2025-03-01." }) asOf: string,
      @Ctx() ctx: C,
    ): U | null | Promise<U | null> {
      const district = recordDistrictOn(record.communeId, asOf);
      return district ? unitOf(district.id, ctx) : null;
    }
  }
  return PlaceFields;
}
