/**
 * The error vocabulary of KTTT Graph. Every error a client can act on carries a stable
 * `extensions.code`; input errors also name the field at fault (`extensions.field`, a path such as
 * `input.charterCapital`) so that a form can show the message next to the right box.
 */
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  VERSION_CONFLICT: "VERSION_CONFLICT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DomainErrorOptions {
  /** Path of the argument or input field at fault, e.g. `input.registrationNumber`. */
  field?: string;
  /** Machine-readable reason inside the code, e.g. `RATING_SCORE_MISMATCH`. */
  reason?: string;
  /** Extra facts a client may show (the allowed range, the current version…). */
  details?: Record<string, unknown>;
}

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, {
      extensions: {
        code,
        ...(options.field ? { field: options.field } : {}),
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.details ? { details: options.details } : {}),
      },
    });
  }
}

export const badInput = (message: string, field?: string, reason?: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field, reason, details });

export const notFound = (message: string, field?: string) => new DomainError(ErrorCode.NOT_FOUND, message, { field });

export const conflict = (message: string, field?: string, reason?: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.CONFLICT, message, { field, reason, details });

export const versionConflict = (entity: string, expected: number, actual: number) =>
  new DomainError(
    ErrorCode.CONFLICT,
    `${entity} was changed by someone else (you edited version ${expected}, the current version is ${actual}). Reload it and apply your change again.`,
    { field: "input.version", reason: "STALE_VERSION", details: { expectedVersion: expected, currentVersion: actual } },
  );

/** True when the error is one this project raised on purpose and is safe to show as is. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
