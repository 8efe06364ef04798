/**
 * The gateway's last step on every answer, @apollo/gateway 2.14's `computeResponse` (dist/resultShaping.js):
 * the subgraphs' merged data walked along the client's operation, field by field and row by row, into the
 * answer (aliases, `__typename`, @skip/@include, null bubbling, leaf values checked against their types).
 * On a page of 60 cooperatives it was a fifth of the gateway's CPU (bench profile), much of it asking each
 * selection again, for every row, what never changes within a request: its @skip and @include (a directive
 * look-up by name in the schema, twice), its response name, its field definition and type.
 *
 * This is the same walk, step for step and with the same errors, with what a selection is read once per
 * selection (kept beside it in a WeakMap, so it goes with the operation) instead of once per row. Imported
 * before @apollo/gateway executes a plan (see flat-exports.ts), it takes the place of the package's
 * `computeResponse`, which executeQueryPlan.js reads from the module's exports at each call.
 */
import { createRequire } from "node:module";
import path from "node:path";

/** An output type as @apollo/federation-internals models it (only what the walk reads). */
interface OutputType {
  kind: string;
  name?: string;
  ofType?: OutputType;
  toString(): string;
}

interface Directive {
  arguments(): { if?: unknown };
  toString(): string;
}

interface SelectionElement {
  appliedDirectivesOf(definition: unknown): Directive[];
}

interface FieldElement extends SelectionElement {
  name: string;
  definition: { type: OutputType; isSchemaIntrospectionField(): boolean };
  responseName(): string;
}

interface FragmentElement extends SelectionElement {
  typeCondition?: OutputType;
}

interface SelectionSet {
  selections(): Selection[];
}

type Selection =
  | { kind: "FieldSelection"; element: FieldElement; selectionSet?: SelectionSet }
  | { kind: "FragmentSelection"; element: FragmentElement; selectionSet: SelectionSet };

interface Schema {
  type(name: string): OutputType | undefined;
  skipDirective(): unknown;
  includeDirective(): unknown;
  schemaDefinition: { rootType(kind: string): OutputType };
}

interface Operation {
  schema(): Schema;
  rootKind: string;
  selectionSet: SelectionSet;
  collectDefaultedVariableValues(): Record<string, unknown>;
}

type Variables = Record<string, unknown>;

interface Parameters {
  schema: Schema;
  variables: Variables;
  errors: unknown[];
  introspectionHandling: (selection: Selection) => unknown;
}

/** What the walk uses of @apollo/federation-internals, as @apollo/gateway loads it. */
interface FederationInternals {
  assert: (condition: unknown, message: string | (() => string)) => asserts condition;
  isNonNullType: (type: OutputType) => boolean;
  isListType: (type: OutputType) => boolean;
  isCompositeType: (type: OutputType | undefined) => boolean;
  isObjectType: (type: OutputType | undefined) => boolean;
  isSubtype: (type: OutputType, maybeSubType: OutputType) => boolean;
  isValidLeafValue: (schema: Schema, value: unknown, type: OutputType) => boolean;
  Variable: new (...args: never[]) => { name: string };
  typenameFieldName: string;
  ERRORS: { INVALID_GRAPHQL: { err: (message: string, options: { path: (string | number)[] }) => unknown } };
}

/** The @apollo/gateway release whose `computeResponse` this walk copies. */
export const SHAPED_VERSION = "2.14.4";
const gatewayMain = require.resolve("@apollo/gateway");
const fromGateway = createRequire(gatewayMain);
const fi = fromGateway("@apollo/federation-internals") as FederationInternals;
const { isNonNullType, isListType, isCompositeType, isObjectType, isSubtype, isValidLeafValue, typenameFieldName, ERRORS } = fi;
const assert: FederationInternals["assert"] = fi.assert;
/** A value in a message, as the package's template strings write it. */
const str = (value: unknown): string => `${value as string}`;

/** A selection as the walk reads it, worked out once. */
interface SelectionFacts {
  skip: Directive | undefined;
  include: Directive | undefined;
  /** Fields only. */
  responseName: string;
  introspection: boolean;
  typename: boolean;
  type: OutputType | undefined;
}

const facts = new WeakMap<Selection, SelectionFacts>();

function factsOf(selection: Selection, schema: Schema): SelectionFacts {
  let known = facts.get(selection);
  if (known) return known;
  const element = selection.element;
  const skip = element.appliedDirectivesOf(schema.skipDirective())[0];
  const include = element.appliedDirectivesOf(schema.includeDirective())[0];
  if (selection.kind === "FieldSelection") {
    const field = selection.element;
    known = {
      skip,
      include,
      responseName: field.responseName(),
      introspection: field.definition.isSchemaIntrospectionField(),
      typename: field.name === typenameFieldName,
      type: field.definition.type,
    };
  } else known = { skip, include, responseName: "", introspection: false, typename: false, type: undefined };
  facts.set(selection, known);
  return known;
}

