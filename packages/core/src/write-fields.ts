/**
 * Write resolvers from a table of fields: every mutation of a subgraph has the same shape, a role guard over
 * `@Mutation(() => Type, { description })` whose method takes `input` (or an import's `rows`, `dryRun`,
 * `skipInvalid`; and any further `args`) and the context and hands them to a service. `writeResolver` builds that class from one
 * entry per field, in the order given (the schema's order), so a service says what each mutation is and not
 * how a resolver is spelled. The guard, types, descriptions and arguments are the decorators' own: the schema is
 * the one the decorated class gives.
 */
import { Arg, Authorized, Ctx, Mutation, Resolver, type ArgOptions } from "type-graphql";
import { ImportArg } from "./import";

type Class = new () => object;
/** What a mutation answers: a class, or an abstract one (an interface type). */
type Answer = abstract new () => object;

/** An argument after `input` or the rows: its name, its type and `@Arg`'s options. */
export interface WriteArg {
  name: string;
  type: Parameters<typeof Arg>[1];
  options?: ArgOptions;
}

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
  /** Arguments it takes after `input` or the rows (all of them, when it takes neither), in order. */
  args?: readonly WriteArg[];
  /** The work: `input` (or the rows with `dryRun` and `skipInvalid`), then `args`, handed to a service with the context. */
  run: (ctx: C, ...args: never[]) => Promise<unknown>;
}

/** A `@Resolver()` class named `name` with one guarded mutation per entry of `fields`, in their order. */
export function writeResolver<C>(name: string, roles: readonly string[], fields: Record<string, WriteField<C>>): Class {
  const resolver = { [name]: class {} }[name];
  const prototype = resolver.prototype as Record<string, unknown>;
  for (const [field, spec] of Object.entries(fields)) {
    const run = spec.run as (ctx: C, ...args: unknown[]) => Promise<unknown>;
    const extra = spec.args ?? [];
    const first = spec.rows ? 3 : spec.input ? 1 : 0;
    const params = first + extra.length;
    prototype[field] = function (...args: unknown[]) {
      return run(args[params] as C, ...args.slice(0, params));
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, field)!;
    // The parameter types TypeScript would emit for the decorated method (`dryRun` and `skipInvalid` are read from them).
    const leading = spec.rows ? [Array, Boolean, Boolean] : spec.input ? [spec.input] : [];
    Reflect.defineMetadata("design:paramtypes", [...leading, ...extra.map(() => Object), Object], prototype, field);
    // Parameter decorators run last parameter first, as TypeScript applies them (the order the schema lists arguments).
    Ctx()(prototype, field, params);
    for (let i = extra.length - 1; i >= 0; i -= 1) Arg(extra[i].name, extra[i].type, extra[i].options ?? {})(prototype, field, first + i);
    if (spec.rows) {
      const rows = spec.rows;
      ImportArg.skipInvalid()(prototype, field, 2);
      ImportArg.dryRun()(prototype, field, 1);
      ImportArg.rows(() => [rows])(prototype, field, 0);
    } else if (spec.input) {
      const input = spec.input;
      Arg("input", () => input, spec.inputDescription === undefined ? {} : { description: spec.inputDescription })(prototype, field, 0);
    }
    Mutation(spec.type, { description: spec.description })(prototype, field, descriptor);
    Authorized(...(spec.roles ?? roles))(prototype, field, descriptor);
  }
  Resolver()(resolver);
  return resolver;
}

/** The input argument's description where the input type says it all. */
export const SEE_INPUT_TYPE = "What to record; see the input type.";

/** The methods of `S` that take `A`'s arguments. */
type MethodTaking<S, A extends unknown[]> = { [K in keyof S]: S[K] extends (...args: A) => Promise<unknown> ? K : never }[keyof S];

/** What an entry made by `inputWrites` or `importWrites` may add: roles other than the resolver's; the input's own description. */
interface WriteOptions {
  roles?: readonly string[];
  inputDescription?: string;
}

/** An entry whose `run` calls `method` of the service made for the request with the field's arguments. */
function serviceWrite<C, S>(service: (ctx: C) => S, method: PropertyKey, entry: Omit<WriteField<C>, "run">): WriteField<C> {
  return {
    ...entry,
    run: (ctx: C, ...args: unknown[]) => {
      const target = service(ctx) as Record<PropertyKey, (...args: unknown[]) => Promise<unknown>>;
      return target[method](...args);
    },
  };
}

/**
 * `writeResolver` entries for mutations that hand their `input` to a method of a service made for the request:
 * `const write = inputWrites((ctx) => new Mutations(ctx.dataSource), "What to record.")`, then one entry a field,
 * `createThing: write(Thing, CreateThingInput, "create", "Create a thing (tạo).")`: what it answers, its input type,
 * the service's method and the description. `inputDescription` describes every input argument (none when omitted)
 * unless an entry's options say otherwise.
 */
export function inputWrites<C, S>(service: (ctx: C) => S, inputDescription?: string) {
  return <I extends object>(
    answer: Answer,
    input: new () => I,
    method: MethodTaking<S, [I]>,
    description: string,
    options: WriteOptions = {},
  ): WriteField<C> => {
    const described = options.inputDescription ?? inputDescription;
    return serviceWrite(service, method, {
      roles: options.roles,
      type: () => answer,
      description,
      input,
      ...(described === undefined ? {} : { inputDescription: described }),
    });
  };
}

/**
 * `writeResolver` entries for imports that hand their rows, `dryRun` and `skipInvalid` to a method of a service made
 * for the request: `const load = importWrites((ctx) => new ThingImport(ctx.dataSource))`, then
 * `importThings: load(ImportThingsPayload, ThingImportRow, "run", "Import things (nhập)…")`.
 */
export function importWrites<C, S>(service: (ctx: C) => S) {
  return <R extends object>(
    answer: Answer,
    rows: new () => R,
    method: MethodTaking<S, [R[], boolean, boolean]>,
    description: string,
    options: WriteOptions = {},
  ) => serviceWrite(service, method, { roles: options.roles, type: () => answer, description, rows });
}
