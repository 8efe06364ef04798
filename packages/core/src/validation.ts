/**
 * Argument validation for type-graphql: runs class-validator on input classes and turns the first
 * failure into a BAD_USER_INPUT error that names the field, e.g. `input.name`.
 */
import { getMetadataStorage, validate, ValidationTypes, type ValidationError } from "class-validator";
import { getNamedType, type FieldNode, type GraphQLResolveInfo } from "graphql";
import type { ValidatorFn } from "type-graphql";
import { badInput } from "./errors";

function failures(errors: ValidationError[], path: string[]): { path: string[]; message: string }[] {
  return errors.flatMap((error) => {
    const here = [...path, error.property];
    if (error.constraints) return [{ path: here, message: Object.values(error.constraints)[0] }];
    return failures(error.children ?? [], here);
  });
}

/** A rule of class-validator's metadata storage, as far as the checks below read it. */
interface Rule {
  type: string;
  target: Function | string;
  propertyName: string;
  each?: boolean;
  constraints: unknown[];
  constraintCls: Function;
}

/** A rule's validator, as class-validator keeps it (a built-in like Length or a custom one). */
interface RuleValidator {
  instance: { validate(value: unknown, args: object): unknown };
}

type Lookup = (target: Function, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]) => Rule[];
interface Storage {
  getTargetValidationMetadatas: Lookup & { remembered?: true };
  getTargetValidatorConstraints: (target: Function) => RuleValidator[];
  addValidationMetadata: (metadata: unknown) => void;
  addValidationSchema: (schema: unknown) => void;
  addConstraintMetadata: (metadata: unknown) => void;
  groupByPropertyName: (metadatas: Rule[]) => Record<string, Rule[]>;
}

/**
 * A class's rules compiled into one synchronous test, per class and schema (null: a kind of rule it does not run,
 * so class-validator decides). Emptied whenever a rule is added, with the look-ups below.
 */
let compiled = new WeakMap<Function, Map<string, ((value: object) => boolean) | null>>();

/**
 * class-validator looks a class's rules up again on every validate() (a filter over every rule of the
 * process, then per property): a batch import validating thousands of rows spent a fifth of its
 * check there. The look-up is kept per class and options until a rule is added (classes are decorated
 * as their modules load, before any request).
 */
function rememberRuleLookups(): void {
  const storage = getMetadataStorage() as unknown as Storage;
  if (storage.getTargetValidationMetadatas.remembered) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  let known = new WeakMap<Function, Map<string, Rule[]>>();
  const remembered: Lookup & { remembered?: true } = (target, schema, always, strictGroups, groups) => {
    if (groups?.length || typeof target !== "function") return lookup(target, schema, always, strictGroups, groups);
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map()));
    const key = `${schema}|${always}|${strictGroups}`;
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  remembered.remembered = true;
  storage.getTargetValidationMetadatas = remembered;
  // The rules by property, of a remembered look-up (the same array each time).
  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<Rule[], Record<string, Rule[]>>();
  storage.groupByPropertyName = (metadatas) => {
    let found = grouped.get(metadatas);
    if (found === undefined) grouped.set(metadatas, (found = group(metadatas)));
    return found;
  };
  for (const method of ["addValidationMetadata", "addValidationSchema", "addConstraintMetadata"] as const) {
    const add = storage[method].bind(storage);
    storage[method] = (value: unknown) => {
      known = new WeakMap();
      compiled = new WeakMap();
      add(value);
    };
  }
}
rememberRuleLookups();

const isCollection = (value: unknown) => value instanceof Set || value instanceof Map;

/**
 * The test of an object of `target` (nested objects under `schema`, as class-validator looks them up): true only
 * when class-validator's validate() would find nothing wrong with it, running the same validators with the same
 * arguments. It runs conditional rules (IsOptional), validators (Length, Matches, Min, custom ones; `each` over
 * arrays) and nested objects (ValidateNested); a rule of another kind leaves the class to class-validator (null),
 * and a value it does not follow (a validator answering a promise, a Set, a nested non-object) answers false, so
 * class-validator says what is wrong. Validating thousands of import rows this way costs a fraction of validate().
 */
