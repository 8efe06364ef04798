/**
 * The field at fault of a request's own mistakes. graphql-js names a value it refuses by its position only (line and
 * column: "Value "FIRST" does not exist in "Half" enum", a date that is not a real date, a required input field left
 * out), and a variable's value by the variable's definition, with the place inside the value in its message only. A
 * subgraph's own refusal names its field as the path from the argument down (`period.year`,
 * `input.members.0.fullName`); this plugin, in the gateway and in every subgraph, gives those errors the same
 * `extensions.field`, so a client reads the field at fault the same way whoever refused the value.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import {
  BREAK,
  getNamedType,
  GraphQLError,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

/**
 * The path of `target` inside an argument of `document` (`period.half`, `input.members.0`): the argument, the
 * input object fields and the list positions that lead to it. Null when `target` is not inside an argument
 * (a selection, a variable's definition).
 */
export function argumentPathOf(document: DocumentNode, target: ASTNode): string | null {
  let found: string | null = null;
  visit(document, {
    enter(node, _key, parent, keys, ancestors) {
      if (node !== target) return undefined;
      // keys[i] leads from chain[i] to chain[i + 1].
      const chain = parent === undefined ? [node] : [...ancestors, parent, node];
      const path: string[] = [];
      chain.forEach((step, i) => {
        if (Array.isArray(step)) {
          // A list value's items: the key of the next step is its position.
          const owner = chain[i - 1] as ASTNode | undefined;
          if (owner && !Array.isArray(owner) && owner.kind === Kind.LIST) path.push(String(keys[i]));
          return;
        }
        const astNode = step as ASTNode;
        if (astNode.kind === Kind.ARGUMENT || astNode.kind === Kind.OBJECT_FIELD) path.push(astNode.name.value);
        // The field or directive that holds the argument starts the path anew: arguments of an outer field are not on it.
        else if (astNode.kind === Kind.FIELD || astNode.kind === Kind.DIRECTIVE) path.length = 0;
      });
      const inArgument = chain.some((step) => !Array.isArray(step) && (step as ASTNode).kind === Kind.ARGUMENT);
      found = inArgument && path.length > 0 ? path.join(".") : null;
      return BREAK;
    },
  });
  return found;
}

/**
 * The literal of `document` that its scalar type refuses with `message`. A scalar's own GraphQLError ("A date must be
 * a real calendar date…") reaches the client as graphql-js's validation reports it: without the node it is about.
 */
function refusedLiteralOf(schema: GraphQLSchema, document: DocumentNode, message: string): ASTNode | null {
  const types = new TypeInfo(schema);
  let found: ASTNode | null = null;
  visit(
    document,
    visitWithTypeInfo(types, {
      enter(node) {
        if (node.kind !== Kind.STRING && node.kind !== Kind.INT && node.kind !== Kind.FLOAT && node.kind !== Kind.BOOLEAN) return undefined;
        const type = getNamedType(types.getInputType());
        if (!isScalarType(type)) return undefined;
        try {
          type.parseLiteral(node, undefined);
        } catch (error) {
          if (error instanceof Error && error.message === message) {
            found = node;
            return BREAK;
          }
        }
        return undefined;
      },
    }),
  );
  return found;
}

/**
 * The field at fault of a variable's value that does not fit its type: graphql-js names the variable's definition
 * and writes the place inside the value in its message only (`Variable "$p" got invalid value "FIRST" at "p.half"; …`).
 * The answer is the argument path where the operation uses the variable (`period`), then that place (`period.half`,
 * `input.members.0`); null when the variable is used in no argument.
 */
export function variableFieldOf(document: DocumentNode, variable: string, message: string): string | null {
  let used: ASTNode | null = null;
  visit(document, {
    Variable(node) {
      if (node.name.value !== variable) return undefined;
      used = node;
      return BREAK;
    },
    VariableDefinition: () => false,
  });
  const base = used ? argumentPathOf(document, used) : null;
  if (base === null) return null;
  // A variable's name is a GraphQL name: nothing in it to escape.
  const place = new RegExp(` at "${variable}((?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `, "u").exec(message)?.[1] ?? "";
  return base + place.replace(/\[(\d+)\]/gu, ".$1");
}

/** The field at fault of `error` in `document`, or null where it has no place in an argument. */
function fieldOfError(schema: GraphQLSchema, document: DocumentNode, error: GraphQLError): string | null {
  // Only a request's own errors (no path: validation, variables) can be about a literal; a field's error names its field.
  const node = error.nodes?.[0] ?? (error.path === undefined ? refusedLiteralOf(schema, document, error.message) : null);
  if (!node) return null;
  return node.kind === Kind.VARIABLE_DEFINITION ? variableFieldOf(document, node.variable.name.value, error.message) : argumentPathOf(document, node);
}

/**
 * Adds `extensions.field` to each error about a value inside an argument, when it has none: a validation error (the
 * node it names, or the literal its scalar refused) or a variable's value that does not fit its type.
 */
export function fieldAtFaultPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  // Nothing of it is per request: every request gets the same listener.
  const listener: GraphQLRequestListener<T> = {
    async didEncounterErrors({ document, schema, errors }) {
      if (!document) return;
      for (const error of errors) {
        if (!(error instanceof GraphQLError) || error.extensions.field !== undefined) continue;
        const field = fieldOfError(schema, document, error);
        if (field !== null) (error.extensions as Record<string, unknown>).field = field;
      }
    },
  };
  return { requestDidStart: async () => listener };
}
