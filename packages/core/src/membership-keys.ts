/**
 * Membership's entities as the other subgraphs declare them: the federation key only (descriptions as
 * membership's, so composition keeps one), written once here for ocop, trade promotion and policy
 * support. Each subgraph calls `membershipKeys()` once, in its `entities/external.ts`, and adds its own
 * fields with field resolvers on the classes it got (its `resolvers/external.resolver.ts` and
 * `economy.resolver.ts`); membership resolves every other field.
 *
 * Each call makes new classes: type-graphql records a field resolver's field on the class it extends,
 * for good, so two subgraphs built in one process (the tests) sharing one class would each serve the
 * other's fields and types.
 */
import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ADMIN_UNIT_CODE_DESCRIPTION, ADMIN_UNIT_ID_DESCRIPTION, ADMIN_UNIT_TYPE_DESCRIPTION, codeOfAdminUnitId } from "./admin-unit-code";
import { OrganizationKind } from "./organization-kind";

/** The key of an entity another subgraph owns: what a reference resolver receives and returns. */
export interface IdKey {
  id: string;
}

/** A reference resolver for an entity this subgraph knows by its key only: the reference is the entity. */
export function keyOnly<T extends object>(Class: new () => T) {
  return { __resolveReference: (reference: Partial<T>) => Object.assign(new Class(), reference) };
}

/** A unit as another subgraph knows it: by its code, or by the id of one version (its code follows from the id). */
export interface AdminUnitKey {
  code: string;
  id?: string;
}
/** The unit key of a subgraph that knows units by `K`. */
export type AdminUnitKeyOf<K extends "code" | "id"> = K extends "id" ? { id: string; readonly code: string } : { code: string };

/** `AdminUnit` keyed by its code: the latest unit bearing the code. */
function adminUnitByCode(): new () => AdminUnitKey {
  @ObjectType("AdminUnit", { description: ADMIN_UNIT_TYPE_DESCRIPTION })
  @Directive('@key(fields: "code")')
  class AdminUnitRef {
    @Field({ description: ADMIN_UNIT_CODE_DESCRIPTION })
    code: string;
  }
  return AdminUnitRef;
}

/** `AdminUnit` keyed by the id of one version, so a mid-2024 commune is never taken for the 2025 commune reusing its code. */
function adminUnitById(): new () => AdminUnitKey {
  @ObjectType("AdminUnit", { description: ADMIN_UNIT_TYPE_DESCRIPTION })
  @Directive('@key(fields: "id")')
  class AdminUnitRef {
    @Field(() => ID, { description: ADMIN_UNIT_ID_DESCRIPTION })
    id: string;

    /** The unit's official code, for the fields this subgraph adds to it. */
    get code(): string {
      return codeOfAdminUnitId(this.id);
    }
  }
  return AdminUnitRef;
}

/**
 * A subgraph's own key classes of membership's entities, their references and reference resolvers. A subgraph
 * that stores unit versions (communes with dates) knows `AdminUnit` by its version `id`; one that stores codes only,
 * by `code` (membership resolves both keys).
 */
export function membershipKeys<K extends "code" | "id" = "code">(
  options: {
    adminUnitKey?: K;
    /** With `adminUnitKey: "id"`: the version id of the unit bearing a code on a date (@kttt/reference's `adminUnitIdOf`), for `adminUnitRef`. */
    unitIdOf?: (code: string, date?: string | null) => string;
  } = {},
) {
  @ObjectType("Cooperative", { description: "Hợp tác xã (HTX): a cooperative, a legal person with at least 5 official members." })
  @Directive('@key(fields: "id")')
  class CooperativeRef {
    @Field(() => ID, { description: "Stable identifier (mã định danh)." })
    id: string;
  }

  @ObjectType("CooperativeGroup", { description: "Tổ hợp tác (THT): a cooperative group working under a cooperation contract." })
  @Directive('@key(fields: "id")')
  class CooperativeGroupRef {
    @Field(() => ID, { description: "Stable identifier (mã định danh)." })
    id: string;
  }

  @ObjectType("CooperativeUnion", { description: "Liên hiệp hợp tác xã (LHHTX): a union of at least 3 cooperatives." })
  @Directive('@key(fields: "id")')
  class CooperativeUnionRef {
    @Field(() => ID, { description: "Stable identifier (mã định danh)." })
    id: string;
  }

  const AdminUnitRef = (options.adminUnitKey === "id" ? adminUnitById() : adminUnitByCode()) as new () => AdminUnitKeyOf<K>;

  /** Membership's overview entity: each subgraph adds its figures with a field resolver on this class. */
  @ObjectType("CollectiveEconomy", {
    description:
      "The collective economy (kinh tế tập thể) of the province, or of one administrative unit, in a reporting period: " +
      "each subgraph adds its figures (membership, OCOP, trade promotion, policy support), so one query gets the whole picture.",
  })
  @Directive('@key(fields: "id")')
  class CollectiveEconomyRef {
    @Field(() => ID, { description: 'Period and unit: "2024-H1" for the province, "2024-H1:444" for a unit.' })
    id: string;
  }

  const organizationClass: Readonly<Record<OrganizationKind, new () => IdKey>> = {
    [OrganizationKind.COOPERATIVE]: CooperativeRef,
    [OrganizationKind.COOPERATIVE_GROUP]: CooperativeGroupRef,
    [OrganizationKind.COOPERATIVE_UNION]: CooperativeUnionRef,
  };

  return {
    CooperativeRef,
    CooperativeGroupRef,
    CooperativeUnionRef,
    AdminUnitRef,
    CollectiveEconomyRef,
    /** The federation reference of a membership organisation of a given legal form. */
    organizationRef: (id: string, kind: OrganizationKind): IdKey => Object.assign(new organizationClass[kind](), { id }),
    /**
     * A unit by its code: for a subgraph that knows units by code, the code itself; for one that knows them by version id,
     * the unit bearing the code on `date` (default: the latest bearing it), through `unitIdOf`.
     */
    adminUnitRef: (code: string, date?: string | null): AdminUnitKeyOf<K> =>
      options.adminUnitKey === "id"
        ? Object.assign(new AdminUnitRef(), { id: options.unitIdOf ? options.unitIdOf(code, date) : code })
        : Object.assign(new AdminUnitRef(), { code }),
    /** One version of a unit by its id (for a subgraph that knows units by version id). */
    adminUnitVersionRef: (id: string): AdminUnitKeyOf<K> => Object.assign(new AdminUnitRef(), { id }),
    /** The reference resolvers of these entities, keys only. */
    references: {
      Cooperative: keyOnly(CooperativeRef),
      CooperativeGroup: keyOnly(CooperativeGroupRef),
      CooperativeUnion: keyOnly(CooperativeUnionRef),
      AdminUnit: keyOnly(AdminUnitRef),
      CollectiveEconomy: keyOnly(CollectiveEconomyRef),
    },
    /** The classes, for the subgraph's `orphanedTypes`. */
    types: [CooperativeRef, CooperativeGroupRef, CooperativeUnionRef, AdminUnitRef, CollectiveEconomyRef],
  };
}
