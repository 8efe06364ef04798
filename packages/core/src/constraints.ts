/**
 * PostgreSQL integrity errors → domain errors, by constraint name. The checks in a write see what
 * is committed; a write committed meanwhile can still break a UNIQUE (or CHECK, or foreign key)
 * constraint, and the client must then be told which rule, on which field: each write names the
 * constraints it can break and the error each one means, never another constraint's message.
 */
import { conflict, type DomainError } from "./errors";

/** SQLSTATE codes of integrity violations (class 23). */
const INTEGRITY_VIOLATION: Record<string, string> = {
  "23505": "unique",
  "23503": "foreign key",
  "23514": "check",
  "23P01": "exclusion",
};

/** An integrity violation as pg reports it (TypeORM's QueryFailedError carries the same fields). */
export interface ConstraintViolation {
  /** The SQLSTATE, e.g. 23505 for a unique violation. */
  code: string;
  /** The constraint's (or unique index's) name, e.g. `organization_registration_number_key`. */
  constraint: string;
  /** PostgreSQL's detail, e.g. `Key (registration_number)=(3099000001) already exists.` */
  detail?: string;
}

/** The violation an error reports, or null when it is not an integrity violation. */
export function constraintViolation(error: unknown): ConstraintViolation | null {
  const e = error as {
    code?: unknown;
    constraint?: unknown;
    detail?: unknown;
    driverError?: { code?: unknown; constraint?: unknown; detail?: unknown };
  } | null;
  if (!e || typeof e !== "object") return null;
  const code = e.code ?? e.driverError?.code;
  const constraint = e.constraint ?? e.driverError?.constraint;
  if (typeof code !== "string" || !(code in INTEGRITY_VIOLATION) || typeof constraint !== "string") return null;
  const detail = e.detail ?? e.driverError?.detail;
  return { code, constraint, ...(typeof detail === "string" ? { detail } : {}) };
}

/** What each constraint a write can break means to its caller, by constraint name. */
export type ConstraintErrors = Record<string, (violation: ConstraintViolation) => DomainError>;

/**
 * The domain error an integrity violation means: the one `byConstraint` gives for its constraint;
 * else, for a unique or exclusion violation (a record saved at the same moment), a CONFLICT naming
 * the constraint. Any other error, and a CHECK or foreign-key violation no write named (a rule the
 * checks missed: a fault of ours, not the caller's), is returned as it is.
 */
export function constraintError(error: unknown, byConstraint: ConstraintErrors = {}): unknown {
  const violation = constraintViolation(error);
  if (!violation) return error;
  const known = Object.hasOwn(byConstraint, violation.constraint) ? byConstraint[violation.constraint] : undefined;
  if (known) return known(violation);
  if (violation.code !== "23505" && violation.code !== "23P01") return error;
  return conflict(
    `This change clashes with a record saved at the same moment (${INTEGRITY_VIOLATION[violation.code]} rule ${violation.constraint}). Reload and try again.`,
    undefined,
    "CONSTRAINT_VIOLATED",
    { constraint: violation.constraint },
  );
}
