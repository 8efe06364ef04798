/**
 * Who is asking, and what they may do. Callers present a bearer token signed by the issuer's private key
 * (ES256 or EdDSA, see signing-keys.ts) or an API key. Two ways reach a subgraph, and each verifies the
 * caller itself and enforces the rules below on every operation and guarded field (defence in depth):
 * - our gateway verifies the caller and sends a short-lived proof signed with `GATEWAY_SECRET` naming it;
 * - any other federation router forwards the caller's own token and adds the static router secret
 *   header; the subgraph verifies the token with the issuer's published keys (JWKS).
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { AuthChecker } from "type-graphql";
import { today } from "./calendar";
import { DomainError, ErrorCode } from "./errors";
import { SIGNING_ALGORITHMS, type SigningKeySet } from "./signing-keys";

export enum Role {
  ALLIANCE_ADMIN = "ALLIANCE_ADMIN",
  ALLIANCE_STAFF = "ALLIANCE_STAFF",
  DEPARTMENT = "DEPARTMENT",
  /** A commune People's Committee (UBND xã, phường): its token's `unit` claim is the code of a commune in force today. */
  COMMUNE = "COMMUNE",
  PUBLIC = "PUBLIC",
}

/**
 * The role of the district People's Committees, which ended with the district level on 30/6/2025. It is no
 * longer issued, and a token, API key or proof naming it is refused with `DISTRICT_ROLE_RETIRED`.
 */
export const RETIRED_DISTRICT_ROLE = "DISTRICT";
export const DISTRICT_ROLE_RETIRED =
  "District tokens are no longer accepted: Vietnam's district level ended on 1 July 2025 (Nghị quyết 60-NQ/TW; Hà Tĩnh's 69 communes: Nghị quyết 1665/NQ-UBTVQH15), " +
  "so no district People's Committee signs in any more. Ask the Alliance for a commune token (role COMMUNE, naming your commune's 5-digit code, e.g. 18202 for xã Tứ Mỹ).";

/** The refusal of anything naming the retired district role: UNAUTHENTICATED, reason DISTRICT_ROLE_RETIRED. */
export function districtRoleRefused(): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, DISTRICT_ROLE_RETIRED, { reason: "DISTRICT_ROLE_RETIRED" });
}

/**
 * Whether a code names a commune in force on a date. Core holds no unit data: @kttt/reference registers its
 * rule when it is loaded (every service, the gateway and the token tools load it). Without one, commune
 * tokens are refused (fail closed) with a message saying so.
 */
export type CommuneCheck = (code: string, date: string) => boolean;
let communeCheck: CommuneCheck | null = null;

export function registerCommuneCheck(check: CommuneCheck): void {
  communeCheck = check;
}

/** Why a commune principal naming `unit` may not sign in today, or null when it may. */
export function communeUnitRefusal(unit: unknown): string | null {
  if (typeof unit !== "string" || !/^[0-9]{5}$/u.test(unit)) return "A commune token must name its commune by its 5-digit code (e.g. 18202, xã Tứ Mỹ).";
  if (!communeCheck) return "This service cannot check commune codes (the administrative units are not loaded), so it accepts no commune token.";
  if (!communeCheck(unit, today()))
    return `${unit} is not the code of a Hà Tĩnh commune in force today (one of the 69 communes since 1/7/2025): a commune token names its commune's current code.`;
  return null;
}

/** Partner departments (sở, ngành) by the code their tokens carry. */
export const DEPARTMENTS: Record<string, string> = {
  SO_NN: "Sở Nông nghiệp và Phát triển nông thôn",
  SO_CT: "Sở Công Thương",
  SO_TC: "Sở Tài chính",
  SO_KHDT: "Sở Kế hoạch và Đầu tư",
};

