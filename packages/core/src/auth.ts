/**
 * Who is asking, and what they may do. The gateway verifies the caller (a bearer token or an API key)
 * and sends each subgraph a short-lived proof signed with the gateway's secret that names the caller;
 * each subgraph verifies the proof itself, takes the caller from it, and enforces the rules below on
 * every operation and guarded field (defence in depth).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { AuthChecker } from "type-graphql";
import { isAdminUnitCode } from "./admin-unit-code";
import { DomainError, ErrorCode } from "./errors";

export enum Role {
  ALLIANCE_ADMIN = "ALLIANCE_ADMIN",
  ALLIANCE_STAFF = "ALLIANCE_STAFF",
  DEPARTMENT = "DEPARTMENT",
  DISTRICT = "DISTRICT",
  PUBLIC = "PUBLIC",
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
  /** For DISTRICT: the unit's code (e.g. 444). */
  adminUnitCode: string | null;
  name: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({ subject: "anonymous", role: Role.PUBLIC, department: null, adminUnitCode: null, name: null });

export const GATEWAY_SECRET_HEADER = "x-kttt-gateway-secret";
const ISSUER = "kttt-graph";
const AUDIENCE = "kttt-graph";

/** Development and test defaults; production refuses to start without real secrets. */
export const DEVELOPMENT_AUTH_SECRET = "kttt-development-auth-secret-change-me";
export const DEVELOPMENT_GATEWAY_SECRET = "kttt-development-gateway-secret-change-me";

const key = (secret: string) => new TextEncoder().encode(secret);

/** A principal as HS256 token claims (`role`, `dept`, `unit`, `name`, subject), plus `extra` claims. */
function signPrincipal(principal: Principal, audience: { issuer: string; audience: string }, secret: string, ttlSeconds: number, extra: Record<string, string> = {}): Promise<string> {
  return new SignJWT({ role: principal.role, dept: principal.department, unit: principal.adminUnitCode, name: principal.name, ...extra })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(principal.subject)
    .setIssuer(audience.issuer)
    .setAudience(audience.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

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

export async function signToken(principal: Principal, secret: string, ttlSeconds = 3600): Promise<string> {
  return signPrincipal(principal, { issuer: ISSUER, audience: AUDIENCE }, secret, ttlSeconds);
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.UNAUTHENTICATED, message);

/** What a refused token is told: it names no known caller, it has expired, or it is not valid. */
interface TokenRefusals {
  unknown: string;
  expired: string;
  invalid: string;
}

/** The verified claims of an HS256 token for `audience`, and the known role they name; UNAUTHENTICATED otherwise. */
async function verifiedClaims(token: string, secret: string, audience: { issuer: string; audience: string }, refusals: TokenRefusals): Promise<{ payload: JWTPayload; role: Role }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { issuer: audience.issuer, audience: audience.audience, algorithms: ["HS256"] }));
  } catch (error) {
    throw unauthenticated(error instanceof joseErrors.JWTExpired ? refusals.expired : refusals.invalid);
  }
  const role = payload.role as Role;
  if (!Object.values(Role).includes(role) || !payload.sub) throw unauthenticated(refusals.unknown);
  return { payload, role };
}

/** The principal of an `Authorization` header; no header is the anonymous public. */
export async function principalOf(authorization: string | undefined, secret: string): Promise<Principal> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/iu.exec(authorization);
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  const { payload, role } = await verifiedClaims(match[1], secret, { issuer: ISSUER, audience: AUDIENCE }, {
    unknown: "The token names no known role.",
    expired: "The token has expired: sign in again.",
    invalid: "The token is not valid.",
  });
  if (role === Role.DEPARTMENT && !(typeof payload.dept === "string" && payload.dept in DEPARTMENTS)) throw unauthenticated("A department token must name a known department.");
  if (role === Role.DISTRICT && !isAdminUnitCode(payload.unit)) throw unauthenticated("A district token must name its unit.");
  return principalOfClaims(payload, role);
}

/**
 * The gateway's proof, on every GraphQL request it sends a subgraph: a short-lived token signed with
 * `GATEWAY_SECRET` that names the caller the gateway verified (bearer token or API key) and the request.
 * A subgraph takes the caller from it and from nothing else, so a request that did not come through
 * the gateway, or came too late (a replayed proof), is refused.
 */
export const GATEWAY_PROOF_HEADER = "x-kttt-gateway-proof";
const PROOF_ISSUER = "kttt-gateway";
const PROOF_AUDIENCE = "kttt-subgraphs";
/** Long enough for a request's slowest subgraph call, short enough that a captured proof is soon useless. */
export const GATEWAY_PROOF_TTL_SECONDS = 60;

export async function signGatewayProof(principal: Principal, requestId: string, gatewaySecret: string, ttlSeconds = GATEWAY_PROOF_TTL_SECONDS): Promise<string> {
  return signPrincipal(principal, { issuer: PROOF_ISSUER, audience: PROOF_AUDIENCE }, gatewaySecret, ttlSeconds, { rid: requestId });
}

/** The caller and request id a gateway proof names; UNAUTHENTICATED when it is missing, forged or expired. */
export async function verifyGatewayProof(header: string | string[] | undefined, gatewaySecret: string): Promise<{ principal: Principal; requestId: string }> {
  if (typeof header !== "string" || !header) throw unauthenticated("This service answers only the KTTT Graph gateway.");
  const unknown = "The gateway's proof names no known caller.";
  const { payload, role } = await verifiedClaims(header, gatewaySecret, { issuer: PROOF_ISSUER, audience: PROOF_AUDIENCE }, {
    unknown,
    expired: "The gateway's proof has expired: send the request through the gateway again.",
    invalid: "The gateway's proof is not valid.",
  });
  if (typeof payload.rid !== "string") throw unauthenticated(unknown);
  return { principal: principalOfClaims(payload, role), requestId: payload.rid };
}