function ifValue(directive: Directive, variables: Variables): unknown {
  const ifArg = directive.arguments().if;
  if (ifArg instanceof fi.Variable) {
    const value = variables[ifArg.name];
    assert(value !== undefined && typeof value === "boolean", () => `Unexpected value ${str(value)} for variable ${str(ifArg)} of ${str(directive)}`);
    return value;
  }
  return ifArg;
}

function shouldSkip(selection: SelectionFacts, variables: Variables): unknown {
  if (!selection.skip && !selection.include) return false;
  return (selection.skip && ifValue(selection.skip, variables)) || (selection.include && !ifValue(selection.include, variables));
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
}: {
  operation: Operation;
  variables?: Variables;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: Selection) => unknown;
}): { data: Record<string, unknown> | null | undefined; errors: unknown[] } {
  if (!input) return { data: input, errors: [] };
  const parameters: Parameters = {
    schema: operation.schema(),
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables },
    errors: [],
    introspectionHandling,
  };
  const data = Object.create(null) as Record<string, unknown>;
  const res = applySelectionSet(input, operation.selectionSet, data, parameters, [], operation.schema().schemaDefinition.rootType(operation.rootKind));
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
}

function typeConditionApplies(schema: Schema, typeCondition: OutputType | undefined, typename: string | undefined, parentType: OutputType): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type);
  }
  return isSubtype(typeCondition, parentType);
}