export interface Principal {
  subject: string;
  role: Role;
  /** For DEPARTMENT: its code (e.g. SO_CT). */
  department: string | null;
  /** For COMMUNE: the commune's code (e.g. 18202). */
  adminUnitCode: string | null;
  name: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({ subject: "anonymous", role: Role.PUBLIC, department: null, adminUnitCode: null, name: null });

export const GATEWAY_SECRET_HEADER = "x-kttt-gateway-secret";
/** The static header a router adds to every subgraph request (router contract, see README "Running at scale"). */
export const ROUTER_SECRET_HEADER = "x-kttt-router-secret";
const ISSUER = "kttt-graph";
const AUDIENCE = "kttt-graph";

/**
 * Development and test defaults; production refuses to start without real secrets. The auth secret is
 * the key of former HS256 tokens, accepted by our gateway alone (docs/adr/0010-router-contract.md).
 */
export const DEVELOPMENT_AUTH_SECRET = "kttt-development-auth-secret-change-me";
export const DEVELOPMENT_GATEWAY_SECRET = "kttt-development-gateway-secret-change-me";

const key = (secret: string) => new TextEncoder().encode(secret);

/** A key that signs: the issuer's (asymmetric, named by kid) or a shared HS256 secret (gateway proofs). */
interface Signer {
  alg: string;
  kid?: string;
  key: SigningKeySet["current"]["key"];
}

/** A principal as token claims (`role`, `dept`, `unit`, `name`, subject), plus `extra` claims, signed with `signer`. */
function signPrincipal(
  principal: Principal,
  audience: { issuer: string; audience: string },
  signer: Signer,
  ttlSeconds: number,
  extra: Record<string, string> = {},
): Promise<string> {
  return new SignJWT({ role: principal.role, dept: principal.department, unit: principal.adminUnitCode, name: principal.name, ...extra })
    .setProtectedHeader({ alg: signer.alg, ...(signer.kid ? { kid: signer.kid, typ: "JWT" } : {}) })
    .setSubject(principal.subject)
    .setIssuer(audience.issuer)
    .setAudience(audience.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(signer.key);
}

const hs256 = (secret: string): Signer => ({ alg: "HS256", key: key(secret) });

/** The principal token claims name (their role already checked, or, in tests, taken as given). */
export function principalOfClaims(payload: JWTPayload, role: Role): Principal {
  return {
    subject: payload.sub!,
    role,
    department: typeof payload.dept === "string" ? payload.dept : null,
    adminUnitCode: typeof payload.unit === "string" ? payload.unit : null,
    name: typeof payload.name === "string" ? payload.name : null,
  };
}

/** The issuer's claims on a caller's token: what our gateway, any router and the subgraphs check. */
export const TOKEN_ISSUER = ISSUER;
export const TOKEN_AUDIENCE = AUDIENCE;

/** A caller's bearer token, signed with the issuer's current key (ES256 or EdDSA, with its `kid`). */
export async function issueToken(principal: Principal, keys: SigningKeySet, ttlSeconds = 3600): Promise<string> {
  return signPrincipal(principal, { issuer: ISSUER, audience: AUDIENCE }, keys.current, ttlSeconds);
}

/**
 * @deprecated A former HS256 token signed with `AUTH_JWT_SECRET`: our gateway still accepts them while
 * the secret is configured, no router or subgraph does. New tokens come from `issueToken`.
 */
export async function signToken(principal: Principal, secret: string, ttlSeconds = 3600): Promise<string> {
  return signPrincipal(principal, { issuer: ISSUER, audience: AUDIENCE }, hs256(secret), ttlSeconds);
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.UNAUTHENTICATED, message);

/** What a refused token is told: it names no known caller, it has expired, or it is not valid. */
interface TokenRefusals {
  unknown: string;
  expired: string;
  invalid: string;
}

/** True when the issuer's keys could not be fetched: the token may be fine, the service cannot tell now. */
function keysUnreachable(error: unknown): boolean {
  return error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || !(error instanceof joseErrors.JOSEError);
}

/**
 * The verified claims of a token for `audience` — an HS256 secret, or public keys picked by `kid` — and
 * the known role they name; UNAUTHENTICATED otherwise, SERVICE_UNAVAILABLE when the keys cannot be had.
 */
async function verifiedClaims(
  token: string,
  verifyWith: string | JWTVerifyGetKey,
  audience: { issuer: string; audience: string },
  refusals: TokenRefusals,
): Promise<{ payload: JWTPayload; role: Role }> {
  let payload: JWTPayload;
  const options = { issuer: audience.issuer, audience: audience.audience };
  try {
    ({ payload } =
      typeof verifyWith === "string"
        ? await jwtVerify(token, key(verifyWith), { ...options, algorithms: ["HS256"] })
        : await jwtVerify(token, verifyWith, { ...options, algorithms: [...SIGNING_ALGORITHMS] }));
  } catch (error) {
    if (typeof verifyWith !== "string" && keysUnreachable(error)) {
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        "The token issuer's public keys (JWKS) cannot be fetched right now, so the token cannot be checked. Try again shortly.",
        { reason: "JWKS_UNREACHABLE" },
      );
    }
    throw unauthenticated(error instanceof joseErrors.JWTExpired ? refusals.expired : refusals.invalid);
  }
  if (payload.role === RETIRED_DISTRICT_ROLE) throw districtRoleRefused();
  const role = payload.role as Role;
  if (!Object.values(Role).includes(role) || !payload.sub) throw unauthenticated(refusals.unknown);
  return { payload, role };
}

/** How a service checks callers' tokens: the issuer's public keys, and (our gateway alone) the former HS256 secret. */
export interface CallerTokenKeys {
  keys: JWTVerifyGetKey;
  /** Former HS256 tokens, accepted while `AUTH_JWT_SECRET` is configured; null: refused. */
  legacySecret?: string | null;
}

function isHs256(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === "HS256";
  } catch {
    return false;
  }
}

