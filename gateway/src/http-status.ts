/**
 * HTTP status codes by the GraphQL-over-HTTP specification
 * (https://graphql.github.io/graphql-over-http/draft/#sec-Response), checked by graphql-http's audit
 * in tests/test/http-conformance.test.ts.
 *
 * A well-formed request whose document does not parse, fails validation (limits included) or whose
 * variables do not fit is a request error: Apollo Server answers 400, which is what the specification
 * asks for `application/graphql-response+json`. For `application/json` — clients that did not ask for
 * the newer type, curl among them — it asks for 200, since such a client cannot tell a 4xx written by a
 * proxy from the server's own; this plugin gives them that. Everything else keeps its status: a
 * request that is not well-formed (no query, not JSON, a batch, CSRF) 400, a refused credential 401, a
 * fault of the server 5xx.
 */
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import type { Request } from "express";
import { GraphQLError } from "graphql";

/** Apollo Server's codes for request errors: a document that does not parse or validate, variables that do not fit, no such operation. */
const REQUEST_ERRORS = new Set<unknown>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

export type ResponseMediaType = "application/json" | "application/graphql-response+json";

/** The media type Apollo Server answers this request in: the one its Accept header prefers, JSON without one. */
export function responseMediaType(req: Request): ResponseMediaType {
  return req.accepts(["application/json", "application/graphql-response+json"]) === "application/graphql-response+json"
    ? "application/graphql-response+json"
    : "application/json";
}

/**
 * Also resolves the operation as Apollo Server does for a schema of its own: in front of a gateway it
 * leaves that to Apollo Gateway, whose "Unknown operation named …" would be a server error (HTTP 500).
 */
export function responseStatusPlugin<T extends { mediaType: ResponseMediaType }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const legacyJson = contextValue.mediaType === "application/json";
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : "Must provide operation name if query contains multiple operations.";
          throw new GraphQLError(message, {
            extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400, headers: new HeaderMap() } },
          });
        },
        async willSendResponse({ response }) {
          if (!legacyJson) return;
          // Request errors carry no `data` (an execution that started already answers 200); a request
          // that is not well-formed (BAD_REQUEST: no query, a query that is not a string) keeps its 400.
          if (response.http.status !== 400 || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (data === undefined && errors?.length && errors.every((e) => REQUEST_ERRORS.has(e.extensions?.code))) response.http.status = 200;
        },
      };
    },
  };
}
