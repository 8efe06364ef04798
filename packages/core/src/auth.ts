/**
 * Who is asking. The gateway verifies the caller (a signed token; API keys come next) and passes the
 * same bearer token on to the subgraphs together with the gateway's secret header; each subgraph
 * checks both itself (defence in depth) and refuses everything else. Both are ordinary header rules
 * in any federation router (propagate `Authorization`, insert `x-kttt-gateway-secret`).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { AuthChecker } from "type-graphql";
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

export async function signToken(principal: Principal, secret: string, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({ role: principal.role, dept: principal.department, unit: principal.adminUnitCode, name: principal.name })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(principal.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.UNAUTHENTICATED, message);

/** The principal of an `Authorization` header; no header is the anonymous public. */
export async function principalOf(authorization: string | undefined, secret: string): Promise<Principal> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/iu.exec(authorization);
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  try {
    const { payload } = await jwtVerify(match[1], key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
    const role = payload.role as Role;
    if (!Object.values(Role).includes(role) || !payload.sub) throw unauthenticated("The token names no known role.");
    if (role === Role.DEPARTMENT && !(typeof payload.dept === "string" && payload.dept in DEPARTMENTS)) throw unauthenticated("A department token must name a known department.");
    if (role === Role.DISTRICT && !(typeof payload.unit === "string" && /^[0-9]{3}$/u.test(payload.unit))) throw unauthenticated("A district token must name its unit.");
    return {
      subject: payload.sub,
      role,
      department: typeof payload.dept === "string" ? payload.dept : null,
      adminUnitCode: typeof payload.unit === "string" ? payload.unit : null,
      name: typeof payload.name === "string" ? payload.name : null,
    };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The token has expired: sign in again.");
    throw unauthenticated("The token is not valid.");
  }
}

/** Constant-time comparison of the gateway's secret header. */
export function gatewaySecretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = createHash("sha256").update(header).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

/**
 * Rules for type-graphql's `@Authorized(...)`: a role name ("ALLIANCE_STAFF") or a department
 * ("DEPARTMENT:SO_CT"). Refusals say who may do it.
 */
export const authChecker: AuthChecker<{ principal: Principal }> = ({ context }, rules) => {
  const principal = context.principal ?? ANONYMOUS;
  const allowed = rules.some((rule) => {
    const [role, department] = rule.split(":");
    return principal.role === role && (!department || principal.department === department);
  });
  if (allowed) return true;
  if (principal.role === Role.PUBLIC) throw unauthenticated("Sign in to do this.");
  throw new DomainError(ErrorCode.FORBIDDEN, `Your role (${principal.role}${principal.department ? ` ${principal.department}` : ""}) may not do this; it is for ${rules.join(", ")}.`);
};

/** Alliance staff and administrators. */
export const ALLIANCE = [Role.ALLIANCE_ADMIN, Role.ALLIANCE_STAFF];