/**
 * Tokens already verified, by the keys that verified them: a caller sends the same token with every request
 * for up to an hour, and checking its ES256 signature again each time was the gateway's busiest function
 * on a page of cooperatives (bench profile). An entry holds for at most `VERIFIED_TOKEN_SECONDS`, never past
 * the token's expiry nor past the day it was checked on (a commune's code is checked against today's map),
 * so a key withdrawn from the issuer's set stops working within that time. Refusals are never kept.
 */
const VERIFIED_TOKEN_SECONDS = 60;
/** How many tokens and proofs each cache keeps (the oldest go first). */
const VERIFIED_ENTRIES = 10_000;

function keep<V>(entries: Map<string, V>, key: string, value: V): void {
  entries.delete(key);
  entries.set(key, value);
  while (entries.size > VERIFIED_ENTRIES) entries.delete(entries.keys().next().value as string);
}
interface VerifiedToken {
  principal: Principal;
  until: number;
  day: string;
}
const verifiedTokens = new WeakMap<object, Map<string, VerifiedToken>>();

/** The principal of an `Authorization` header; no header is the anonymous public. */
export async function principalOf(authorization: string | undefined, tokenKeys: CallerTokenKeys): Promise<Principal> {
  if (!authorization) return ANONYMOUS;
  let verified = verifiedTokens.get(tokenKeys.keys);
  if (!verified) verifiedTokens.set(tokenKeys.keys, (verified = new Map<string, VerifiedToken>()));
  const cacheKey = `${tokenKeys.legacySecret ?? ""}\u0000${authorization}`;
  const known = verified.get(cacheKey);
  if (known && known.until > Date.now() && known.day === today()) return known.principal;
  const { principal, expiresAt } = await verifiedPrincipal(authorization, tokenKeys);
  keep(verified, cacheKey, { principal, until: Math.min((expiresAt ?? 0) * 1000, Date.now() + VERIFIED_TOKEN_SECONDS * 1000), day: today() });
  return principal;
}

