/**
 * A small GraphQL-over-HTTP client for tests: real requests, full responses. It speaks as the
 * gateway does (a gateway proof for the caller, so subgraphs can be asked directly) and, unless told
 * otherwise, as an Alliance administrator; pass `as(principal)` headers for another caller, or
 * `ANONYMOUS_HEADERS`.
 */
import { randomUUID } from "node:crypto";
import {
  ANONYMOUS,
  DEVELOPMENT_GATEWAY_SECRET,
  GATEWAY_PROOF_HEADER,
  GATEWAY_SECRET_HEADER,
  issueToken,
  loadSigningKeys,
  principalOfClaims,
  Role,
  signGatewayProof,
  signingKeysOf,
  type Principal,
  type SigningKeySet,
} from "@kttt/core";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export const TEST_ADMIN: Principal = {
  subject: "test-admin",
  role: Role.ALLIANCE_ADMIN,
  department: null,
  adminUnitCode: null,
  name: "Quản trị viên thử nghiệm",
};

let signingKeys: { text: string | undefined; keys: Promise<SigningKeySet> } | undefined;

/** The issuer's keys of this test run (AUTH_SIGNING_KEYS, set by the global setup; the development key otherwise). */
export function testSigningKeys(): Promise<SigningKeySet> {
  const text = process.env.AUTH_SIGNING_KEYS;
  if (!signingKeys || signingKeys.text !== text) signingKeys = { text, keys: loadSigningKeys(signingKeysOf(process.env, "test")) };
  return signingKeys.keys;
}

const gatewaySecret = () => process.env.GATEWAY_SECRET || DEVELOPMENT_GATEWAY_SECRET;

/** The gateway's secret header, as subgraphs' `/ready` and `/metrics` expect it. */
export function gatewayHeaders(): Record<string, string> {
  return { [GATEWAY_SECRET_HEADER]: gatewaySecret() };
}

/** A gateway proof naming this principal, as the gateway signs it for a subgraph (negative ttl: expired). */
export function proofFor(principal: Principal, ttlSeconds = 600, secret = gatewaySecret()): Promise<string> {
  return signGatewayProof(principal, randomUUID(), secret, ttlSeconds);
}

/** The caller a bearer token names, read without checking it (the gateway or a test decides that). */
function principalOfToken(authorization: string | undefined): Principal {
  const token = /^Bearer\s+(\S+)$/iu.exec(authorization ?? "")?.[1];
  if (!token) return ANONYMOUS;
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Parameters<typeof principalOfClaims>[0];
    return principalOfClaims(claims, claims.role as Role);
  } catch {
    return ANONYMOUS;
  }
}

/** A bearer token of this principal, signed with the test run's issuer key (negative ttl: expired). */
export async function tokenFor(principal: Principal, ttlSeconds = 600): Promise<string> {
  return issueToken(principal, await testSigningKeys(), ttlSeconds);
}

/** Headers that make a request speak as this principal. */
export async function as(principal: Principal, ttlSeconds = 600): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(principal, ttlSeconds)}` };
}

/** No token: the anonymous public. */
export const ANONYMOUS_HEADERS: Record<string, string> = { authorization: "" };

let adminHeaders: Promise<Record<string, string>> | undefined;

export async function graphql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const identity = "authorization" in headers ? {} : await (adminHeaders ??= as(TEST_ADMIN, 24 * 3600));
  const merged: Record<string, string> = { "content-type": "application/json", ...identity, ...headers };
  if (!merged.authorization) delete merged.authorization;
  // Subgraphs asked directly need the gateway's proof for the same caller; the gateway ignores it.
  if (!(GATEWAY_PROOF_HEADER in merged)) merged[GATEWAY_PROOF_HEADER] = await proofFor(principalOfToken(merged.authorization));
  const response = await fetch(url, { method: "POST", headers: merged, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** The data of a response that must have no errors. */
export async function graphqlData<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await graphql<T>(url, query, variables);
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as T;
}
