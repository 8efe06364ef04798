/**
 * Write resolvers from a table of fields: every mutation of a subgraph has the same shape, a role guard over
 * `@Mutation(() => Type, { description })` whose method takes `input` (or an import's `rows`, `dryRun`,
 * `skipInvalid`) and the context and hands them to a service. `writeResolver` builds that class from one
 * entry per field, in the order given (the schema's order), so a service says what each mutation is and not
 * how a resolver is spelled. The guard, types, descriptions and arguments are the decorators' own: the schema is
 * the one the decorated class gives.
 */
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { ImportArg } from "./import";

type Class = new () => object;
/** What a mutation answers: a class, or an abstract one (an interface type). */
type Answer = abstract new () => object;

/** One mutation: who may call it, what it answers, what it says, and what it does with the caller's context. */
export interface WriteField<C> {
  /** The roles allowed (`@Authorized(...roles)`); the resolver's `roles` when omitted. */
  roles?: readonly string[];
  /** What the mutation answers. */
  type: () => Answer;
  description: string;
  /** The `input` argument's type and description (none when omitted); omit `input` for an import (`rows`). */
  input?: Class;
  inputDescription?: string;
  /** An import's row type: the field takes `rows`, `dryRun` and `skipInvalid` (`ImportArg`) instead of `input`. */
  rows?: Class;
  /** The work: `input` (or the rows with `dryRun` and `skipInvalid`) handed to a service with the context. */
  run: (ctx: C, ...args: never[]) => Promise<unknown>;
}

/** A `@Resolver()` class named `name` with one guarded mutation per entry of `fields`, in their order. */
export function writeResolver<C>(name: string, roles: readonly string[], fields: Record<string, WriteField<C>>): Class {
  const resolver = { [name]: class {} }[name];
  const prototype = resolver.prototype as Record<string, unknown>;
  for (const [field, spec] of Object.entries(fields)) {
    const run = spec.run as (ctx: C, ...args: unknown[]) => Promise<unknown>;
    const params = spec.rows ? 3 : 1;
    prototype[field] = function (...args: unknown[]) {
      return run(args[params] as C, ...args.slice(0, params));
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, field)!;
    // The parameter types TypeScript would emit for the decorated method (`dryRun` and `skipInvalid` are read from them).
    Reflect.defineMetadata("design:paramtypes", spec.rows ? [Array, Boolean, Boolean, Object] : [spec.input, Object], prototype, field);
    // Parameter decorators run last parameter first, as TypeScript applies them (the order the schema lists arguments).
    Ctx()(prototype, field, params);
    if (spec.rows) {
      const rows = spec.rows;
      ImportArg.skipInvalid()(prototype, field, 2);
      ImportArg.dryRun()(prototype, field, 1);
      ImportArg.rows(() => [rows])(prototype, field, 0);
    } else {
      const input = spec.input!;
      Arg("input", () => input, spec.inputDescription === undefined ? {} : { description: spec.inputDescription })(prototype, field, 0);
    }
    Mutation(spec.type, { description: spec.description })(prototype, field, descriptor);
    Authorized(...(spec.roles ?? roles))(prototype, field, descriptor);
  }
  Resolver()(resolver);
  return resolver;
}
