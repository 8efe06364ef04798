/**
 * Fields a subgraph adds to entities other subgraphs own (its `resolvers/external.resolver.ts`): the same field on
 * each of several key classes (membership's three organisation types, a local owner…), and a unit's figures of a
 * year. Built here once, as `economyPartResolver` builds a part of the overview, so a subgraph says which field it
 * adds and how it reads it, not how each resolver class is spelled; the schema is the one the decorated classes give.
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { READ_NOTE, SIGNED_IN } from "./auth";
import { requireYearInRange } from "./calendar";

type Class = new () => object;

/** One field added to entities another subgraph owns, each known here by its key `id`. */
export interface ExtensionField<C, A> {
  /** The field's name. */
  field: string;
  /** What it answers (nullable: a caller refused reads null with the error). */
  type: () => Class;
  description: string;
  /** The `@Args()` class of its arguments. */
  args: new () => A;
  /** The roles allowed (`@Authorized(...roles)`); anyone when omitted. */
  roles?: readonly string[];
  /** The answer for the entity of key `id`. */
  resolve: (ctx: C, id: string, args: A) => Promise<unknown>;
}

/**
 * One `@Resolver(() => ref)` class per entry of `refs` (the entity's type name and its key class), named
 * `<type name><suffix>` (e.g. `CooperativeOcopResolver`), each adding `spec.field`.
 */
export function extensionFieldResolvers<C, A>(suffix: string, refs: Record<string, Class>, spec: ExtensionField<C, A>): Class[] {
  return Object.entries(refs).map(([typeName, ref]) => {
    const name = `${typeName}${suffix}`;
    const resolver = { [name]: class {} }[name];
    const prototype = resolver.prototype as Record<string, unknown>;
    prototype[spec.field] = function (root: { id: string }, args: A, ctx: C): Promise<unknown> {
      return spec.resolve(ctx, root.id, args);
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, spec.field)!;
    Reflect.defineMetadata("design:paramtypes", [ref, spec.args, Object], prototype, spec.field);
    // Parameter decorators run last parameter first, as TypeScript applies them.
    Ctx()(prototype, spec.field, 2);
    Args(() => spec.args)(prototype, spec.field, 1);
    Root()(prototype, spec.field, 0);
    FieldResolver(spec.type, { nullable: true, description: spec.description })(prototype, spec.field, descriptor);
    if (spec.roles) Authorized(...spec.roles)(prototype, spec.field, descriptor);
    Resolver(() => ref)(resolver);
    return resolver;
  });
}

/** The context a unit's figures are read through: one loader per year, keyed by the unit's key `id`. */
interface UnitFiguresContext {
  loaders: { unitFigures(year: number): { load(id: string): Promise<object> } };
}

/**
 * A `@Resolver(() => unitRef)` class whose `field(year)` answers `figures` of the unit in that year, for signed-in
 * callers, read through the subgraph's `unitFigures(year)` loader (one statement per batch of units); the
 * description ends with `READ_NOTE.SIGNED_IN`.
 */
export function unitFiguresResolver(unitRef: Class, field: string, figures: () => Class, texts: { year: string; description: string }): Class {
  const name = `AdminUnit${field[0].toUpperCase()}${field.slice(1)}Resolver`;
  const resolver = { [name]: class {} }[name];
  const prototype = resolver.prototype as Record<string, unknown>;
  prototype[field] = function (unit: { id: string }, year: number, ctx: UnitFiguresContext): Promise<object> {
    requireYearInRange(year, "year");
    return ctx.loaders.unitFigures(year).load(unit.id);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, field)!;
  Reflect.defineMetadata("design:paramtypes", [unitRef, Number, Object], prototype, field);
  Ctx()(prototype, field, 2);
  Arg("year", () => Int, { description: texts.year })(prototype, field, 1);
  Root()(prototype, field, 0);
  FieldResolver(figures, { nullable: true, description: `${texts.description} ${READ_NOTE.SIGNED_IN}` })(prototype, field, descriptor);
  Authorized(...SIGNED_IN)(prototype, field, descriptor);
  Resolver(() => unitRef)(resolver);
  return resolver;
}
