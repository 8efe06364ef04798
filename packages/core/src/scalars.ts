/**
 * Scalars shared by every subgraph. Money is VND in whole đồng: held as a JS `bigint`, stored as
 * PostgreSQL `bigint`, served as a decimal string so that no client rounds it through a float.
 */
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { ValueTransformer } from "typeorm";

const VND_PATTERN = /^-?(0|[1-9][0-9]*)$/u;
/** PostgreSQL bigint range. */
const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

function parseVnd(value: unknown): bigint {
  let parsed: bigint;
  if (typeof value === "bigint") parsed = value;
  else if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new GraphQLError(`VND must be a whole number of đồng; ${value} is not (send large amounts as a string of digits, e.g. "2002000000").`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    parsed = BigInt(value);
  } else if (typeof value === "string" && VND_PATTERN.test(value.trim())) parsed = BigInt(value.trim());
  else {
    throw new GraphQLError(`VND must be a whole number of đồng, as digits (e.g. "2002000000"); got ${JSON.stringify(value)}.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  if (parsed > MAX || parsed < MIN) {
    throw new GraphQLError("VND amount is out of range.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return parsed;
}

export const VndScalar = new GraphQLScalarType<bigint, string>({
  name: "VND",
  description:
    "An amount of Vietnamese đồng (VND, đồng Việt Nam) in whole đồng, exact: served as a string of digits " +
    '(e.g. "2002000000"); accepted as such a string or as a JSON integer up to 2^53.',
  serialize(value) {
    return parseVnd(typeof value === "string" || typeof value === "number" || typeof value === "bigint" ? value : String(value)).toString();
  },
  parseValue: parseVnd,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parseVnd(ast.kind === Kind.INT ? ast.value : ast.value);
    throw new GraphQLError("VND must be an integer or a string of digits.", { extensions: { code: "BAD_USER_INPUT" } });
  },
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * Dates already found real: a page of rows serialises the same few hundred dates again and again (every
 * report, certificate and founding date), and building a Date for each showed in the subgraphs' profiles.
 * Bounded: when full, it starts again.
 */
const realDates = new Set<string>();
const REAL_DATES_KEPT = 50_000;

/** Checks a calendar date written as YYYY-MM-DD and returns it unchanged. */
export function parseLocalDate(value: unknown): string {
  if (typeof value === "string") {
    if (realDates.has(value)) return value;
    const m = DATE_PATTERN.exec(value);
    if (m) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      if (d.toISOString().slice(0, 10) === value) {
        if (realDates.size >= REAL_DATES_KEPT) realDates.clear();
        realDates.add(value);
        return value;
      }
    }
  }
  throw new GraphQLError(`A date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}.`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: "LocalDate",
  description: "A calendar date without time zone (ngày), written YYYY-MM-DD, e.g. 2024-07-15.",
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseLocalDate(value);
  },
  parseValue: parseLocalDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("A date must be a string written YYYY-MM-DD.", { extensions: { code: "BAD_USER_INPUT" } });
    }
    return parseLocalDate(ast.value);
  },
});

/** TypeORM column transformer: PostgreSQL bigint (a string in `pg`) ↔ JS bigint. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null || value === undefined ? value : BigInt(value)),
};

/** TypeORM column transformer for numeric columns served as JS numbers (scores, shares). */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};
