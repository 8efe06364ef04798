/**
 * A subgraph's part of the collective-economy overview: one field on its reference to membership's
 * `CollectiveEconomy`, for signed-in callers, read through the subgraph's `economyFigures` loader (one statement
 * per batch of economies). Ocop, policy support and trade promotion each add theirs with `economyPartResolver`.
 */
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { READ_NOTE, SIGNED_IN } from "./auth";

type Class = new () => object;

/** What every part says of a unit asked for a period before the 2025 reform, after its own description. */
export const RECUT_NOTE =
  "A unit of the period's map has what lay in it then; one of today's communes asked for a period before 2025-07-01 has what lies in its " +
  "territory, re-cut by today's map as membership's figures are (records of split or lost former communes fall in no commune).";

/** The context a part reads its figures through. */
interface EconomyFiguresContext {
  loaders: { economyFigures: { load(id: string): Promise<object> } };
}

/** A `@Resolver(() => ref)` class named `name` whose `field` answers `figures` for the economy `ref` names. */
export function economyPartResolver(name: string, ref: Class, field: string, figures: Class, description: string): Class {
  const resolver = { [name]: class {} }[name];
  const prototype = resolver.prototype as Record<string, unknown>;
  prototype[field] = function (economy: { id: string }, ctx: EconomyFiguresContext): Promise<object> {
    return ctx.loaders.economyFigures.load(economy.id);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, field)!;
  Reflect.defineMetadata("design:paramtypes", [ref, Object], prototype, field);
  Ctx()(prototype, field, 1);
  Root()(prototype, field, 0);
  FieldResolver(() => figures, { nullable: true, description: `${description} ${RECUT_NOTE} ${READ_NOTE.SIGNED_IN}` })(prototype, field, descriptor);
  Authorized(...SIGNED_IN)(prototype, field, descriptor);
  Resolver(() => ref)(resolver);
  return resolver;
}

/**
 * A query for signed-in callers: `@Authorized(...SIGNED_IN)` over a nullable `@Query` (a caller refused reads null
 * with the error) whose description ends with `READ_NOTE.SIGNED_IN`, as every guarded field says who reads it.
 */
export function SignedInQuery(type: () => Class, description: string): MethodDecorator {
  return (prototype, field, descriptor) => {
    Query(type, { nullable: true, description: `${description} ${READ_NOTE.SIGNED_IN}` })(prototype, field, descriptor);
    Authorized(...SIGNED_IN)(prototype, field, descriptor);
  };
}