async function verifiedPrincipal(authorization: string, tokenKeys: CallerTokenKeys): Promise<{ principal: Principal; expiresAt: number | undefined }> {
  const match = /^Bearer\s+(\S+)$/iu.exec(authorization);
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  const verifyWith = tokenKeys.legacySecret && isHs256(match[1]) ? tokenKeys.legacySecret : tokenKeys.keys;
  const { payload, role } = await verifiedClaims(
    match[1],
    verifyWith,
    { issuer: ISSUER, audience: AUDIENCE },
    {
      unknown: "The token names no known role.",
      expired: "The token has expired: sign in again.",
      invalid: "The token is not valid.",
    },
  );
  if (role === Role.DEPARTMENT && !(typeof payload.dept === "string" && payload.dept in DEPARTMENTS))
    throw unauthenticated("A department token must name a known department.");
  if (role === Role.COMMUNE) {
    const refusal = communeUnitRefusal(payload.unit);
    if (refusal) throw new DomainError(ErrorCode.UNAUTHENTICATED, refusal, { reason: "COMMUNE_UNIT_INVALID" });
  }
  return { principal: Object.freeze(principalOfClaims(payload, role)), expiresAt: payload.exp };
}

/**
 * The gateway's proof, on every GraphQL request it sends a subgraph: a short-lived token signed with
 * `GATEWAY_SECRET` that names the caller the gateway verified (bearer token or API key), and for a single
 * request its id. A subgraph takes the caller from it and from nothing else, so a request that did not come
 * through the gateway, or came too late (a replayed proof), is refused.
 *
 * Our gateway signs one proof per caller and reuses it for half its life (`gatewayProofFor`), the request id
 * travelling in `x-request-id`; a subgraph keeps the proofs it verified until they expire. Signing and
 * verifying a JWT per request and subgraph were 3–4% of the gateway's CPU and 2–3% of each subgraph's on a
 * page of cooperatives (bench profile); a captured proof is no more useful than before: it names the same
 * caller and expires as soon.
 */
export const GATEWAY_PROOF_HEADER = "x-kttt-gateway-proof";
const PROOF_ISSUER = "kttt-gateway";
const PROOF_AUDIENCE = "kttt-subgraphs";
/** Long enough for a request's slowest subgraph call, short enough that a captured proof is soon useless. */
export const GATEWAY_PROOF_TTL_SECONDS = 60;
/** A proof is reused for this long at most, so that it still has half its life when a subgraph reads it. */
const PROOF_REUSE_MS = (GATEWAY_PROOF_TTL_SECONDS * 1000) / 2;

/** A proof naming `principal` and one request; see `gatewayProofFor` for the gateway's reusable proofs. */
export async function signGatewayProof(
  principal: Principal,
  requestId: string,
  gatewaySecret: string,
  ttlSeconds = GATEWAY_PROOF_TTL_SECONDS,
): Promise<string> {
  return signPrincipal(principal, { issuer: PROOF_ISSUER, audience: PROOF_AUDIENCE }, hs256(gatewaySecret), ttlSeconds, { rid: requestId });
}

const signedProofs = new Map<string, { proof: Promise<string>; signedAt: number }>();

/** The gateway's proof for `principal` (no request id: that goes in `x-request-id`), signed at most every 30 s per caller. */
export function gatewayProofFor(principal: Principal, gatewaySecret: string): Promise<string> {
  const key = JSON.stringify([gatewaySecret, principal.subject, principal.role, principal.department, principal.adminUnitCode, principal.name]);
  const known = signedProofs.get(key);
  if (known && Date.now() - known.signedAt < PROOF_REUSE_MS) return known.proof;
  const proof = signPrincipal(principal, { issuer: PROOF_ISSUER, audience: PROOF_AUDIENCE }, hs256(gatewaySecret), GATEWAY_PROOF_TTL_SECONDS);
  keep(signedProofs, key, { proof, signedAt: Date.now() });
  proof.catch(() => signedProofs.get(key)?.proof === proof && signedProofs.delete(key));
  return proof;
}

const verifiedProofs = new Map<string, { principal: Principal; requestId: string | null; until: number }>();

