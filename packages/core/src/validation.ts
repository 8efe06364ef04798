/**
 * Argument validation for type-graphql: runs class-validator on input classes and turns the first
 * failure into a BAD_USER_INPUT error that names the field, e.g. `input.name`.
 */
import { getMetadataStorage, validate, type ValidationError } from "class-validator";
import type { FieldNode } from "graphql";
import type { ValidatorFn } from "type-graphql";
import { badInput } from "./errors";

function failures(errors: ValidationError[], path: string[]): { path: string[]; message: string }[] {
  return errors.flatMap((error) => {
    const here = [...path, error.property];
    if (error.constraints) return [{ path: here, message: Object.values(error.constraints)[0] }];
    return failures(error.children ?? [], here);
  });
}

/**
 * class-validator looks a class's rules up again on every validate() (a filter over every rule of the
 * process, then per property): a batch import validating thousands of rows spent a fifth of its
 * check there. The look-up is kept per class and options until a rule is added (classes are decorated
 * as their modules load, before any request).
 */
function rememberRuleLookups(): void {
  type Lookup = (target: Function, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: Lookup & { remembered?: true };
    addValidationMetadata: (metadata: unknown) => void;
    addValidationSchema: (schema: unknown) => void;
    groupByPropertyName: (metadatas: unknown[]) => unknown;
  };
  if (storage.getTargetValidationMetadatas.remembered) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  let known = new WeakMap<Function, Map<string, unknown[]>>();
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
  const grouped = new WeakMap<unknown[], unknown>();
  storage.groupByPropertyName = (metadatas) => {
    let found = grouped.get(metadatas);
    if (found === undefined) grouped.set(metadatas, (found = group(metadatas)));
    return found;
  };
  for (const method of ["addValidationMetadata", "addValidationSchema"] as const) {
    const add = storage[method].bind(storage);
    storage[method] = (value: unknown) => {
      known = new WeakMap();
      add(value);
    };
  }
}
rememberRuleLookups();

/** Every rule an input object breaks, one per field (for batch imports, which report them all). */
export async function validationFailures(value: object): Promise<{ field: string; message: string }[]> {
  const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
  return failures(errors, []).map((f) => ({ field: f.path.join("."), message: f.message }));
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
  if (!context || typeof context !== "object" || !node) return check(argValue, argType);
  let byNode = checkedInRequest.get(context);
  if (!byNode) checkedInRequest.set(context, (byNode = new WeakMap()));
  let byType = byNode.get(node);
  if (!byType) byNode.set(node, (byType = new Map()));
  let checking = byType.get(argType);
  if (!checking) byType.set(argType, (checking = check(argValue, argType)));
  return checking;
};

async function check(argValue: object, argType: unknown): Promise<void> {
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    if (value === null || typeof value !== "object") continue;
    const [failure] = await validationFailures(value as object);
    if (failure) {
      // Mutation inputs are always passed as the `input` argument (see the resolvers).
      const typeName = typeof argType === "function" ? ((argType as { name?: string }).name ?? "") : "";
      throw badInput(failure.message, typeName.endsWith("Input") ? `input.${failure.field}` : failure.field);
    }
  }
}
