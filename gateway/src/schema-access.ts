/**
 * Who may read the shape of the graph, decided per request from the caller's principal:
 * introspection (`__schema`, `__type`; `__typename` is always allowed) for everyone, for signed-in
 * callers (any role but PUBLIC: a bearer token or an API key) or for no one, and "Did you mean …?"
 * field suggestions for signed-in callers or no one — never for the public.
 *
 * Apollo Server's own `introspection` switch and validation rules are the same for every request, so
 * the rule that depends on the caller is this plugin: it refuses introspection once the operation is
 * resolved, before the gateway plans or calls any subgraph, and takes suggestions out of every error
 * message (and development stack trace) of the answer.
 */
import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { ErrorCode, Role, type FieldSuggestionsAccess, type IntrospectionAccess, type Principal } from "@kttt/core";
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, type GraphQLFormattedError } from "graphql";

export interface SchemaAccess {
  introspection: IntrospectionAccess;
  fieldSuggestions: FieldSuggestionsAccess;
}
import { INTROSPECTION_SIGN_IN_MESSAGE, withoutSuggestions } from "./gateway-rules";

export { INTROSPECTION_SIGN_IN_MESSAGE, withoutSuggestions };

const signedIn = (principal: Principal | undefined) => !!principal && principal.role !== Role.PUBLIC;

function stripError(error: GraphQLFormattedError): GraphQLFormattedError {
  const stacktrace = error.extensions?.stacktrace;
  return {
    ...error,
    message: withoutSuggestions(error.message),
    ...(Array.isArray(stacktrace)
      ? { extensions: { ...error.extensions, stacktrace: stacktrace.map((line) => (typeof line === "string" ? withoutSuggestions(line) : line)) } }
      : {}),
  };
}

function stripBody(body: NonNullable<GraphQLResponse["body"]>): NonNullable<GraphQLResponse["body"]> {
  if (body.kind === "single")
    return body.singleResult.errors ? { ...body, singleResult: { ...body.singleResult, errors: body.singleResult.errors.map(stripError) } } : body;
  return body.initialResult.errors ? { ...body, initialResult: { ...body.initialResult, errors: body.initialResult.errors.map(stripError) } } : body;
}

export function schemaAccessPlugin<T extends { principal: Principal }>(access: SchemaAccess): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const known = signedIn(contextValue.principal);
      // With `off`, Apollo Server's own introspection switch is off and its validation refuses it for everyone.
      const checkIntrospection = access.introspection === "authenticated" && !known;
      const suggestions = access.fieldSuggestions === "authenticated" && known;
      return {
        async didResolveOperation({ schema, document }) {
          if (!checkIntrospection) return;
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
          throw new GraphQLError(INTROSPECTION_SIGN_IN_MESSAGE, {
            extensions: {
              code: ErrorCode.UNAUTHENTICATED,
              reason: "INTROSPECTION_REQUIRES_SIGN_IN",
              http: { status: 401, headers: new HeaderMap([["www-authenticate", 'Bearer realm="kttt-graph"']]) },
            },
          });
        },
        async willSendResponse({ response }) {
          if (!suggestions) response.body = stripBody(response.body);
        },
      };
    },
  };
}