function applySelectionSet(
  input: Record<string, unknown>,
  selectionSet: SelectionSet,
  output: Record<string, unknown>,
  parameters: Parameters,
  path: (string | number)[],
  parentType: OutputType,
): number {
  for (const selection of selectionSet.selections()) {
    const known = factsOf(selection, parameters.schema);
    if (shouldSkip(known, parameters.variables)) continue;
    if (selection.kind === "FieldSelection") {
      const responseName = known.responseName;
      const outputValue = output[responseName];
      if (known.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(selection);
        continue;
      }
      let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
      if (known.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === "string" ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const { updated, isInvalid } = updateOutputValue(outputValue, known.type!, inputValue, selection.selectionSet, path, parameters, parentType);
      output[responseName] = updated;
      path.pop();
      if (isInvalid) return NULL_BUBBLE_UP;
    } else {
      const fragment = selection.element;
      const typename = input[typenameFieldName];
      assert(!typename || typeof typename === "string", () => `Got unexpected value for __typename: ${str(typename)}`);
      if (typeConditionApplies(parameters.schema, fragment.typeCondition, typename as string | undefined, parentType)) {
        const res = applySelectionSet(input, selection.selectionSet, output, parameters, path, fragment.typeCondition ?? parentType);
        if (res === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(path: (string | number)[], currentType: OutputType, parentType: OutputType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, "Should not have been called on an empty path");
  return typeof element === "string" ? `field ${str(parentType)}.${element}` : `array element of type ${str(currentType)} at index ${element}`;
}

interface Updated {
  updated: unknown;
  isInvalid?: boolean;
  hasErrors?: boolean;
}

function updateOutputValue(
  outputValue: unknown,
  type: OutputType,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: OutputType,
): Updated {
  assert(inputValue !== undefined, "Should not pass undefined for `inputValue` to this method");
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return { updated: outputValue };
  if (isNonNullType(type)) {
    const { updated, hasErrors } = updateOutputValue(outputValue, type.ofType!, inputValue, selectionSet, path, parameters, parentType);
    if (updated === null) {
      if (!hasErrors) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType!, parentType)}.`, {
            path: Array.from(path),
          }),
        );
      }
      return { updated, isInvalid: true, hasErrors: true };
    }
    return { updated };
  }
  if (inputValue === null) return { updated: null };
  if (isListType(type)) {
    assert(Array.isArray(inputValue), () => `Invalid non-list value ${str(inputValue)} returned by subgraph for list type ${str(type)}`);
    assert(
      outputValue === undefined || Array.isArray(outputValue),
      () => `Invalid non-list value ${str(outputValue)} returned by subgraph for list type ${str(type)}`,
    );
    const outputValueList = outputValue === undefined ? (new Array(inputValue.length).fill(undefined) as unknown[]) : outputValue;
    assert(
      inputValue.length === outputValueList.length,
      () => `[${str(inputValue)}].length (${inputValue.length}) !== [${str(outputValueList)}].length (${outputValueList.length})`,
    );
    let shouldNullify = false;
    let hasErrors = false;
    const updated = outputValueList.map((outputEltValue, idx) => {
      path.push(idx);
      const elt = updateOutputValue(outputEltValue, type.ofType!, inputValue[idx], selectionSet, path, parameters, parentType);
      path.pop();
      shouldNullify ||= !!elt.isInvalid;
      hasErrors ||= !!elt.hasErrors;
      return elt.updated;
    });
    return { updated: shouldNullify ? null : updated, hasErrors };
  }
  if (isCompositeType(type)) {
    assert(selectionSet, () => `Invalid empty selection set for composite type ${str(type)}`);
    assert(typeof inputValue === "object", () => `Invalid non-object value ${str(inputValue)} returned by subgraph for composite type ${str(type)}`);
    assert(
      outputValue === undefined || typeof outputValue === "object",
      () => `Invalid non-object value ${str(inputValue)} returned by subgraph for composite type ${str(type)}`,
    );
    const input = inputValue as Record<string, unknown>;
    const inputTypename = input[typenameFieldName];
    assert(
      inputTypename === undefined || typeof inputTypename === "string",
      () => `Invalid non-string value ${str(inputTypename)} for __typename at ${str(path)}`,
    );
    let objType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, {
            path: Array.from(path),
          }),
        );
        return { updated: null, hasErrors: true };
      }
      objType = typenameType;
    }
    const outputValueObject = outputValue === undefined ? (Object.create(null) as Record<string, unknown>) : (outputValue as Record<string, unknown>);
    const res = applySelectionSet(input, selectionSet, outputValueObject, parameters, path, objType);
    const hasErrors = res === NULL_BUBBLE_UP;
    return { updated: hasErrors ? null : outputValueObject, hasErrors };
  }
  assert(outputValue === undefined, () => `Excepted output to be undefined but got ${str(type)} for type ${str(type)}`);
  const isValidValue = isValidLeafValue(parameters.schema, inputValue, type);
  if (!isValidValue) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }),
    );
  }
  return { updated: isValidValue ? inputValue : null, hasErrors: !isValidValue };
}

type OperationFromDocument = (
  schema: object,
  document: { definitions: readonly object[] },
  options?: { validate?: boolean; operationName?: string },
) => Operation;

/**
 * `operationFromDocument` keeping, for the documents executeQueryPlan.js converts without validation, the
 * operation it made the first time: Apollo Server keeps a parsed document per query text, so the same
 * query's nodes come back request after request, and the gateway rebuilt the same operation from them for
 * each (3–4 % of its CPU on a search, bench profile). The operation is only read during execution (its
 * selections, variable definitions and defaults), so requests may share it; the facts of its selections
 * above are then kept across requests too. Any other call goes to the package's function as before.
 */
function rememberedOperations(convert: OperationFromDocument): OperationFromDocument {
  const bySchema = new WeakMap<object, WeakMap<object, { definitions: readonly object[]; operation: Operation }>>();
  return (schema, document, options) => {
    const [first] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || !first) return convert(schema, document, options);
    let byNode = bySchema.get(schema);
    if (!byNode) bySchema.set(schema, (byNode = new WeakMap()));
    const known = byNode.get(first);
    if (known && known.definitions.length === document.definitions.length && known.definitions.every((d, i) => d === document.definitions[i]))
      return known.operation;
    const operation = convert(schema, document, options);
    byNode.set(first, { definitions: [...document.definitions], operation });
    return operation;
  };
}

/**
 * Puts `computeResponse` in the place of @apollo/gateway's own (the module executeQueryPlan.js calls it from),
 * and, where the package's exports are plain properties (flat-exports.ts, imported first), `operationFromDocument`
 * by `rememberedOperations`.
 */
export function installResultShaping(): boolean {
  // The walk copies 2.14.4's, the version the package is pinned to: another version keeps its own (the
  // equivalence test in gateway/test/result-shaping.test.ts says whether this copy still matches it).
  const { version } = fromGateway(path.join(path.dirname(gatewayMain), "..", "package.json")) as { version: string };
  if (version !== SHAPED_VERSION) return false;
  const shaping = fromGateway(path.join(path.dirname(gatewayMain), "resultShaping.js")) as { computeResponse: unknown };
  shaping.computeResponse = computeResponse;
  const internals = fromGateway("@apollo/federation-internals") as { operationFromDocument: OperationFromDocument };
  if (Object.getOwnPropertyDescriptor(internals, "operationFromDocument")?.writable)
    internals.operationFromDocument = rememberedOperations(internals.operationFromDocument);
  return true;
}