/**
 * The caller and request id a gateway proof names (the request id from the proof, else from the
 * `x-request-id` header); UNAUTHENTICATED when it is missing, forged or expired.
 */
export async function verifyGatewayProof(
  header: string | string[] | undefined,
  gatewaySecret: string,
  requestIdHeader?: string | string[],
): Promise<{ principal: Principal; requestId: string }> {
  if (typeof header !== "string" || !header) throw unauthenticated("This service answers only the KTTT Graph gateway.");
  const key = `${gatewaySecret}\u0000${header}`;
  const known = verifiedProofs.get(key);
  if (known && known.until > Date.now()) return { principal: known.principal, requestId: known.requestId ?? requestIdOf(requestIdHeader) };
  const unknown = "The gateway's proof names no known caller.";
  const { payload, role } = await verifiedClaims(
    header,
    gatewaySecret,
    { issuer: PROOF_ISSUER, audience: PROOF_AUDIENCE },
    {
      unknown,
      expired: "The gateway's proof has expired: send the request through the gateway again.",
      invalid: "The gateway's proof is not valid.",
    },
  );
  if (payload.rid !== undefined && typeof payload.rid !== "string") throw unauthenticated(unknown);
  const principal = Object.freeze(principalOfClaims(payload, role));
  const requestId = typeof payload.rid === "string" ? payload.rid : null;
  if (typeof payload.exp === "number") keep(verifiedProofs, key, { principal, requestId, until: payload.exp * 1000 });
  return { principal, requestId: requestId ?? requestIdOf(requestIdHeader) };
}

/** A caller's request id as it may travel in logs and headers; anything else is replaced by a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,128}$/u.test(header) ? header : randomUUID();
}

/** Constant-time comparison of the gateway's (or the router's) secret header. */
export function gatewaySecretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = createHash("sha256").update(header).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

/**
 * Rule: a commune People's Committee, for records that lie in its own commune on today's map. A guarded
 * field's root (the record) says where it lies by its `communeCodeToday` getter (`communeCodeOn(communeId,
 * address, today())`, @kttt/reference), so a commune also reads the history of records now within it.
 */
export const OWN_COMMUNE = "COMMUNE:OWN";

/** The commune a record lies in today, for `OWN_COMMUNE`: its `communeCodeToday`, or null if it names none. */
function communeOfRecord(root: unknown): string | null {
  const code = (root as { communeCodeToday?: unknown } | null | undefined)?.communeCodeToday;
  return typeof code === "string" ? code : null;
}

/** True when `principal` is the commune in which `record` lies today (the `OWN_COMMUNE` rule, for code that filters rather than guards). */
export function isOwnCommune(principal: Principal, record: unknown): boolean {
  return principal.role === Role.COMMUNE && principal.adminUnitCode !== null && communeOfRecord(record) === principal.adminUnitCode;
}

function ruleAllows(rule: string, principal: Principal, root: unknown): boolean {
  if (rule === OWN_COMMUNE) return isOwnCommune(principal, root);
  const [role, department] = rule.split(":");
  return (principal.role as string) === role && (!department || principal.department === department);
}

const RULE_LABELS: Record<string, string> = {
  [Role.ALLIANCE_ADMIN]: "Alliance administrators",
  [Role.ALLIANCE_STAFF]: "Alliance staff",
  [Role.DEPARTMENT]: "partner departments",
  [Role.COMMUNE]: "commune people's committees",
  [OWN_COMMUNE]: "the commune where the record lies",
};

/** "Alliance staff, SO_KHDT and the commune where the record lies": who a rule list lets in, in words. */
export function describeRules(rules: readonly string[]): string {
  const labels = rules.map(
    (rule) => RULE_LABELS[rule] ?? (rule.startsWith("DEPARTMENT:") ? `${DEPARTMENTS[rule.slice(11)] ?? rule.slice(11)} (${rule.slice(11)})` : rule),
  );
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : labels.join("");
}