function compiledCheck(target: Function, schema: string | undefined): ((value: object) => boolean) | null {
  let bySchema = compiled.get(target);
  if (!bySchema) compiled.set(target, (bySchema = new Map()));
  const key = String(schema);
  if (bySchema.has(key)) return bySchema.get(key)!;
  bySchema.set(key, null); // a class nested in itself is left to class-validator
  const storage = getMetadataStorage() as unknown as Storage;
  const grouped = storage.groupByPropertyName(storage.getTargetValidationMetadatas(target, schema, false, false, undefined));
  const properties: {
    name: string;
    conditions: ((object: object, value: unknown) => unknown)[];
    validators: { rule: Rule; validator: RuleValidator }[];
    nestedSchema: string | null;
  }[] = [];
  for (const [name, rules] of Object.entries(grouped)) {
    const { CUSTOM_VALIDATION, NESTED_VALIDATION, CONDITIONAL_VALIDATION } = ValidationTypes;
    if (rules.some((r) => r.type !== CUSTOM_VALIDATION && r.type !== NESTED_VALIDATION && r.type !== CONDITIONAL_VALIDATION)) return null;
    const nested = rules.find((r) => r.type === NESTED_VALIDATION);
    properties.push({
      name,
      conditions: rules.filter((r) => r.type === CONDITIONAL_VALIDATION).map((r) => r.constraints[0] as (object: object, value: unknown) => unknown),
      validators: rules
        .filter((r) => r.type === CUSTOM_VALIDATION)
        .flatMap((rule) => storage.getTargetValidatorConstraints(rule.constraintCls).map((validator) => ({ rule, validator }))),
      nestedSchema: nested ? (typeof nested.target === "string" ? nested.target : nested.target.name) : null,
    });
  }
  const passes = (validator: RuleValidator, value: unknown, args: object) => {
    const answer = validator.instance.validate(value, args);
    return !!answer && typeof (answer as { then?: unknown }).then !== "function";
  };
  const nestedPasses = (value: unknown, nestedSchema: string): boolean => {
    if (value === undefined) return true;
    if (value === null || typeof value !== "object" || isCollection(value)) return false;
    if (Array.isArray(value))
      return value.every(
        (item) => item === undefined || (typeof item === "object" && item !== null && !Array.isArray(item) && nestedPasses(item, nestedSchema)),
      );
    const check = typeof value.constructor === "function" ? compiledCheck(value.constructor, nestedSchema) : null;
    return check !== null && check(value);
  };
  const check = (object: object): boolean => {
    for (const { name, conditions, validators, nestedSchema } of properties) {
      const value = (object as Record<string, unknown>)[name];
      if (!conditions.every((condition) => condition(object, value))) continue;
      for (const { rule, validator } of validators) {
        const args = { targetName: object.constructor?.name, property: rule.propertyName, object, value, constraints: rule.constraints };
        if (!rule.each || !(Array.isArray(value) || isCollection(value))) {
          if (!passes(validator, value, args)) return false;
        } else if (!Array.isArray(value) || !value.every((item) => passes(validator, item, args))) return false;
      }
      if (nestedSchema !== null && !nestedPasses(value, nestedSchema)) return false;
    }
    return true;
  };
  bySchema.set(key, check);
  return check;
}

/**
 * Every rule each object breaks, one per field, in one pass over a batch (a batch import's rows): the objects the
 * compiled test finds valid, most of them, cost no promise; the others get class-validator's messages.
 */
export async function validationFailuresOfEach(values: readonly object[]): Promise<{ field: string; message: string }[][]> {
  const found: { field: string; message: string }[][] = [];
  for (const value of values) {
    if (typeof value.constructor === "function" && compiledCheck(value.constructor, undefined)?.(value)) {
      found.push([]);
      continue;
    }
    const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
    found.push(failures(errors, []).map((f) => ({ field: f.path.join("."), message: f.message })));
  }
  return found;
}

/** Every rule an input object breaks, one per field (for batch imports, which report them all). */
export async function validationFailures(value: object): Promise<{ field: string; message: string }[]> {
  return (await validationFailuresOfEach([value]))[0];
}

/** Whether class-validator has any rule for a class (its own or inherited): without one there is nothing to run. */
const hasRules = new WeakMap<Function, boolean>();
function validated(type: unknown): boolean {
  if (typeof type !== "function") return true;
  let known = hasRules.get(type);
  if (known === undefined) hasRules.set(type, (known = getMetadataStorage().getTargetValidationMetadatas(type, "", true, false).length > 0));
  return known;
}

/**
 * The checks already run in a request, by field node and argument type: a field's arguments come
 * from the operation and its variables only, so they are the same on every row of a list, and a page
 * of 100 rows is checked once, not 100 times.
 */
const checkedInRequest = new WeakMap<object, WeakMap<FieldNode, Map<unknown, Promise<void>>>>();

export const validateArgs: ValidatorFn = (argValue, argType, resolverData) => {
  if (argValue === null || typeof argValue !== "object" || !validated(argType)) return;
  const context = resolverData.context as object | undefined;
  const node = resolverData.info?.fieldNodes[0];
  if (!context || typeof context !== "object" || !node) return check(argValue, argType, resolverData.info);
  let byNode = checkedInRequest.get(context);
  if (!byNode) checkedInRequest.set(context, (byNode = new WeakMap()));
  let byType = byNode.get(node);
  if (!byType) byNode.set(node, (byType = new Map()));
  let checking = byType.get(argType);
  if (!checking) byType.set(argType, (checking = check(argValue, argType, resolverData.info)));
  return checking;
};

/**
 * The argument of the resolved field that holds an input of `argType`, e.g. `period` of
 * `collectiveEconomy(period: ReportingPeriodInput!)`: the one argument whose GraphQL type is named after the class
 * (type-graphql names an input type after its class). None for an @ArgsType class, whose fields are the arguments
 * themselves, nor where two arguments share the type.
 */
function argumentNameOf(argType: unknown, info: GraphQLResolveInfo | undefined): string | undefined {
  if (!info || typeof argType !== "function") return undefined;
  const matching = info.parentType.getFields()[info.fieldName]?.args.filter((arg) => getNamedType(arg.type).name === argType.name) ?? [];
  return matching.length === 1 ? matching[0].name : undefined;
}

async function check(argValue: object, argType: unknown, info: GraphQLResolveInfo | undefined): Promise<void> {
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== "object") continue;
    const [failure] = await validationFailures(value as object);
    if (failure) {
      // The field at fault under its argument (`period.year`, `periods.1.year`); without the field's schema, mutation
      // inputs are the `input` argument (see the resolvers) and an @ArgsType's fields are arguments already.
      // Looked up only for a failure: a valid argument, the common case, costs no search of the field's arguments.
      const argument = argumentNameOf(argType, info);
      const typeName = typeof argType === "function" ? ((argType as { name?: string }).name ?? "") : "";
      const under = argument ? (Array.isArray(argValue) ? `${argument}.${index}` : argument) : typeName.endsWith("Input") ? "input" : null;
      throw badInput(failure.message, under ? `${under}.${failure.field}` : failure.field);
    }
  }
}