/** Constant-time comparison of the gateway's secret header. */
export function gatewaySecretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = createHash("sha256").update(header).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

/** Rule: a district people's committee, for records of its own unit (the record's `adminUnitCode`). */
export const OWN_DISTRICT = "DISTRICT:OWN";

/** The unit a record belongs to, for `OWN_DISTRICT`: its `adminUnitCode`, or null if it names none. */
function unitOfRecord(root: unknown): string | null {
  const unit = (root as { adminUnitCode?: unknown } | null | undefined)?.adminUnitCode;
  return typeof unit === "string" ? unit : null;
}

function ruleAllows(rule: string, principal: Principal, root: unknown): boolean {
  if (rule === OWN_DISTRICT) return principal.role === Role.DISTRICT && principal.adminUnitCode !== null && unitOfRecord(root) === principal.adminUnitCode;
  const [role, department] = rule.split(":");
  return (principal.role as string) === role && (!department || principal.department === department);
}

const RULE_LABELS: Record<string, string> = {
  [Role.ALLIANCE_ADMIN]: "Alliance administrators",
  [Role.ALLIANCE_STAFF]: "Alliance staff",
  [Role.DEPARTMENT]: "partner departments",
  [Role.DISTRICT]: "district people's committees",
  [OWN_DISTRICT]: "the record's own district",
};

/** "Alliance staff, SO_KHDT and the record's own district": who a rule list lets in, in words. */
export function describeRules(rules: readonly string[]): string {
  const labels = rules.map((rule) => RULE_LABELS[rule] ?? (rule.startsWith("DEPARTMENT:") ? `${DEPARTMENTS[rule.slice(11)] ?? rule.slice(11)} (${rule.slice(11)})` : rule));
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : labels.join("");
}

/**
 * Rules for type-graphql's `@Authorized(...)`, on operations and on single fields: a role name
 * ("ALLIANCE_STAFF"), a department ("DEPARTMENT:SO_CT") or `OWN_DISTRICT` (a district, for a record of
 * its own unit). Refusals say what was refused and who may have it; on a read only that field is null.
 */
export const authChecker: AuthChecker<{ principal: Principal }> = ({ context, root, info }, rules) => {
  const principal = context.principal ?? ANONYMOUS;
  if (rules.some((rule) => ruleAllows(rule, principal, root))) return true;
  const parent = info.parentType.name;
  const what = parent === "Mutation" ? "This change" : parent === "Query" ? `\`${info.fieldName}\`` : `\`${parent}.${info.fieldName}\``;
  const whom = describeRules(rules);
  if (principal.role === Role.PUBLIC) throw new DomainError(ErrorCode.UNAUTHENTICATED, `Sign in to ${parent === "Mutation" ? "do this" : `read ${what}`}: it is for ${whom}.`, { reason: "SIGN_IN_REQUIRED" });
  const you = `${principal.role}${principal.department ? ` ${principal.department}` : ""}${principal.adminUnitCode ? ` ${principal.adminUnitCode}` : ""}`;
  throw new DomainError(ErrorCode.FORBIDDEN, `${what} is for ${whom}; your role (${you}) may not ${parent === "Mutation" ? "do it" : "read it"}.`, { reason: "NOT_PERMITTED", details: { allowed: [...rules] } });
};

/** Alliance staff and administrators. */
export const ALLIANCE = [Role.ALLIANCE_ADMIN, Role.ALLIANCE_STAFF];

/** Everyone who signed in (aggregate figures, directories): the Alliance, departments, districts. */
export const SIGNED_IN: string[] = [Role.ALLIANCE_ADMIN, Role.ALLIANCE_STAFF, Role.DEPARTMENT, Role.DISTRICT];

/**
 * Who reads the details of each field (lĩnh vực): the Alliance, the departments in charge of it, and a
 * district for records of its own unit. Membership: Sở KH&ĐT, the state body for cooperatives; OCOP:
 * Sở NN&PTNT, whose office runs the programme; trade promotion: Sở Công Thương; support: Sở Tài chính
 * (money) and Sở KH&ĐT (plans and policies).
 */
export const DETAILS: Record<"MEMBERSHIP" | "OCOP" | "TRADE" | "SUPPORT", string[]> = {
  MEMBERSHIP: [...ALLIANCE, "DEPARTMENT:SO_KHDT", OWN_DISTRICT],
  OCOP: [...ALLIANCE, "DEPARTMENT:SO_NN", OWN_DISTRICT],
  TRADE: [...ALLIANCE, "DEPARTMENT:SO_CT", OWN_DISTRICT],
  SUPPORT: [...ALLIANCE, "DEPARTMENT:SO_TC", "DEPARTMENT:SO_KHDT", OWN_DISTRICT],
};

/** What the descriptions of guarded fields say about who reads them (shown in Sandbox). */
export const READ_NOTE = {
  SIGNED_IN: "For signed-in callers.",
  ALLIANCE: "For Alliance staff and administrators.",
  MEMBERSHIP: "Details of the organisation: for the Alliance, Sở KH&ĐT (SO_KHDT) and the organisation's district; FORBIDDEN for others.",
  OCOP: "OCOP detail: Alliance, Sở NN&PTNT (SO_NN) and the district of the owner; FORBIDDEN for others.",
  TRADE: "Trade detail: Alliance, Sở Công Thương (SO_CT) and the district of the record; FORBIDDEN for others.",
  SUPPORT: "Support detail: Alliance, Sở Tài chính (SO_TC), Sở KH&ĐT (SO_KHDT) and the district of the beneficiary; FORBIDDEN for others.",
} as const;
