/**
 * What our gateway and the Hive Gateway configuration (deploy/hive-gateway/gateway.config.ts) both apply, in one
 * copy, so the two refuse the same documents and explain failures with the same words: how big a document really
 * is, read from its syntax tree alone (the selections once every fragment is spread, the depth and the count of
 * `__schema` below introspection); what the public is not told (introspection's sign-in message, graphql-js's
 * field suggestions); and how an unreachable subgraph is reported. Hive Gateway loads this file with its own
 * graphql-js, so nothing here builds a graphql-js object itself (the error class is passed in, `Kind` is a set of
 * strings).
 */
import { Kind, type ASTNode, type DocumentNode, type GraphQLError, type ValidationRule } from "graphql";

/** A fragment by name, as the validation context knows it. */
type Fragments = (name: string) => ASTNode | undefined;

/**
 * Folds `node`'s selections bottom-up, a fragment spread standing for its fragment. A fragment is folded
 * once per validation (`folded`), so a fan-out of spreads (each fragment spreading the next twice) costs
 * no more than its text; a spread already being followed counts as nothing, since graphql-js's own rules
 * refuse cycles.
 */
function foldSelections<T>(
  node: ASTNode,
  fragment: Fragments,
  visit: (node: ASTNode, children: T[]) => T,
  folded: Map<string, T>,
  seen: Set<string> = new Set(),
): T {
  if (node.kind === Kind.FRAGMENT_SPREAD) {
    const name = node.name.value;
    const known = folded.get(name);
    if (known !== undefined) return known;
    const target = fragment(name);
    if (!target || seen.has(name)) return visit(node, []);
    seen.add(name);
    const result = foldSelections(target, fragment, visit, folded, seen);
    seen.delete(name);
    folded.set(name, result);
    return result;
  }
  const children =
    "selectionSet" in node && node.selectionSet ? node.selectionSet.selections.map((child) => foldSelections(child, fragment, visit, folded, seen)) : [];
  return visit(node, children);
}

/** How deep `node`'s fields go, a fragment counting as the fields it holds. */
const selectionDepth = (node: ASTNode, fragment: Fragments, folded: Map<string, number>) =>
  foldSelections<number>(node, fragment, (n, children) => (n.kind === Kind.FIELD ? 1 : 0) + Math.max(0, ...children), folded);

/** How many times the field `name` is asked for in `node`, through fragments as often as they are spread. */
const fieldCount = (node: ASTNode, name: string, fragment: Fragments, folded: Map<string, number>) =>
  foldSelections<number>(
    node,
    fragment,
    (n, children) => (n.kind === Kind.FIELD && n.name.value === name ? 1 : 0) + children.reduce((a, b) => a + b, 0),
    folded,
  );

/** The fields and inline fragments of `document` with every fragment spread where it is spread. */
export function expandedSelections(document: DocumentNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const folded = new Map<string, number>();
  const count = (node: ASTNode) =>
    foldSelections<number>(
      node,
      (name) => fragments.get(name),
      (n, children) => (n.kind === Kind.FIELD || n.kind === Kind.INLINE_FRAGMENT ? 1 : 0) + children.reduce((a, b) => a + b, 0),
      folded,
    );
  return document.definitions.reduce((total, d) => total + (d.kind === Kind.OPERATION_DEFINITION ? count(d) : 0), 0);
}

const refusal = (ErrorClass: typeof GraphQLError, message: string, node: ASTNode, limit: string, max: number, found: number) =>
  new ErrorClass(message, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, max, found } });

/**
 * Limits on introspection, which the query limits above leave out: no deeper than `maxDepth` levels
 * from `__schema` / `__type` down, so a chain of `ofType` (which no list-nesting rule counts) cannot
 * grow without end, and at most `maxSchemas` `__schema` an operation, since each is the whole schema
 * (aliases would otherwise multiply it: 30 of them are about 6 MB and seconds of work for one
 * request of 3 kB). `isOneOf` is refused here too, as a request error: graphql-js knows the field,
 * but Apollo Gateway's query planner does not and would fail the request as a server error.
 */
export function introspectionLimitsRule(maxDepth: number, maxSchemas: number, ErrorClass: typeof GraphQLError): ValidationRule {
  return (context) => {
    const fragment: Fragments = (name) => context.getFragment(name) ?? undefined;
    // Per validation: the depth below each fragment and the __schema fields in it.
    const depths = new Map<string, number>();
    const schemaCounts = new Map<string, number>();
    return {
      OperationDefinition(node) {
        const schemas = fieldCount(node, "__schema", fragment, schemaCounts);
        if (schemas > maxSchemas) {
          context.reportError(
            refusal(
              ErrorClass,
              `An operation may ask for __schema at most ${maxSchemas === 1 ? "once" : `${maxSchemas} times`} (found ${schemas}): it is the whole schema each time.`,
              node,
              "introspectionSchemas",
              maxSchemas,
              schemas,
            ),
          );
        }
      },
      Field(node) {
        if (node.name.value === "isOneOf" && context.getParentType()?.name === "__Type") {
          context.reportError(
            new ErrorClass("__Type.isOneOf is not served by this gateway (its query planner does not know it yet): leave it out of the introspection query.", {
              nodes: [node],
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            }),
          );
        }
        if (node.name.value !== "__schema" && node.name.value !== "__type") return undefined;
        const depth = selectionDepth(node, fragment, depths);
        if (depth <= maxDepth) return undefined;
        context.reportError(
          refusal(
            ErrorClass,
            `Introspection nested ${depth} levels deep below ${node.name.value}; at most ${maxDepth} are allowed (a full introspection, such as GraphiQL's, needs 15).`,
            node,
            "introspectionDepth",
            maxDepth,
            depth,
          ),
        );
        return false;
      },
    };
  };
}

export const INTROSPECTION_SIGN_IN_MESSAGE =
  "Sign in to explore the schema: introspection (__schema, __type) is for signed-in callers. Send your bearer token (Authorization: Bearer …) or API key (x-api-key) with the request; in Apollo Sandbox, add it under the connection's headers.";

/**
 * graphql-js's suggestions, in all their forms: `Did you mean "a", "b", or "c"?`, `Did you mean the
 * enum value "X"?`, `Did you mean to use an inline fragment on "T"?`. Names contain no `?`.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/gu;

export const withoutSuggestions = (text: string) => text.replace(SUGGESTION, "");

/** The error code and words of a subgraph that could not be reached: the rest of the answer still comes. */
export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
export const subgraphUnavailableMessage = (subgraph: string, cause: string) =>
  `The ${subgraph} service is unavailable right now (${cause}); the fields it serves are missing from this answer.`;