/**
 * Rules for type-graphql's `@Authorized(...)`, on operations and on single fields: a role name
 * ("ALLIANCE_STAFF"), a department ("DEPARTMENT:SO_CT") or `OWN_COMMUNE` (a commune, for a record that
 * lies in it today). Refusals say what was refused and who may have it; on a read only that field is null.
 */
export const authChecker: AuthChecker<{ principal: Principal }> = ({ context, root, info }, rules) => {
  const principal = context.principal ?? ANONYMOUS;
  if (rules.some((rule) => ruleAllows(rule, principal, root))) return true;
  const parent = info.parentType.name;
  const what = parent === "Mutation" ? "This change" : parent === "Query" ? `\`${info.fieldName}\`` : `\`${parent}.${info.fieldName}\``;
  const whom = describeRules(rules);
  if (principal.role === Role.PUBLIC)
    throw new DomainError(ErrorCode.UNAUTHENTICATED, `Sign in to ${parent === "Mutation" ? "do this" : `read ${what}`}: it is for ${whom}.`, {
      reason: "SIGN_IN_REQUIRED",
    });
  const you = `${principal.role}${principal.department ? ` ${principal.department}` : ""}${principal.adminUnitCode ? ` ${principal.adminUnitCode}` : ""}`;
  throw new DomainError(ErrorCode.FORBIDDEN, `${what} is for ${whom}; your role (${you}) may not ${parent === "Mutation" ? "do it" : "read it"}.`, {
    reason: "NOT_PERMITTED",
    details: { allowed: [...rules] },
  });
};

/** Alliance staff and administrators. */
export const ALLIANCE = [Role.ALLIANCE_ADMIN, Role.ALLIANCE_STAFF];

/** Everyone who signed in (aggregate figures, directories): the Alliance, departments, communes. */
export const SIGNED_IN: string[] = [Role.ALLIANCE_ADMIN, Role.ALLIANCE_STAFF, Role.DEPARTMENT, Role.COMMUNE];

/**
 * Who reads the details of each field (lĩnh vực): the Alliance, the departments in charge of it, and a
 * commune for records that lie in it today. Membership: Sở KH&ĐT, the state body for cooperatives; OCOP:
 * Sở NN&PTNT, whose office runs the programme; trade promotion: Sở Công Thương; support: Sở Tài chính
 * (money) and Sở KH&ĐT (plans and policies).
 */
export const DETAILS: Record<"MEMBERSHIP" | "OCOP" | "TRADE" | "SUPPORT", string[]> = {
  MEMBERSHIP: [...ALLIANCE, "DEPARTMENT:SO_KHDT", OWN_COMMUNE],
  OCOP: [...ALLIANCE, "DEPARTMENT:SO_NN", OWN_COMMUNE],
  TRADE: [...ALLIANCE, "DEPARTMENT:SO_CT", OWN_COMMUNE],
  SUPPORT: [...ALLIANCE, "DEPARTMENT:SO_TC", "DEPARTMENT:SO_KHDT", OWN_COMMUNE],
};

/** What the descriptions of guarded fields say about who reads them (shown in Sandbox). */
export const READ_NOTE = {
  SIGNED_IN: "For signed-in callers.",
  ALLIANCE: "For Alliance staff and administrators.",
  MEMBERSHIP:
    "Details of the organisation: for the Alliance, Sở KH&ĐT (SO_KHDT) and the commune where the organisation lies today (COMMUNE); FORBIDDEN for others.",
  OCOP: "OCOP detail: Alliance, Sở NN&PTNT (SO_NN) and the commune where the owner lies today (COMMUNE); FORBIDDEN for others.",
  TRADE: "Trade detail: Alliance, Sở Công Thương (SO_CT) and the commune where the record lies today (COMMUNE); FORBIDDEN for others.",
  SUPPORT:
    "Support detail: Alliance, Sở Tài chính (SO_TC), Sở KH&ĐT (SO_KHDT) and the commune where the beneficiary lies today (COMMUNE); FORBIDDEN for others.",
} as const;
